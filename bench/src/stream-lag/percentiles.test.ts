import { describe, expect, it } from 'vitest';
import { lagFigures } from './percentiles';

describe('lagFigures', () => {
  it('reports nearest-rank percentiles of the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100 shuffled by order
    expect(lagFigures(samples)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('handles a single sample and no samples', () => {
    expect(lagFigures([12.4])).toEqual({ p50: 12, p95: 12, p99: 12, max: 12 });
    expect(lagFigures([1.234, 5.678], 2)).toEqual({ p50: 1.23, p95: 5.68, p99: 5.68, max: 5.68 });
    expect(lagFigures([])).toBeUndefined();
  });
});
