import { EXIT_CODES } from './exit-codes';
import { type z } from 'zod';

/** Raised when the environment does not satisfy a program's schema; its message names every problem. */
export class ConfigError extends Error {
  constructor(
    readonly program: string,
    readonly problems: string[],
  ) {
    super(
      `${program}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Set these environment variables (see .env.example) and start again.',
    );
    this.name = 'ConfigError';
  }
}

/** Validates `env` against `schema`, collecting every problem instead of stopping at the first. */
export function loadConfig<S extends z.ZodType>(
  program: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  // Blank values are treated as unset, as a shell `FOO=` usually means "no value".
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    return `${name}: ${issue.message}`;
  });
  throw new ConfigError(program, problems);
}

/** For program entry points: prints the one readable message and exits instead of throwing a stack trace. */
export function loadConfigOrExit<S extends z.ZodType>(
  program: string,
  schema: S,
  env?: NodeJS.ProcessEnv,
): z.infer<S> {
  try {
    return loadConfig(program, schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_CODES.config);
    }
    throw error;
  }
}
