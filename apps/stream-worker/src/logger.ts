import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines: CloudWatch in Lambda, the orchestrator's log sink locally. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'stream-worker' } });
}
