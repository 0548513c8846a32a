import { createApiServices } from '@cruddur/api';
import { type BenchStack } from './bench-stack';
import {
  loadFigures,
  mergeRuns,
  slices,
  overheadRatios,
  type LoadFigures,
  type LoadRun,
  type OverheadRatios,
} from './figures';
import { loadInProcess, loadOverHttp, type LoadOptions } from './http-load';
import { benchOperations } from './operations';

const ROUNDS = 5;

export interface OverheadRow {
  operation: string;
  /** Requests in flight at once, on both sides. */
  concurrency: number;
  api: LoadFigures;
  direct: LoadFigures;
  ratios: OverheadRatios;
}

export interface OverheadReport {
  requests: number;
  warmup: number;
  rows: OverheadRow[];
}

export interface OverheadOptions extends Omit<LoadOptions, 'concurrency'> {
  /** Each operation is measured at each of these levels. */
  concurrency: number[];
  /** Unreported calls per operation and side before measuring. */
  warmup: number;
}

function figuresOf(run: LoadRun, what: string): LoadFigures {
  const figures = loadFigures(run);
  if (run.failed > 0 || !figures) {
    throw new Error(
      `${what}: ${run.failed} of ${run.failed + run.samplesMs.length} calls failed (first: ${run.firstError ?? 'no answer'})`,
    );
  }
  return figures;
}

/**
 * Each operation over HTTP against the stack's API process (autocannon), and the same DynamoDB
 * and PostgreSQL work directly in this process through the clients the API builds
 * (`createApiServices`), with the same number of calls in flight, at each concurrency level.
 */
export async function measureApiOverhead(
  stack: BenchStack,
  options: OverheadOptions,
  progress: (message: string) => void,
): Promise<OverheadReport> {
  const services = createApiServices(stack.config);
  const rows: OverheadRow[] = [];
  try {
    for (const { call, direct } of benchOperations(stack.scenario)) {
      for (const concurrency of options.concurrency) {
        const what = `${call.label}, ${concurrency} in flight`;
        const sides = {
          api: (load: LoadOptions) => loadOverHttp(stack.apiUrl, stack.accessToken, call, load),
          direct: (load: LoadOptions) => loadInProcess(() => direct(services), load),
        };
        progress(
          `${what}: ${options.warmup} warm-up + ${options.requests} requests, over HTTP and direct`,
        );
        // The time cap bounds a whole measurement, so each of its slices gets its share.
        const timeCapMs = options.timeCapMs / ROUNDS;
        if (options.warmup > 0) {
          const warmup = { timeCapMs, concurrency, requests: options.warmup };
          figuresOf(await sides.api(warmup), `${what}, warm-up over HTTP`);
          figuresOf(await sides.direct(warmup), `${what}, direct warm-up`);
        }
        // The two sides take turns, a slice of the requests each, so that a change in what else
        // the machine is doing falls on both alike.
        const runs = { api: [] as LoadRun[], direct: [] as LoadRun[] };
        for (const requests of slices(options.requests, ROUNDS)) {
          const load = { timeCapMs, concurrency, requests };
          runs.api.push(await sides.api(load));
          runs.direct.push(await sides.direct(load));
        }
        const api = figuresOf(mergeRuns(runs.api), `${what}, over HTTP`);
        const directFigures = figuresOf(mergeRuns(runs.direct), `${what}, direct`);
        rows.push({
          operation: call.label,
          concurrency,
          api,
          direct: directFigures,
          ratios: overheadRatios(api, directFigures),
        });
      }
    }
  } finally {
    await services.close();
  }
  return { requests: options.requests, warmup: options.warmup, rows };
}
