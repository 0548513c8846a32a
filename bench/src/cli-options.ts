import { parseArgs } from 'node:util';

export const SECTIONS = ['cost', 'write', 'api', 'trips', 'lag', 'live', 'web'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  sections: Section[];
  requests: number;
  concurrency: number[];
  warmup: number;
  timeCapSec: number;
  rates: number[];
  hotRates: number[];
  lagDurationSec: number;
  livePeople: number;
  liveTabs: number;
  liveRate: number;
  liveDurationSec: number;
  output: 'text' | 'markdown' | 'json';
}

export const HELP = `Usage: pnpm bench [options]

Brings up the stack (DynamoDB Local, PostgreSQL, cognito-local, the API) with throw-away data and
prints, on this machine:
  cost   DynamoDB capacity per operation on AWS's rules (send with its stream update, start a
         conversation, a burst into one conversation, the lists), beside the original Python
         code's calls replayed through the same meter
  write  latency of one message through the library beside one plain PutItem of the same item
  api    API overhead: p50/p95/p99 latency and req/s of messageGroups.list, messages.list and
         messages.create over HTTP with a real Cognito token, beside the same DynamoDB and
         PostgreSQL calls made directly; the ratio API ÷ direct is the figure to keep low
  trips  DynamoDB and PostgreSQL round trips per procedure, and whether any ran concurrently
  lag    stream lag (write → both group rows) of pattern E and the naive update at each rate
  live   live delivery (write → the other person's tabs) and DynamoDB reads per idle
         subscriber-minute, over 2 API instances, beside the polling design it replaced
  web    gzip size of the web app's production build on its first load

Options:
  --only <list>         sections to run, comma-separated (default cost,write,api,trips,lag,live,web)
  --requests <n>        measured requests per operation and side (default 500)
  --connections <list>  requests in flight at once, each level measured (default 1,10)
  --warmup <n>          unmeasured requests per operation and side first (default 50)
  --time-cap <s>        one operation's measurement on one side stops after this long (default 60)
  --rates <list>        stream lag: messages per second over 20 conversations (default 5,20)
  --hot-rates <list>    stream lag: messages per second into one conversation (default 50)
  --lag-duration <s>    stream lag: seconds per run (default 10)
  --live-people <n>     live delivery: people, in pairs (default 100)
  --live-tabs <n>       live delivery: open tabs (subscribers) per person (default 10)
  --live-rate <n>       live delivery: messages per second (default 10)
  --live-duration <s>   live delivery: seconds of traffic, and of idle before it (default 20)
  --json                print the report as JSON (progress still goes to stderr)
  --markdown            print the tables as Markdown, for a README
  -h, --help            show this help

All traffic stays on loopback. Exit codes: 0 measured, 1 a run failed or pattern E lost a
message, 2 bad arguments, 130 interrupted.`;

export class UsageError extends Error {}

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${raw}"`);
  return value;
}

function rateList(raw: string | undefined, fallback = [5, 20]): number[] {
  if (raw === undefined) return fallback;
  const rates = raw.split(',').map((part) => Number(part.trim()));
  if (rates.some((rate) => !Number.isFinite(rate) || rate <= 0 || rate > 1000))
    throw new UsageError(
      `--rates must be numbers above 0 and at most 1000, e.g. 5,20, not "${raw}"`,
    );
  return rates;
}

function sectionList(raw: string | undefined): Section[] {
  if (raw === undefined) return [...SECTIONS];
  const wanted = raw.split(',').map((part) => part.trim());
  const unknown = wanted.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0 || wanted.length === 0)
    throw new UsageError(`--only takes ${SECTIONS.join(', ')}; unknown: ${unknown.join(', ')}`);
  return SECTIONS.filter((section) => wanted.includes(section));
}

/** The command line as options, or `'help'`; a UsageError says what is wrong. */
export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        only: { type: 'string' },
        requests: { type: 'string' },
        connections: { type: 'string' },
        warmup: { type: 'string' },
        'time-cap': { type: 'string' },
        rates: { type: 'string' },
        'hot-rates': { type: 'string' },
        'lag-duration': { type: 'string' },
        'live-people': { type: 'string' },
        'live-tabs': { type: 'string' },
        'live-rate': { type: 'string' },
        'live-duration': { type: 'string' },
        json: { type: 'boolean' },
        markdown: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  if (values.help) return 'help';
  if (values.json && values.markdown) throw new UsageError('choose one of --json and --markdown');
  return {
    sections: sectionList(values.only),
    requests: wholeNumber('requests', values.requests, 500, 100_000),
    concurrency: (values.connections ?? '1,10')
      .split(',')
      .map((level) => wholeNumber('connections', level.trim(), 0, 100)),
    warmup: values.warmup === '0' ? 0 : wholeNumber('warmup', values.warmup, 50, 10_000),
    timeCapSec: wholeNumber('time-cap', values['time-cap'], 60, 600),
    rates: rateList(values.rates),
    hotRates: rateList(values['hot-rates'], [50]),
    lagDurationSec: wholeNumber('lag-duration', values['lag-duration'], 10, 600),
    livePeople: wholeNumber('live-people', values['live-people'], 100, 1_000),
    liveTabs: wholeNumber('live-tabs', values['live-tabs'], 10, 100),
    liveRate: wholeNumber('live-rate', values['live-rate'], 10, 200),
    liveDurationSec: wholeNumber('live-duration', values['live-duration'], 20, 600),
    output: values.json ? 'json' : values.markdown ? 'markdown' : 'text',
  };
}
