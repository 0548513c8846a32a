import { type ApiConfig } from '@cruddur/api';
import { runStreamLagBenchmark, type StreamLagReport } from './stream-lag';

export interface StreamLagOptions {
  rates: number[];
  /** Rates into one single conversation. */
  hotRates: number[];
  durationSec: number;
}

/**
 * The stream-lag benchmark (./stream-lag.ts) against the stack's DynamoDB Local: a throw-away
 * table, the worker's poller in this process, pattern E beside the original's update.
 */
export function measureStreamLag(
  config: ApiConfig,
  options: StreamLagOptions,
  progress: (message: string) => void,
): Promise<StreamLagReport> {
  return runStreamLagBenchmark({
    env: config,
    rates: options.rates,
    hotRates: options.hotRates,
    durationSec: options.durationSec,
    onProgress: progress,
  });
}

/** Pattern E must account for every message; a lost one makes its lag figures meaningless. */
export function patternELosses(report: StreamLagReport): string | undefined {
  const broken = report.runs.filter(
    (run) => run.approach === 'pattern-e' && (run.missing > 0 || run.wrongRows > 0),
  );
  if (broken.length === 0) return undefined;
  return broken
    .map(
      (run) =>
        `at ${run.rate}/s over ${run.groups} conversation(s) ${run.missing} missing, ${run.wrongRows} wrong rows`,
    )
    .join('; ');
}
