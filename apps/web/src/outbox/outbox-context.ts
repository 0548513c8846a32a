import { createContext, useContext } from 'react';
import type { Outbox } from './outbox';

export const OutboxContext = createContext<Outbox | null>(null);

/** This tab's outbox (null while nobody is signed in). */
export function useOutbox(): Outbox | null {
  return useContext(OutboxContext);
}
