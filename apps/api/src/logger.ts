import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines for machines; pretty lines only for a person watching a terminal in development. */
export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  return pino({
    level,
    base: { service: 'api' },
    redact: { paths: ['req.headers.authorization', 'token', '*.token'], censor: '[redacted]' },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
          },
        }
      : {}),
  });
}
