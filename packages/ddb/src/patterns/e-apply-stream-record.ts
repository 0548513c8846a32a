import { type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { type DdbContext } from '../context';
import { parseSortKey } from '../internal/timestamp';
import { MessageItem, parseItem, toMessage } from '../model/items';
import { MESSAGE_PREFIX } from '../model/keys';
import { type Message } from '../model/types';
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

/** What changed in one group: its new messages and its rows as they are now (for live delivery). */
export interface GroupChange extends GroupRowsUpdate {
  messages: Message[];
}

export interface StreamBatchResult {
  /** One per record, in the order given. */
  results: RecordResult[];
  changes: GroupChange[];
}

const SKIPPED: StreamRecordResult = { outcome: 'skipped', rowsUpdated: 0 };

/**
 * The message a record inserts, or null when it is not one for pattern E: the rows and guards
 * this package writes itself, MODIFY and REMOVE events, and messages `pnpm ddb migrate` moved to
 * their canonical key (the same message again, not a new one). Throws for a `MSG#` insert that
 * cannot be read.
 */
function insertedMessage(record: DynamoDBRecord): MessageItem | null {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image?.pk?.S?.startsWith(MESSAGE_PREFIX)) return null;
  if (image.migrated_from) return null;
  // aws-lambda's AttributeValue and the SDK's describe the same wire format.
  return parseItem(MessageItem, unmarshall(image as Record<string, AttributeValue>));
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
  const byGroup = new Map<string, { index: number; item: MessageItem }[]>();
  records.forEach((record, index) => {
    try {
      const item = insertedMessage(record);
      if (!item) return;
      const group = item.pk.slice(MESSAGE_PREFIX.length);
      byGroup.set(group, [...(byGroup.get(group) ?? []), { index, item }]);
    } catch (error) {
      results[index] = { error };
    }
  });

  const changes: GroupChange[] = [];
  await Promise.all(
    [...byGroup].map(async ([group, entries]) => {
      try {
        const update = await updateGroupRows(
          ctx,
          group,
          entries.map((e) => e.item),
        );
        const newest = entries.reduce((a, b) =>
          (parseSortKey(b.item.sk) ?? 0) > (parseSortKey(a.item.sk) ?? 0) ? b : a,
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
        changes.push({ ...update, messages: entries.map((e) => toMessage(e.item)) });
      } catch (error) {
        for (const entry of entries) results[entry.index] = { error };
      }
    }),
  );
  return { results, changes };
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
