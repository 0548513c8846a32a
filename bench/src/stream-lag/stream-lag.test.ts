import { dynamoEnv, loadConfig } from '@cruddur/config';
import { describe, expect, it } from 'vitest';
import { runStreamLagBenchmark } from './stream-lag';

describe('runStreamLagBenchmark', () => {
  it('measures both approaches on its own table and accounts for every message', async () => {
    const progress: string[] = [];
    const report = await runStreamLagBenchmark({
      env: loadConfig('test', dynamoEnv, process.env),
      rates: [20],
      durationSec: 1,
      groups: 4,
      warmupSec: 0.5,
      onProgress: (message) => progress.push(message),
    });

    expect(report.runs.map((run) => [run.approach, run.rate, run.sent])).toEqual([
      ['pattern-e', 20, 20],
      ['naive', 20, 20],
    ]);
    for (const run of report.runs) {
      expect(run.missing).toBe(0);
      expect(run.shown + run.superseded).toBe(run.sent);
      expect(run.lagMs!.p50).toBeLessThanOrEqual(run.lagMs!.p95);
      expect(run.lagMs!.p95).toBeLessThanOrEqual(run.lagMs!.max);
    }
    expect(report.runs[0]!.wrongRows).toBe(0);
    expect(progress.slice(0, 2)).toEqual([
      expect.stringMatching(/^creating table cruddur-bench-/),
      'warming up for 0.5 s per approach',
    ]);
  });
});
