import { type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { type DdbContext } from '../context';
import { MessageItem, parseItem } from '../model/items';
import { MESSAGE_PREFIX } from '../model/keys';
import { moveGroupRows } from './move-group-rows';

export interface StreamRecordResult {
  /** applied: rows moved; stale: every row already showed this message or a newer one; skipped: not a new message. */
  outcome: 'applied' | 'skipped' | 'stale';
  rowsUpdated: number;
}

const SKIPPED: StreamRecordResult = { outcome: 'skipped', rowsUpdated: 0 };

/**
 * Pattern E for one stream record: a new `MSG#` item moves its group's rows to it. Everything else
 * — the rows and guards this package writes itself, MODIFY and REMOVE events — is skipped without
 * error. Safe to call again for the same record, and in any order.
 */
export async function applyStreamRecord(
  ctx: DdbContext,
  record: DynamoDBRecord,
): Promise<StreamRecordResult> {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image?.pk?.S?.startsWith(MESSAGE_PREFIX)) return SKIPPED;
  // aws-lambda's AttributeValue and the SDK's describe the same wire format.
  const message = parseItem(MessageItem, unmarshall(image as Record<string, AttributeValue>));
  const { members, rowsUpdated } = await moveGroupRows(
    ctx,
    message.pk.slice(MESSAGE_PREFIX.length),
    message.sk,
    message.message,
  );
  if (rowsUpdated > 0) return { outcome: 'applied', rowsUpdated };
  return members === 0 ? SKIPPED : { outcome: 'stale', rowsUpdated: 0 };
}
