import { TRPCClientError } from '@trpc/client';
import { expect } from 'vitest';
import { type AppRouter } from '../root';

/** Awaits a call that must fail with tRPC error `code`; returns the error for further checks. */
export async function expectTRPCError(
  call: Promise<unknown>,
  code: string,
  message?: string | RegExp,
): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    (value: unknown) => new Error(`expected ${code}, got a result: ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const trpcError = error as TRPCClientError<AppRouter>;
  expect(trpcError.data?.code).toBe(code);
  if (message !== undefined) expect(trpcError.message).toMatch(message);
  return trpcError;
}
