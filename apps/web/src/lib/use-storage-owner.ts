import { useMemo } from 'react';
import { useSession } from '../auth/auth-context';
import { subjectOf } from '../auth/auth-store';

/**
 * Whose drafts and outbox this tab reads and writes: the signed-in person's Cognito `sub`, known
 * from the stored session even before (or without) the API answering.
 */
export function useStorageOwner(): string | undefined {
  const session = useSession();
  return useMemo(() => (session ? subjectOf(session) : undefined), [session]);
}
