import { toMessageGroup, type GroupChange, type RowChange } from '@cruddur/ddb';
import { type Delivery } from './events';

/**
 * What the owners of changed rows are told: their row (to them), and a moved read position (to
 * the other person, as a receipt). Rows that did not change say nothing.
 */
export function rowDeliveries(rows: readonly RowChange[]): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const row of rows) {
    if (!row.changed) continue;
    const group = toMessageGroup(row.item);
    deliveries.push({
      to: [row.ownerUuid],
      event: { type: 'group', group, unreadDelta: row.unreadDelta },
    });
    if (row.readMoved && group.readAt)
      deliveries.push({
        to: [group.other.uuid],
        event: {
          type: 'read',
          messageGroupUuid: group.messageGroupUuid,
          userUuid: row.ownerUuid,
          readAt: group.readAt,
        },
      });
  }
  return deliveries;
}

/** Pattern E's outcome for one conversation: its new and changed messages to both members, then the rows. */
export function changeDeliveries(change: GroupChange): Delivery[] {
  const members = [
    ...new Set(change.rows.flatMap((row) => [row.ownerUuid, row.item.user_uuid])),
  ].sort();
  if (members.length === 0) return [];
  return [
    ...change.messages.map((message): Delivery => ({
      to: members,
      event: { type: 'message', message },
    })),
    ...rowDeliveries(change.rows),
  ];
}
