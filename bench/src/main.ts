/**
 * `pnpm bench`: brings up the stack with throw-away data and prints the API overhead, the round
 * trips per procedure, the stream lag and the web bundle size (see bench/README.md).
 */
import { EXIT_CODES } from '@cruddur/config';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { measureApiOverhead } from './api-overhead';
import { measureCost } from './cost/measure-cost';
import { measureWriteLatency } from './cost/write-latency';
import { startBenchStack, type BenchStack } from './bench-stack';
import { HELP, parseBenchArgs, UsageError, type BenchOptions } from './cli-options';
import {
  describeMachine,
  formatApiOverhead,
  formatCost,
  formatHeader,
  formatLiveDelivery,
  formatLoad,
  formatRoundTrips,
  formatStreamLag,
  formatWebBundle,
  formatWriteLatency,
  type BenchReport,
} from './report';
import { measureLiveDelivery } from './live/measure-live';
import { measureRoundTrips } from './round-trips';
import { measureStreamLag, patternELosses } from './stream-lag/measure';
import { MARKDOWN, TEXT } from './text-table';
import { measureWebBundle } from './web-bundle';

// Each procedure's calls are recorded this many times, to show they do not vary.
const ROUND_TRIP_REPEATS = 3;
// Writes measured per side in the write-latency section.
const WRITE_SAMPLES = 300;

function parseCommandLine(): BenchOptions {
  try {
    const parsed = parseBenchArgs(process.argv.slice(2));
    if (parsed !== 'help') return parsed;
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message} (see --help)\n`);
    process.exit(EXIT_CODES.usage);
  }
}

const options = parseCommandLine();
const began = performance.now();
const progress = (message: string) =>
  process.stderr.write(`… [${((performance.now() - began) / 1000).toFixed(0)} s] ${message}\n`);
const format = options.output === 'markdown' ? MARKDOWN : TEXT;
// Tables appear as each section finishes; JSON comes whole at the end.
const show = (text: string) => {
  if (options.output !== 'json') process.stdout.write(`${text}\n\n`);
};

const abort = new AbortController();
let stack: BenchStack | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (abort.signal.aborted) process.exit(130); // a second Ctrl-C: leave at once
    progress(`${signal}: stopping`);
    // Starting the stack and building the web app watch the signal and clean up after themselves;
    // the load runs do not, so a running stack is stopped here.
    abort.abort();
    if (stack) void stack.stop().finally(() => process.exit(130));
  });
}

async function runSections(report: BenchReport): Promise<void> {
  const wants = (section: BenchOptions['sections'][number]) => options.sections.includes(section);
  if (['cost', 'write', 'api', 'trips', 'lag', 'live'].some((section) => wants(section as never))) {
    stack = await startBenchStack(progress, abort.signal);
    try {
      if (wants('cost')) {
        report.cost = await measureCost(stack.config, progress);
        show(formatCost(report.cost, format));
      }
      if (wants('write')) {
        report.write = await measureWriteLatency(stack.config, WRITE_SAMPLES, progress);
        show(formatWriteLatency(report.write, format));
      }
      if (wants('api')) {
        report.apiOverhead = await measureApiOverhead(
          stack,
          {
            requests: options.requests,
            concurrency: options.concurrency,
            warmup: options.warmup,
            timeCapMs: options.timeCapSec * 1000,
          },
          progress,
        );
        show(formatApiOverhead(report.apiOverhead, format));
      }
      if (wants('trips')) {
        progress('counting round trips in an in-process API instance');
        report.roundTrips = await measureRoundTrips(
          stack.config,
          stack.accessToken,
          stack.scenario,
          ROUND_TRIP_REPEATS,
        );
        show(formatRoundTrips(report.roundTrips, format));
      }
      if (wants('lag')) {
        report.streamLag = await measureStreamLag(
          stack.config,
          { rates: options.rates, hotRates: options.hotRates, durationSec: options.lagDurationSec },
          progress,
        );
        show(formatStreamLag(report.streamLag, format));
      }
      if (wants('live')) {
        progress('starting the stack’s stream worker (live delivery runs as deployed)');
        await stack.worker.start();
        report.liveDelivery = await measureLiveDelivery(
          stack.config,
          stack.clientId,
          {
            people: options.livePeople,
            tabs: options.liveTabs,
            rate: options.liveRate,
            durationSec: options.liveDurationSec,
            idleSec: options.liveDurationSec,
          },
          progress,
        );
        await stack.worker.stop();
        show(formatLiveDelivery(report.liveDelivery, format));
      }
    } finally {
      progress('stopping the stack');
      await stack.stop();
      stack = undefined;
    }
  }
  if (wants('web')) {
    report.web = await measureWebBundle(progress, abort.signal);
    show(formatWebBundle(report.web, format));
  }
}

const report: BenchReport = { date: new Date().toISOString(), machine: describeMachine() };
show(formatHeader(report));
try {
  await runSections(report);
  report.machine.loadAverage.end = loadavg()[0]!;
  if (options.output === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else show(formatLoad(report));
  progress(`done in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  const losses = report.streamLag && patternELosses(report.streamLag);
  if (losses) {
    process.stderr.write(`bench: pattern E did not account for every message: ${losses}\n`);
    process.exitCode = 1;
  }
} catch (error) {
  if (abort.signal.aborted) process.exitCode = 130;
  else {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
