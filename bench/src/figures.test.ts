import { describe, expect, it } from 'vitest';
import { latencyFigures, loadFigures, mergeRuns, overheadRatios, slices } from './figures';

describe('latencyFigures', () => {
  it('reports nearest-rank percentiles at 0.1 ms, whatever the order of the samples', () => {
    const samples = Array.from({ length: 200 }, (_, i) => (200 - i) / 2); // 0.5 … 100 ms
    expect(latencyFigures(samples)).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect(latencyFigures([3.14159])).toEqual({ p50: 3.1, p95: 3.1, p99: 3.1 });
  });

  it('has no figures without samples', () => {
    expect(latencyFigures([])).toBeUndefined();
  });
});

describe('loadFigures', () => {
  it('counts successful calls per second of wall time', () => {
    const figures = loadFigures({
      samplesMs: [10, 20, 30, 40],
      failed: 1,
      wallMs: 50,
      capped: false,
    });
    expect(figures).toEqual({
      requests: 4,
      failed: 1,
      latencyMs: { p50: 20, p95: 40, p99: 40 },
      perSecond: 80,
      capped: false,
    });
  });

  it('has no figures when nothing succeeded', () => {
    expect(loadFigures({ samplesMs: [], failed: 5, wallMs: 100, capped: false })).toBeUndefined();
  });
});

describe('overheadRatios', () => {
  const figures = (p50: number, p95: number, p99: number, perSecond: number) => ({
    requests: 100,
    failed: 0,
    capped: false,
    latencyMs: { p50, p95, p99 },
    perSecond,
  });

  it('divides API latency by direct latency, and direct throughput by API throughput', () => {
    expect(overheadRatios(figures(6, 9, 12, 400), figures(4, 6, 6, 1000))).toEqual({
      p50: 1.5,
      p95: 1.5,
      p99: 2,
      throughput: 2.5,
    });
  });
});

describe('slices', () => {
  it('splits a number of requests into near-equal whole parts that add up', () => {
    expect(slices(500, 5)).toEqual([100, 100, 100, 100, 100]);
    expect(slices(12, 5)).toEqual([2, 2, 3, 2, 3]);
    expect(slices(3, 5)).toEqual([1, 1, 1]);
  });
});

describe('mergeRuns', () => {
  it('adds up the samples, failures and wall time of runs taken in turns', () => {
    const merged = mergeRuns([
      { samplesMs: [1, 2], failed: 0, wallMs: 10, capped: false },
      { samplesMs: [3], failed: 2, wallMs: 5, capped: true, firstError: 'HTTP 500' },
    ]);
    expect(merged).toEqual({
      samplesMs: [1, 2, 3],
      failed: 2,
      wallMs: 15,
      capped: true,
      firstError: 'HTTP 500',
    });
  });
});
