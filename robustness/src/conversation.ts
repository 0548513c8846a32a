import { type Message, type MessageGroup } from '@cruddur/ddb';
import { waitUntil } from '@cruddur/devstack';
import { type Person } from './robustness-stack';

/** The API's page size limit: fewer round trips while reading a long conversation back. */
const PAGE = 100;

/** Every message of a group, oldest first, read page by page through the API as a client would. */
export async function readConversation(
  reader: Person,
  messageGroupUuid: string,
): Promise<Message[]> {
  const pages: Message[][] = [];
  let cursor: string | null = null;
  do {
    const page = await reader.api.messages.list.query({ messageGroupUuid, cursor, limit: PAGE });
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  // Pages come newest first, each of them oldest→newest.
  return pages.reverse().flat();
}

/** `person`'s rows for the group across every page of their conversation list (one expected). */
export async function groupRows(person: Person, messageGroupUuid: string): Promise<MessageGroup[]> {
  const rows: MessageGroup[] = [];
  let cursor: string | null = null;
  do {
    const page = await person.api.messageGroups.list.query({ cursor, limit: PAGE });
    rows.push(...page.items.filter((row) => row.messageGroupUuid === messageGroupUuid));
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/**
 * Waits until each person's row for the group shows `newest` (the stream worker moves the rows
 * after the message is stored), then returns those rows.
 */
export async function waitForGroupRows(
  people: readonly Person[],
  messageGroupUuid: string,
  newest: Message,
  diagnostics: () => string = () => '',
): Promise<MessageGroup[][]> {
  const showsNewest = (row: MessageGroup | undefined) =>
    row?.lastMessageAt === newest.createdAt && row.lastMessage === newest.message;
  let seen: MessageGroup[][] = [];
  try {
    await waitUntil(
      `the group rows of ${people.map((p) => `@${p.handle}`).join(' and ')} to show the newest message`,
      async () => {
        seen = await Promise.all(people.map((p) => groupRows(p, messageGroupUuid)));
        return seen.every((rows) => showsNewest(rows[0]));
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\nnewest: ${JSON.stringify(newest)}\nrows: ${JSON.stringify(seen)}\n${diagnostics()}`,
    );
  }
  return seen;
}
