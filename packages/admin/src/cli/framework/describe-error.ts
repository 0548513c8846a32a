import { ConfigError } from '@cruddur/config';
import { isNetworkError } from '@cruddur/errors';
import { CliError } from './cli-error';

interface NodeishError extends Error {
  code?: string;
  errors?: unknown[];
  address?: string;
  port?: number;
}

// The libraries' own errors say what is wrong in words a person can act on.
const EXPECTED = new Set([
  'InvalidInputError',
  'InvalidCursorError',
  'UnknownHandleError',
  'SelfMessageError',
  'NotMemberError',
  'MessageIdConflictError',
  'TransactionCancelledError',
  'CognitoIdConflictError',
  'MigrationInterrupted',
]);

/**
 * One line for the person at the terminal: what failed and what to do, never a stack trace.
 * Connection failures to several addresses arrive as an AggregateError whose own message is empty.
 */
export function describeError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (!(error instanceof Error)) return String(error);
  const e = error as NodeishError;
  const firstLine = e.message.split('\n')[0]!.trim();
  const inner = e.errors?.[0];
  if (!firstLine && inner instanceof Error) return describeError(inner);
  if (error instanceof CliError || EXPECTED.has(e.name)) return firstLine;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `cannot connect to ${e.address ?? 'the server'}${e.port ? `:${e.port}` : ''} (connection refused): is it running, and is the URL right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve the host name (${firstLine}): check the URL`;
    case '3D000':
      return `${firstLine}: create it with \`pnpm db create\` (or \`pnpm db setup\`)`;
    case '42P01':
      return `${firstLine}: load the schema with \`pnpm db schema-load\` (or \`pnpm db setup\`)`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the credentials: ${firstLine}`;
  }
  if (isNetworkError(error)) return `cannot reach the service: ${firstLine || e.code || e.name}`;
  return firstLine ? `${e.name}: ${firstLine}` : e.name;
}
