import { type StreamLagReport } from './stream-lag/stream-lag';

type StreamLagRun = StreamLagReport['runs'][number];
import { cpus, loadavg } from 'node:os';
import { type OverheadReport } from './api-overhead';
import { type RoundTripRow } from './round-trips';
import { type ReportFormat } from './text-table';
import { type WebBundleReport } from './web-bundle';

export interface MachineReport {
  cores: number;
  cpu: string;
  node: string;
  /** 1-minute load averages when the run started and ended: other work on the machine skews figures. */
  loadAverage: { start: number; end?: number };
}

export interface BenchReport {
  date: string;
  machine: MachineReport;
  apiOverhead?: OverheadReport;
  roundTrips?: RoundTripRow[];
  streamLag?: StreamLagReport;
  web?: WebBundleReport;
}

export function describeMachine(): MachineReport {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    loadAverage: { start: loadavg()[0]! },
  };
}

export function formatHeader(report: BenchReport): string {
  const { machine } = report;
  return `Cruddur Messages benchmark, ${report.date.slice(0, 10)}: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}`;
}

/** Other work on the machine (test suites) skews the figures: say how busy it was. */
export function formatLoad(report: BenchReport): string {
  const { start, end } = report.machine.loadAverage;
  return `Load average (1 min): ${start.toFixed(2)} at the start${end === undefined ? '' : `, ${end.toFixed(2)} at the end`}.`;
}

export function formatApiOverhead(report: OverheadReport, format: ReportFormat): string {
  const rows = report.rows.flatMap(({ operation, concurrency, api, direct, ratios }, index) => {
    // The operation's name heads its first block only, the concurrency each of its blocks.
    const named = report.rows[index - 1]?.operation !== operation;
    return [
      [
        named ? operation : '',
        concurrency,
        'API',
        api.latencyMs.p50,
        api.latencyMs.p95,
        api.latencyMs.p99,
        api.perSecond,
      ],
      [
        '',
        '',
        'direct',
        direct.latencyMs.p50,
        direct.latencyMs.p95,
        direct.latencyMs.p99,
        direct.perSecond,
      ],
      [
        '',
        '',
        'API ÷ direct',
        `×${ratios.p50}`,
        `×${ratios.p95}`,
        `×${ratios.p99}`,
        `×${ratios.throughput}`,
      ],
    ];
  });
  const capped = report.rows.some((row) => row.api.capped || row.direct.capped);
  return format.section(
    `1. API overhead: ${report.requests} requests per operation, side and concurrency, after ${report.warmup} warm-up`,
    [['operation', 'in flight', 'side', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s'], rows, 'lrlrrrr'],
    [
      'The req/s ratio is the time per request, API ÷ direct (direct req/s ÷ API req/s).',
      ...(capped ? ['Some runs hit their time cap and sent fewer requests than asked.'] : []),
    ],
  );
}

export function formatRoundTrips(rows: readonly RoundTripRow[], format: ReportFormat): string {
  const varies = rows.some((row) => !row.stable);
  return format.section(
    '2. Round trips per request (counted in an API instance in the benchmark process)',
    [
      [
        'procedure',
        'DynamoDB',
        'PostgreSQL',
        'sequential steps',
        'max in flight',
        'calls in order',
      ],
      rows.map((row) => [
        `${row.procedure}${row.stable ? '' : ' (varies)'}`,
        row.dynamodb,
        row.postgres,
        row.sequentialSteps,
        row.maxInFlight,
        row.names.join(' → '),
      ]),
      'lrrrrl',
    ],
    varies ? ['(varies): the calls differed between repetitions; the first is shown.'] : [],
  );
}

/** One row per rate, pattern E beside the naive update, so that the two read side by side. */
export function formatStreamLag(report: StreamLagReport, format: ReportFormat): string {
  const rates = [...new Set(report.runs.map((run) => run.rate))];
  const rows = rates.map((rate) => {
    const e = report.runs.find((run) => run.rate === rate && run.approach === 'pattern-e');
    const naive = report.runs.find((run) => run.rate === rate && run.approach === 'naive');
    const lag = (run: StreamLagRun | undefined) => [
      run?.lagMs?.p50 ?? '-',
      run?.lagMs?.p95 ?? '-',
      run?.lagMs?.max ?? '-',
    ];
    const pair = (pick: (run: StreamLagRun) => number) =>
      `${e ? pick(e) : '-'} / ${naive ? pick(naive) : '-'}`;
    return [
      rate,
      (e ?? naive)?.sent ?? '-',
      ...lag(e),
      ...lag(naive),
      pair((run) => run.missing),
      pair((run) => run.wrongRows),
    ];
  });
  return format.section(
    `3. Stream lag, write → both group rows: ${report.durationSec} s per run, ${report.groups} conversations`,
    [
      [
        'rate/s',
        'messages',
        'pattern E p50 ms',
        'p95 ms',
        'max ms',
        'naive p50 ms',
        'p95 ms',
        'max ms',
        'missing (E / naive)',
        'wrong rows (E / naive)',
      ],
      rows,
      'rrrrrrrrrr',
    ],
  );
}

export function formatWebBundle(report: WebBundleReport, format: ReportFormat): string {
  const total = Math.round((report.initialJsGzipKb + report.initialCssGzipKb) * 10) / 10;
  return format.section('4. Web: production build, first load (gzip)', [
    ['what', 'kB gzip'],
    [
      ['JavaScript, first load', report.initialJsGzipKb],
      ['CSS, first load', report.initialCssGzipKb],
      ['total, first load', total],
      ['JavaScript, per-screen chunks (later)', report.lazyJsGzipKb],
    ],
  ]);
}
