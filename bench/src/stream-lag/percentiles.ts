export interface LagFigures {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentiles (each figure is a value that was actually measured), in ms rounded to
 * `decimals` places.
 */
export function lagFigures(samples: number[], decimals = 0): LagFigures | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10 ** decimals) / 10 ** decimals;
  const rank = (p: number) => round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
  return {
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: round(sorted[sorted.length - 1]!),
  };
}
