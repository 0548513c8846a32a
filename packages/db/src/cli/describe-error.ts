import { ConfigError } from '@cruddur/config';

interface NodeishError extends Error {
  code?: string;
  errors?: unknown[];
  address?: string;
  port?: number;
}

/**
 * One line for a person: what failed and what to do, without a stack trace. Connection failures to
 * several addresses arrive as an AggregateError whose own message is empty.
 */
export function describeError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (!(error instanceof Error)) return String(error);
  const e = error as NodeishError;
  const inner = e.errors?.[0];
  if (!e.message && inner instanceof Error) return describeError(inner);
  switch (e.code) {
    case 'ECONNREFUSED':
      return `cannot connect to ${e.address ?? 'the server'}${e.port ? `:${e.port}` : ''} (connection refused): is it running, and is the URL right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve the host name (${e.message}): check the URL`;
    case '3D000':
      return `${e.message}: create it with \`pnpm db create\` (or \`pnpm db setup\`)`;
    case '42P01':
      return `${e.message}: load the schema with \`pnpm db schema-load\` (or \`pnpm db setup\`)`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the credentials: ${e.message}`;
    default:
      return e.message || e.name;
  }
}
