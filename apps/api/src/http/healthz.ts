import { tableExists } from '@cruddur/ddb';
import { type ApiServices } from '../services';

type Check = { ok: true } | { ok: false; error: string };

export interface Health {
  ok: boolean;
  dynamodb: Check;
  postgres: Check;
  /** Only on servers with live streams: whether the pub/sub engine is being listened to. */
  live?: Check & { streams: number };
}

const TIMEOUT_MS = 3_000;

/** Whether this instance can reach its data stores; details of failures go to the log, not the caller. */
export async function checkHealth(services: ApiServices): Promise<Health> {
  const { ddb, pool, logger, config } = services;
  const probe = async (name: string, run: () => Promise<string | null>): Promise<Check> => {
    try {
      const problem = await withTimeout(run());
      return problem ? { ok: false, error: problem } : { ok: true };
    } catch (error) {
      logger.warn({ err: error }, `healthz: ${name} unreachable`);
      return { ok: false, error: 'unreachable' };
    }
  };
  const [dynamodb, postgres] = await Promise.all([
    probe('DynamoDB', async () =>
      (await tableExists(ddb)) ? null : `table ${config.DDB_TABLE_NAME} does not exist`,
    ),
    probe('PostgreSQL', async () => {
      await pool.query('SELECT 1');
      return null;
    }),
  ]);
  const { hub } = services;
  if (!hub) return { ok: dynamodb.ok && postgres.ok, dynamodb, postgres };
  const live = hub.listening
    ? { ok: true as const, streams: hub.size }
    : { ok: false as const, error: 'not listening to the pub/sub engine', streams: hub.size };
  return { ok: dynamodb.ok && postgres.ok && live.ok, dynamodb, postgres, live };
}

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
