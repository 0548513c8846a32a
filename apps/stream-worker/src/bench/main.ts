/**
 * `pnpm --filter @cruddur/stream-worker bench:lag`: prints the stream lag of pattern E beside the
 * naive update. Uses AWS_ENDPOINT_URL_DYNAMODB when set, else starts its own DynamoDB Local.
 */
import { dynamoEnv, loadConfigOrExit } from '@cruddur/config';
import { startServices, type RunningServices } from '@cruddur/devstack';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { runStreamLagBenchmark, type Approach, type StreamLagReport } from './stream-lag';

const HELP = `Usage: pnpm --filter @cruddur/stream-worker bench:lag [options]

Sends messages at steady rates through @cruddur/ddb while the stream poller runs in this process
and prints the lag from each write to both group rows showing it (p50, p95, max), for pattern E's
core and for the naive query + delete + put, against one throw-away table.

Options:
  --rates <list>      messages per second, comma-separated (default 5,20)
  --duration <s>      seconds per run (default 10)
  --groups <n>        conversations the messages are spread over (default 20)
  --approach <name>   pattern-e, naive or both (default both)
  --json              print the report as JSON
  -h, --help          show this help

DynamoDB: AWS_ENDPOINT_URL_DYNAMODB (+ AWS_REGION) when set; otherwise a DynamoDB Local is started.
Exit codes: 0 measured, 1 pattern E lost or misplaced a message or the run failed, 64 bad arguments.`;

const positive = (what: string) =>
  z.coerce.number({ message: `${what} must be a number` }).positive(`${what} must be above 0`);
const argsSchema = z.object({
  rates: z
    .string()
    .default('5,20')
    .transform((list) => list.split(',').map(Number))
    .pipe(
      z.array(
        z
          .number({ message: '--rates must be numbers, e.g. 5,20' })
          .positive('each rate must be above 0')
          .max(1000, 'each rate must be at most 1000/s'),
      ),
    ),
  duration: positive('--duration').max(600, '--duration must be at most 600 s').default(10),
  groups: positive('--groups').int('--groups must be a whole number').max(1000).default(20),
  approach: z
    .enum(['pattern-e', 'naive', 'both'], {
      message: '--approach must be pattern-e, naive or both',
    })
    .default('both'),
  json: z.boolean().default(false),
});

function fail(message: string, code: number): never {
  process.stderr.write(`bench:lag: ${message}\n`);
  process.exit(code);
}

function parseCommandLine() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        rates: { type: 'string' },
        duration: { type: 'string' },
        groups: { type: 'string' },
        approach: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]} (see --help)`, 64);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join('; '), 64);
  return parsed.data;
}

function printTable(report: StreamLagReport): void {
  const header = [
    'approach',
    'rate/s',
    'sent',
    'shown',
    'superseded',
    'missing',
    'wrong rows',
    'p50 ms',
    'p95 ms',
    'max ms',
  ];
  const rows = report.runs.map((run) => [
    run.approach,
    run.rate,
    run.sent,
    run.shown,
    run.superseded,
    run.missing,
    run.wrongRows,
    run.lagMs?.p50 ?? '-',
    run.lagMs?.p95 ?? '-',
    run.lagMs?.max ?? '-',
  ]);
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ');
  process.stdout.write(
    `Stream lag: write → both group rows, ${report.durationSec} s per run, ${report.groups} conversations\n`,
  );
  for (const row of cells) process.stdout.write(`${line(row)}\n`);
}

const args = parseCommandLine();
const progress = (message: string) => process.stderr.write(`… ${message}\n`);
let services: RunningServices | undefined;
// DynamoDB Local runs detached from the terminal: stop it ourselves on Ctrl-C.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void (services?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

try {
  if (!process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    services = await startServices({ services: ['dynamodb'], onProgress: progress });
    Object.assign(process.env, services.env);
  }
  const config = loadConfigOrExit('bench:lag', dynamoEnv);
  const approaches: Approach[] =
    args.approach === 'both' ? ['pattern-e', 'naive'] : [args.approach];
  const report = await runStreamLagBenchmark({
    env: config,
    rates: args.rates,
    durationSec: args.duration,
    groups: args.groups,
    approaches,
    onProgress: progress,
  });
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printTable(report);
  const broken = report.runs.some(
    (run) => run.approach === 'pattern-e' && (run.missing > 0 || run.wrongRows > 0),
  );
  if (broken)
    process.stderr.write(
      'bench:lag: pattern E left messages missing or rows wrong (see the table)\n',
    );
  process.exitCode = broken ? 1 : 0;
} catch (error) {
  process.stderr.write(`bench:lag: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await services?.stop();
}
