import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/** What a migration has seen so far: enough to resume the scan where it stopped. */
export interface MigrationState {
  table: string;
  lastKey: Record<string, unknown> | null;
  scanDone: boolean;
  scanned: number;
  rewritten: { messages: number; rows: number };
  /** Per group: its rows (owner, the person shown, sort key) and whether its membership is recorded. */
  groups: Record<
    string,
    { rows: { owner: string; other: string; sk: string }[]; hasMembers: boolean }
  >;
  /** Pair (`low#high`) → the group its guard names. */
  guardedPairs: Record<string, string>;
  unreadable: { key: string; problem: string }[];
}

export function newState(table: string): MigrationState {
  return {
    table,
    lastKey: null,
    scanDone: false,
    scanned: 0,
    rewritten: { messages: 0, rows: 0 },
    groups: {},
    guardedPairs: {},
    unreadable: [],
  };
}

/** The saved state of an unfinished migration of `table`, if there is one. */
export async function loadState(path: string, table: string): Promise<MigrationState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const state = JSON.parse(text) as MigrationState;
  if (state.table !== table)
    throw new Error(`${path} holds the state of a migration of table ${state.table}, not ${table}`);
  return state;
}

/** Written to a temporary file and renamed, so an interruption never leaves half a state. */
export async function saveState(path: string, state: MigrationState): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, JSON.stringify(state));
  await rename(temporary, path);
}

export async function clearState(path: string): Promise<void> {
  await rm(path, { force: true });
}
