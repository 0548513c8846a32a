import { type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { type DdbContext } from '../context';
import { sortKeyMicros } from '../internal/timestamp';
import { MessageItem, parseItem, toMessage } from '../model/items';
import { MESSAGE_PREFIX } from '../model/keys';
import { type Message } from '../model/types';
import { refreshGroupRows } from './refresh-group-rows';
import { updateGroupRows, type GroupRowsUpdate } from './update-group-rows';

/**
 * applied: this message moved its group's rows; superseded: a newer message of the same batch
 * moved them (this one is in the group, and counted, but not shown as the last one); stale: the
 * rows already showed it or something newer (a late message may still correct a count);
 * skipped: not a new message.
 */
export type RecordOutcome = 'applied' | 'superseded' | 'stale' | 'skipped';

export interface StreamRecordResult {
  outcome: RecordOutcome;
  rowsUpdated: number;
}

/** A record's result, or why it could not be applied (the others of the batch still are). */
export type RecordResult = StreamRecordResult | { error: unknown };

/** What changed in one group: its new and changed messages, its rows as they are now (for live delivery). */
export interface GroupChange extends GroupRowsUpdate {
  messages: Message[];
  /** Messages edited, deleted or reacted to (their latest version in the batch). */
  changedMessages: Message[];
}

export interface StreamBatchResult {
  /** One per record, in the order given. */
  results: RecordResult[];
  changes: GroupChange[];
}

const SKIPPED: StreamRecordResult = { outcome: 'skipped', rowsUpdated: 0 };

/**
 * The message a record inserts or changes in place, or null when it is not one for pattern E:
 * the rows and guards this package writes itself, REMOVE events, and messages `pnpm ddb migrate`
 * moved to their canonical key (the same message again, not a new one). Throws for a `MSG#` item
 * that cannot be read.
 */
function messageOf(
  record: DynamoDBRecord,
): { kind: 'insert' | 'modify'; item: MessageItem } | null {
  const image = record.dynamodb?.NewImage;
  const kind =
    record.eventName === 'INSERT' ? 'insert' : record.eventName === 'MODIFY' ? 'modify' : null;
  if (!kind || !image?.pk?.S?.startsWith(MESSAGE_PREFIX)) return null;
  if (image.migrated_from) return null;
  // aws-lambda's AttributeValue and the SDK's describe the same wire format.
  return {
    kind,
    item: parseItem(MessageItem, unmarshall(image as Record<string, AttributeValue>)),
  };
}

/**
 * Pattern E for a stream batch. Every record is looked at (defect 7 of the original: not only the
 * first); the new messages are grouped by conversation and each conversation is updated once,
 * to its newest message — a burst into one conversation costs one update, not one per message.
 * Safe to call again for the same records, and in any order: replays and late records change
 * nothing. A record that cannot be read, or a group whose update fails, is reported in its own
 * result; the other groups are applied.
 */
export async function applyStreamRecords(
  ctx: DdbContext,
  records: readonly DynamoDBRecord[],
): Promise<StreamBatchResult> {
  const results: RecordResult[] = records.map(() => SKIPPED);
  const byGroup = new Map<string, { inserted: Entry[]; modified: Entry[] }>();
  records.forEach((record, index) => {
    try {
      const found = messageOf(record);
      if (!found) return;
      const group = found.item.pk.slice(MESSAGE_PREFIX.length);
      const entries = byGroup.get(group) ?? { inserted: [], modified: [] };
      (found.kind === 'insert' ? entries.inserted : entries.modified).push({
        index,
        item: found.item,
      });
      byGroup.set(group, entries);
    } catch (error) {
      results[index] = { error };
    }
  });

  const changes: GroupChange[] = [];
  await Promise.all(
    [...byGroup].map(async ([group, { inserted, modified }]) => {
      // New messages first, then changes: a message written and edited in one batch ends edited.
      if (inserted.length > 0) {
        const change = await applyInserts(ctx, group, inserted, results);
        if (!change) {
          // Retried from the failed insert on, these are retried with it.
          for (const entry of modified) results[entry.index] = results[inserted[0]!.index]!;
          return;
        }
        changes.push(change);
      }
      if (modified.length > 0) {
        const change = await applyModifies(ctx, group, modified, results);
        if (change) changes.push(change);
      }
    }),
  );
  return { results, changes };
}

interface Entry {
  index: number;
  item: MessageItem;
}

/** New messages: the rows move to the newest (updateGroupRows). */
async function applyInserts(
  ctx: DdbContext,
  group: string,
  entries: Entry[],
  results: RecordResult[],
): Promise<GroupChange | undefined> {
  try {
    const update = await updateGroupRows(
      ctx,
      group,
      entries.map((e) => e.item),
    );
    const newest = entries.reduce((a, b) =>
      sortKeyMicros(b.item.sk) > sortKeyMicros(a.item.sk) ? b : a,
    );
    // No row at all: a message of a group this table holds nothing else of.
    const outcomeOf = (outcome: RecordOutcome): RecordOutcome =>
      update.rows.length === 0 ? 'skipped' : outcome;
    for (const entry of entries) {
      results[entry.index] =
        entry !== newest
          ? { outcome: outcomeOf(update.moved > 0 ? 'superseded' : 'stale'), rowsUpdated: 0 }
          : {
              outcome: outcomeOf(update.moved > 0 ? 'applied' : 'stale'),
              rowsUpdated: update.moved,
            };
    }
    return { ...update, messages: entries.map((e) => toMessage(e.item)), changedMessages: [] };
  } catch (error) {
    for (const entry of entries) results[entry.index] = { error };
    return undefined;
  }
}

/** Messages changed in place: the rows that show one follow it (refreshGroupRows). */
async function applyModifies(
  ctx: DdbContext,
  group: string,
  entries: Entry[],
  results: RecordResult[],
): Promise<GroupChange | undefined> {
  // The latest version of each message in the batch is the one that counts.
  const latest = new Map<string, MessageItem>();
  for (const { item } of entries) {
    const kept = latest.get(item.message_uuid);
    if (!kept || (item.rev ?? 0) >= (kept.rev ?? 0)) latest.set(item.message_uuid, item);
  }
  try {
    const update = await refreshGroupRows(ctx, group, [...latest.values()]);
    for (const entry of entries)
      results[entry.index] = { outcome: update.changed ? 'applied' : 'stale', rowsUpdated: 0 };
    return { ...update, messages: [], changedMessages: [...latest.values()].map(toMessage) };
  } catch (error) {
    for (const entry of entries) results[entry.index] = { error };
    return undefined;
  }
}

/** Pattern E for one record (what a batch of one gives), throwing if it could not be applied. */
export async function applyStreamRecord(
  ctx: DdbContext,
  record: DynamoDBRecord,
): Promise<StreamRecordResult> {
  const [result] = (await applyStreamRecords(ctx, [record])).results;
  if (result && 'error' in result) throw result.error;
  return result ?? SKIPPED;
}
