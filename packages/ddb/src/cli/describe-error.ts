import { NETWORK_ERROR_CODES } from '@cruddur/config';
import { CliError } from './output';

const EXPECTED = new Set([
  'CliError',
  'InvalidInputError',
  'InvalidCursorError',
  'UnknownHandleError',
  'SelfMessageError',
  'NotMemberError',
  'MessageIdConflictError',
  'TransactionCancelledError',
]);

/** One line for the person at the terminal: our own errors as they are, others with their kind. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const firstLine = error.message.split('\n')[0]!.trim();
  if (error instanceof CliError || EXPECTED.has(error.name)) return firstLine;
  const code =
    (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code))
    return `cannot reach the service: ${firstLine || code}`;
  if (error instanceof AggregateError && error.errors[0] instanceof Error)
    return describeError(error.errors[0]);
  return `${error.name}: ${firstLine}`;
}
