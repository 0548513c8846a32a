import { type StreamLagReport } from './stream-lag/stream-lag';

type StreamLagRun = StreamLagReport['runs'][number];
import { cpus, loadavg } from 'node:os';
import { type OverheadReport } from './api-overhead';
import { BEFORE_THIS_ROUND, COST_GOALS } from './cost/goals';
import { type CostReport } from './cost/measure-cost';
import { type WriteLatencyReport } from './cost/write-latency';
import { type LiveDeliveryReport } from './live/measure-live';
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
  cost?: CostReport;
  write?: WriteLatencyReport;
  apiOverhead?: OverheadReport;
  roundTrips?: RoundTripRow[];
  streamLag?: StreamLagReport;
  liveDelivery?: LiveDeliveryReport;
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

const units = (n: number | undefined) =>
  n === undefined ? '-' : String(Math.round(n * 100) / 100);
const times = (a: number | undefined, b: number | undefined) =>
  a === undefined || !b ? '-' : `×${Math.round((a / b) * 100) / 100}`;

export function formatCost(report: CostReport, format: ReportFormat): string {
  const rows = report.rows.map(({ operation, capacity }) => {
    const ours = capacity['this project'];
    const original = capacity.original;
    const before = BEFORE_THIS_ROUND[operation];
    return [
      operation,
      units(ours?.write),
      units(ours?.read),
      units(original?.write),
      units(original?.read),
      before ? `${units(before.write)} / ${units(before.read)}` : '-',
      times(ours?.write, original?.write),
    ];
  });
  const goals = COST_GOALS.map((goal) => {
    const row = report.rows.find((r) => r.operation === goal.operation)?.capacity['this project'];
    const met = row !== undefined && row.write <= goal.write && row.read <= (goal.read ?? Infinity);
    const limits = [
      `≤ ${goal.write} WCU`,
      ...(goal.read === undefined ? [] : [`≤ ${goal.read} RCU`]),
    ].join(' and ');
    return `${met ? 'met' : 'NOT MET'}: ${goal.operation} ${limits} (measured ${units(row?.write)} WCU / ${units(row?.read)} RCU)`;
  });
  return format.section(
    '1. DynamoDB capacity per operation (AWS rules; per message for the sends, stream update included)',
    [
      [
        'operation',
        'WCU',
        'RCU',
        'original WCU',
        'original RCU',
        'before this round WCU / RCU',
        'WCU ÷ original',
      ],
      rows,
      'lrrrrrr',
    ],
    [
      "Single writes are DynamoDB Local's own figures (with their GSI writes); a transaction is computed from its items as AWS bills it (each item twice, a group row once more for the GSI), Local's own figure being too low; reads are the bytes returned, rounded up to 4 KB (at least one unit), half for eventually consistent reads.",
      '"original": the original Python code\'s calls (create_message, create_message_group, its stream Lambda) replayed through the same meter; "before this round": this project as measured on 2026-11-25.',
      ...goals,
    ],
  );
}

export function formatWriteLatency(report: WriteLatencyReport, format: ReportFormat): string {
  const row = (what: string, figures: WriteLatencyReport['putItem']) => [
    what,
    figures.p50,
    figures.p95,
    figures.p99,
    times(figures.p50, report.putItem.p50),
  ];
  return format.section(
    `2. One message written: the library beside one plain PutItem of the same item (${report.samples} each, taking turns)`,
    [
      ['write', 'p50 ms', 'p95 ms', 'p99 ms', 'p50 ÷ PutItem'],
      [
        row('PutItem of a message item', report.putItem),
        row('createMessage, members known (as the API calls it)', report.library),
        row('createMessage on its own (reads the membership first)', report.libraryCold),
      ],
      'lrrrr',
    ],
    [`goal: the library ≤ ×1.5 a PutItem at p50 (before this round: ×3.1)`],
  );
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
    `3. API overhead: ${report.requests} requests per operation, side and concurrency, after ${report.warmup} warm-up`,
    [['operation', 'in flight', 'side', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s'], rows, 'lrlrrrr'],
    [
      'The direct side makes the calls each procedure made before this round (a PostgreSQL lookup of the caller, a membership read, a message written with its id guard); the API makes fewer. The req/s ratio is the time per request, API ÷ direct (direct req/s ÷ API req/s). Goal: API ÷ direct p50 ≤ ×1.0.',
      ...(capped ? ['Some runs hit their time cap and sent fewer requests than asked.'] : []),
    ],
  );
}

export function formatRoundTrips(rows: readonly RoundTripRow[], format: ReportFormat): string {
  const varies = rows.some((row) => !row.stable);
  return format.section(
    '4. Round trips per request (counted in an API instance in the benchmark process): first calls, then steady state',
    [
      [
        'procedure',
        'DynamoDB',
        'PostgreSQL users',
        'NOTIFY',
        'write limit',
        'sequential steps',
        'max in flight',
        'calls in order',
      ],
      rows.map((row) => [
        `${row.procedure}${row.stable ? '' : ' (varies)'}`,
        row.dynamodb,
        row.postgres,
        row.notify,
        row.limit,
        row.sequentialSteps,
        row.maxInFlight,
        row.names.join(' → '),
      ]),
      'lrrrrrrl',
    ],
    [
      'PostgreSQL is counted by use: users lookups (cached per instance), the live announcement after a write (NOTIFY), and the per-person write limit shared by every instance.',
      ...(varies ? ['(varies): the calls differed between repetitions; the first is shown.'] : []),
    ],
  );
}

/** One row per rate and spread, pattern E beside the original's update, so that the two read side by side. */
export function formatStreamLag(report: StreamLagReport, format: ReportFormat): string {
  const cases = [...new Map(report.runs.map((run) => [`${run.rate}/${run.groups}`, run])).values()];
  const rows = cases.map(({ rate, groups }) => {
    const find = (approach: string) =>
      report.runs.find(
        (run) => run.rate === rate && run.groups === groups && run.approach === approach,
      );
    const e = find('pattern-e');
    const naive = find('naive');
    const lag = (run: StreamLagRun | undefined) => [
      run?.lagMs?.p50 ?? '-',
      run?.lagMs?.p99 ?? '-',
      run?.lagMs?.max ?? '-',
    ];
    const pair = (pick: (run: StreamLagRun) => number) =>
      `${e ? pick(e) : '-'} / ${naive ? pick(naive) : '-'}`;
    return [
      rate,
      groups,
      (e ?? naive)?.sent ?? '-',
      ...lag(e),
      ...lag(naive),
      pair((run) => run.missing),
      pair((run) => run.wrongRows),
    ];
  });
  return format.section(
    `5. Stream lag, write → both group rows: ${report.durationSec} s per run`,
    [
      [
        'rate/s',
        'conversations',
        'messages',
        'pattern E p50 ms',
        'p99 ms',
        'max ms',
        'original p50 ms',
        'p99 ms',
        'max ms',
        'missing (E / original)',
        'wrong rows (E / original)',
      ],
      rows,
      'rrrrrrrrrrr',
    ],
    [
      '"original": the original Python code\'s stream handler (query the rows, delete and put each), on the same poller.',
      'Goal for a hot conversation (50/s into one): pattern E p50 ≤ 250 ms, p99 ≤ 1 s, nothing missing, no wrong row.',
    ],
  );
}

export function formatWebBundle(report: WebBundleReport, format: ReportFormat): string {
  const total = Math.round((report.initialJsGzipKb + report.initialCssGzipKb) * 10) / 10;
  return format.section('7. Web: production build, first load (gzip)', [
    ['what', 'kB gzip'],
    [
      ['JavaScript, first load', report.initialJsGzipKb],
      ['CSS, first load', report.initialCssGzipKb],
      ['total, first load', total],
      ['JavaScript, per-screen chunks (later)', report.lazyJsGzipKb],
    ],
  ]);
}

export function formatLiveDelivery(report: LiveDeliveryReport, format: ReportFormat): string {
  const { options } = report;
  const rows = report.rows.map((row) => [
    row.design,
    row.subscribers,
    row.sent,
    row.delivery?.p50 ?? '-',
    row.delivery?.p99 ?? '-',
    row.delivery?.max ?? '-',
    row.missing,
    row.idleReadsPerSubscriberMinute,
  ]);
  const live = report.rows[0];
  return format.section(
    `6. Live delivery, write → the other person's tabs: ${options.people} people × ${options.tabs} tabs over 2 API instances, ${options.rate} messages/s for ${options.durationSec} s`,
    [
      [
        'design',
        'subscribers',
        'messages',
        'p50 ms',
        'p99 ms',
        'max ms',
        'missing',
        'DynamoDB reads per idle subscriber-minute',
      ],
      rows,
    ],
    [
      `Goal: 0 DynamoDB reads per idle subscriber-minute — ${live && live.idleReadsPerSubscriberMinute === 0 ? 'met' : 'NOT met'}.`,
      'Every tab is connected during the idle window and the traffic; a delivery is one message reaching one tab of its recipient. Both designs share this process with the two API instances.',
    ],
  );
}
