/** What one load run measured: every successful call's latency and the run's wall time. */
export interface LoadRun {
  /** Latency of each successful call, in ms. */
  samplesMs: number[];
  failed: number;
  wallMs: number;
  /** The run hit its time cap before sending every request. */
  capped: boolean;
  /** What the first failed call said, to explain a failed run. */
  firstError?: string;
}

/** Runs of the same work taken one after another, as one run. */
export function mergeRuns(runs: readonly LoadRun[]): LoadRun {
  return {
    samplesMs: runs.flatMap((run) => run.samplesMs),
    failed: runs.reduce((total, run) => total + run.failed, 0),
    wallMs: runs.reduce((total, run) => total + run.wallMs, 0),
    capped: runs.some((run) => run.capped),
    firstError: runs.find((run) => run.firstError !== undefined)?.firstError,
  };
}

/** `total` split into at most `count` near-equal whole parts, none of them empty. */
export function slices(total: number, count: number): number[] {
  const parts = Math.min(total, count);
  return Array.from(
    { length: parts },
    (_, i) => Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts),
  );
}

export interface LatencyFigures {
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadFigures {
  requests: number;
  failed: number;
  latencyMs: LatencyFigures;
  /** Successful calls per second of wall time. */
  perSecond: number;
  capped: boolean;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * Nearest-rank percentiles, so that each figure is a latency that was actually measured; 0.1 ms
 * resolution because loopback calls take a few milliseconds.
 */
export function latencyFigures(samplesMs: readonly number[]): LatencyFigures | undefined {
  if (samplesMs.length === 0) return undefined;
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const rank = (p: number) =>
    oneDecimal(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
  return { p50: rank(50), p95: rank(95), p99: rank(99) };
}

/** The figures of a run; undefined when not one call succeeded. */
export function loadFigures(run: LoadRun): LoadFigures | undefined {
  const latencyMs = latencyFigures(run.samplesMs);
  if (!latencyMs || run.wallMs <= 0) return undefined;
  return {
    requests: run.samplesMs.length,
    failed: run.failed,
    latencyMs,
    perSecond: Math.round((run.samplesMs.length * 1000) / run.wallMs),
    capped: run.capped,
  };
}

/** API ÷ direct, for latency (higher is worse) and for throughput (expressed the same way round). */
export interface OverheadRatios {
  p50: number;
  p95: number;
  p99: number;
  /** direct req/s ÷ API req/s: how many times fewer calls the API completes in the same time. */
  throughput: number;
}

const ratio = (numerator: number, denominator: number) =>
  denominator > 0 ? Math.round((numerator / denominator) * 100) / 100 : Number.NaN;

export function overheadRatios(api: LoadFigures, direct: LoadFigures): OverheadRatios {
  return {
    p50: ratio(api.latencyMs.p50, direct.latencyMs.p50),
    p95: ratio(api.latencyMs.p95, direct.latencyMs.p95),
    p99: ratio(api.latencyMs.p99, direct.latencyMs.p99),
    throughput: ratio(direct.perSecond, api.perSecond),
  };
}
