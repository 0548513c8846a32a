import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { type LoadRun } from './figures';
import { type ApiCall } from './operations';

export interface LoadOptions {
  requests: number;
  /** Requests in flight at once: HTTP connections here, concurrent calls in the direct run. */
  concurrency: number;
  /** The run stops by itself after this long, whatever it has sent. */
  timeCapMs: number;
}

/** `requests` calls of `call` with autocannon over loopback, `concurrency` connections at a time. */
export async function loadOverHttp(
  apiUrl: string,
  accessToken: string,
  call: ApiCall,
  options: LoadOptions,
): Promise<LoadRun> {
  const samplesMs: number[] = [];
  let firstError: string | undefined;
  let capped = false;
  const headers = {
    authorization: `Bearer ${accessToken}`,
    ...(call.body ? { 'content-type': 'application/json' } : {}),
  };
  const started = performance.now();
  // autocannon notices it is done only at its next tick (`sampleInt`): the run's wall time ends
  // with its last answer instead.
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: apiUrl,
        connections: Math.min(options.concurrency, options.requests),
        amount: options.requests,
        timeout: 10,
        // Ticks end a run sooner; we use none of the per-tick samples.
        sampleInt: 100,
        requests: [
          {
            method: call.method,
            path: call.path,
            headers,
            ...(call.body
              ? { setupRequest: (request) => ({ ...request, body: call.body!() }) }
              : {}),
            onResponse: (status, body) => {
              if (status >= 300) firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (error: Error | null, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      lastAnswer = performance.now();
      if (status >= 200 && status < 300) samplesMs.push(ms);
    });
    instance.on('reqError', (error: unknown) => {
      lastAnswer = performance.now();
      firstError ??= error instanceof Error ? error.message : String(error);
    });
    const cap = setTimeout(() => {
      capped = true;
      instance.stop();
    }, options.timeCapMs);
    instance.once('done', () => clearTimeout(cap));
  });
  return {
    samplesMs,
    failed: result.non2xx + result.errors,
    wallMs: lastAnswer - started,
    capped,
    firstError,
  };
}

/** The same number of calls of `operation` in this process, `concurrency` at a time. */
export async function loadInProcess(
  operation: () => Promise<unknown>,
  options: LoadOptions,
): Promise<LoadRun> {
  const samplesMs: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  let capped = false;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.timeCapMs;
  const lane = async () => {
    while (next < options.requests) {
      if (performance.now() > deadline) {
        capped = true;
        return;
      }
      next += 1;
      const begun = performance.now();
      try {
        await operation();
        samplesMs.push(performance.now() - begun);
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.requests) }, lane));
  return { samplesMs, failed, wallMs: performance.now() - started, capped, firstError };
}
