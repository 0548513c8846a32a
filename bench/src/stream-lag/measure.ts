import { type ApiConfig } from '@cruddur/api';
import { runStreamLagBenchmark, type StreamLagReport } from './stream-lag';

export interface StreamLagOptions {
  rates: number[];
  durationSec: number;
}

/**
 * The stream worker's own benchmark (`@cruddur/stream-worker` bench:lag) against the stack's
 * DynamoDB Local: a throw-away table, the poller in this process, pattern E beside the naive update.
 */
export function measureStreamLag(
  config: ApiConfig,
  options: StreamLagOptions,
  progress: (message: string) => void,
): Promise<StreamLagReport> {
  return runStreamLagBenchmark({
    env: config,
    rates: options.rates,
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
    .map((run) => `at ${run.rate}/s ${run.missing} missing, ${run.wrongRows} wrong rows`)
    .join('; ');
}
