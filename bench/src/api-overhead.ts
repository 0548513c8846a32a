import { createApiServices } from '@cruddur/api';
import { type BenchStack } from './bench-stack';
import {
  loadFigures,
  overheadRatios,
  type LoadFigures,
  type LoadRun,
  type OverheadRatios,
} from './figures';
import { loadInProcess, loadOverHttp, type LoadOptions } from './http-load';
import { benchOperations } from './operations';

export interface OverheadRow {
  operation: string;
  api: LoadFigures;
  direct: LoadFigures;
  ratios: OverheadRatios;
}

export interface OverheadReport {
  requests: number;
  concurrency: number;
  warmup: number;
  rows: OverheadRow[];
}

export interface OverheadOptions extends LoadOptions {
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
 * Each operation over HTTP against the stack's API process (autocannon), then the same DynamoDB
 * and PostgreSQL work directly in this process through the clients the API builds
 * (`createApiServices`), with the same number of calls in flight.
 */
export async function measureApiOverhead(
  stack: BenchStack,
  options: OverheadOptions,
  progress: (message: string) => void,
): Promise<OverheadReport> {
  const services = createApiServices(stack.config);
  const warmup = { ...options, requests: options.warmup };
  const rows: OverheadRow[] = [];
  try {
    for (const { call, direct } of benchOperations(stack.scenario)) {
      const name = call.label;
      progress(`${name}: ${options.warmup} warm-up + ${options.requests} requests over HTTP`);
      if (options.warmup > 0)
        figuresOf(await loadOverHttp(stack.apiUrl, stack.accessToken, call, warmup), name);
      const api = figuresOf(
        await loadOverHttp(stack.apiUrl, stack.accessToken, call, options),
        `${name} over HTTP`,
      );
      progress(`${name}: ${options.warmup} warm-up + ${options.requests} direct calls`);
      if (options.warmup > 0) figuresOf(await loadInProcess(() => direct(services), warmup), name);
      const directFigures = figuresOf(
        await loadInProcess(() => direct(services), options),
        `${name} direct`,
      );
      rows.push({
        operation: name,
        api,
        direct: directFigures,
        ratios: overheadRatios(api, directFigures),
      });
    }
  } finally {
    await services.close();
  }
  return {
    requests: options.requests,
    concurrency: options.concurrency,
    warmup: options.warmup,
    rows,
  };
}
