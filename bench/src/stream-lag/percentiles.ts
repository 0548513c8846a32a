export interface LagFigures {
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles (each figure is a value that was actually measured), in whole ms. */
export function lagFigures(samples: number[]): LagFigures | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    Math.round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
  return { p50: rank(50), p95: rank(95), max: Math.round(sorted[sorted.length - 1]!) };
}
