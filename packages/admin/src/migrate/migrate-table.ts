import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  canonicalGroup,
  claimPairGroup,
  GROUP_ROW_PREFIX,
  GroupRowItem,
  itemKey,
  markNoLegacyPairs,
  MEMBERS_PREFIX,
  MESSAGE_PREFIX,
  MessageItem,
  messagePk,
  membersOf,
  needsCanonicalKey,
  PairGuardItem,
  parseSortKey,
  recordMembers,
  rewriteToCanonicalKey,
  updateGroupRows,
  type DdbContext,
} from '@cruddur/ddb';
import { setTimeout as sleep } from 'node:timers/promises';
import { clearState, loadState, newState, saveState, type MigrationState } from './migration-state';

/**
 * `pnpm ddb migrate`: brings a table the original Python Cruddur wrote (or version 1 of this
 * project) up to this project's model, so that every old conversation is a conversation like
 * any other. One pass over the table, then the fixes:
 *
 * 1. messages and group rows whose sort key is not canonical (a UTC offset, no fraction) move to
 *    the canonical key of the same instant, as they are met;
 * 2. every group gets its membership recorded (from its rows), a member whose row is missing gets
 *    it back (from the group's latest message);
 * 3. every pair gets its pair guard, naming the canonical one of its groups (the one with the
 *    latest message) when the original made several;
 * 4. the table is marked as holding no unguarded pairs, so new conversations stop looking for one.
 *
 * Each write is conditional and idempotent: a second run changes nothing, an interrupted run
 * resumes from its saved position (`statePath`) and ends as an uninterrupted one would.
 */
export interface MigrateOptions {
  dryRun?: boolean;
  /** At most this many items read per second (the scan's share of the table's capacity). */
  itemsPerSecond?: number;
  /** Where progress is saved between pages, to resume after an interruption. */
  statePath: string;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

export interface SeveralGroups {
  members: [string, string];
  canonical: string;
  others: string[];
}

export interface MigrationReport {
  table: string;
  dryRun: boolean;
  resumed: boolean;
  scanned: number;
  /** Keys moved to their canonical form (or that would be, in a dry run). */
  rewritten: { messages: number; rows: number };
  groups: { total: number; membershipRecorded: number };
  pairs: { total: number; guardsWritten: number; severalGroups: SeveralGroups[] };
  rowsRestored: { group: string; member: string }[];
  anomalies: {
    /** Groups whose rows do not name exactly two people. */
    notTwoPeople: { group: string; people: string[] }[];
    /** A member with more than one row of one group (the newer is used). */
    extraRows: { group: string; member: string; keys: string[] }[];
    /** Members whose row could not be rebuilt (no message to rebuild it from). */
    missingRows: { group: string; member: string }[];
    unreadable: { key: string; problem: string }[];
  };
}

/** Stopped between two pages (Ctrl-C); the state is saved and the same command resumes. */
export class MigrationInterrupted extends Error {
  override readonly name = 'MigrationInterrupted';
  constructor(
    readonly scanned: number,
    readonly statePath: string,
  ) {
    super(
      `interrupted after ${scanned} items; run the same command again to resume (state in ${statePath})`,
    );
  }
}

const PAGE = 100;
const SAVE_EVERY_MS = 2_000;

export async function migrateTable(
  ctx: DdbContext,
  options: MigrateOptions,
): Promise<MigrationReport> {
  const progress = options.onProgress ?? (() => {});
  const dryRun = options.dryRun ?? false;
  const saved = dryRun ? undefined : await loadState(options.statePath, ctx.tableName);
  const state = saved ?? newState(ctx.tableName);
  if (saved) progress(`resuming after ${state.scanned} items (from ${options.statePath})`);
  const total = await approximateItemCount(ctx);
  let savedAt = -Infinity;

  while (!state.scanDone) {
    if (options.signal?.aborted) {
      if (!dryRun) await saveState(options.statePath, state);
      throw new MigrationInterrupted(state.scanned, options.statePath);
    }
    const started = performance.now();
    const page = await ctx.doc.send(
      new ScanCommand({
        TableName: ctx.tableName,
        ExclusiveStartKey: state.lastKey ?? undefined,
        Limit: Math.min(PAGE, options.itemsPerSecond ?? PAGE),
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) await visit(ctx, state, item, dryRun);
    state.scanned += page.Items?.length ?? 0;
    state.lastKey = page.LastEvaluatedKey ?? null;
    state.scanDone = !page.LastEvaluatedKey;
    // Saved now and then, not per page: the state grows with the table, and a resumed run redoes
    // at most a few seconds of idempotent work.
    if (!dryRun && (state.scanDone || performance.now() - savedAt > SAVE_EVERY_MS)) {
      await saveState(options.statePath, state);
      savedAt = performance.now();
    }
    progress(`scanned ${state.scanned} items${total ? ` of about ${total}` : ''}`);
    if (options.itemsPerSecond && !state.scanDone) {
      const budgetMs = ((page.Items?.length ?? 0) / options.itemsPerSecond) * 1000;
      await sleep(Math.max(0, budgetMs - (performance.now() - started)));
    }
  }

  const report = emptyReport(ctx.tableName, dryRun, saved !== undefined, state);
  progress(`recording the members of ${Object.keys(state.groups).length} groups`);
  for (const [group, seen] of Object.entries(state.groups))
    await settleGroup(ctx, report, group, seen, dryRun);
  const pairs = groupsByPair(state.groups);
  report.pairs.total = pairs.size;
  progress(`guarding ${pairs.size} pairs`);
  for (const [pair, groups] of pairs) await settlePair(ctx, report, state, pair, groups, dryRun);
  if (!dryRun) {
    await markNoLegacyPairs(ctx);
    await clearState(options.statePath);
  }
  return report;
}

/** Takes note of one item of the scan, and moves its key to the canonical form if need be. */
async function visit(
  ctx: DdbContext,
  state: MigrationState,
  item: Record<string, unknown>,
  dryRun: boolean,
) {
  const pk = String(item.pk);
  if (pk.startsWith(MESSAGE_PREFIX) || pk.startsWith(GROUP_ROW_PREFIX)) {
    const row = pk.startsWith(GROUP_ROW_PREFIX);
    const parsed = (row ? GroupRowItem : MessageItem).safeParse(item);
    if (!parsed.success) {
      state.unreadable.push({
        key: itemKey(item),
        problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
      return;
    }
    if (needsCanonicalKey(item)) {
      if (!dryRun) await rewriteToCanonicalKey(ctx, item);
      state.rewritten[row ? 'rows' : 'messages'] += 1;
    }
    if (row) {
      const r = parsed.data as GroupRowItem;
      const seen = (state.groups[r.message_group_uuid] ??= { rows: [], hasMembers: false });
      seen.rows.push({ owner: pk.slice(GROUP_ROW_PREFIX.length), other: r.user_uuid, sk: r.sk });
    }
  } else if (pk.startsWith(MEMBERS_PREFIX)) {
    (state.groups[pk.slice(MEMBERS_PREFIX.length)] ??= { rows: [], hasMembers: false }).hasMembers =
      true;
  } else if (pk.startsWith('PAIR#')) {
    const guard = PairGuardItem.safeParse(item);
    if (guard.success) state.guardedPairs[pk.slice('PAIR#'.length)] = guard.data.group_uuid;
  }
}

async function settleGroup(
  ctx: DdbContext,
  report: MigrationReport,
  group: string,
  seen: Seen,
  dryRun: boolean,
) {
  // A membership item with no rows: a group this project wrote whose rows were all deleted.
  if (seen.rows.length === 0) return;
  const people = peopleOf(seen);
  if (people.length !== 2) {
    report.anomalies.notTwoPeople.push({ group, people });
    return;
  }
  const members = membersOf(people[0]!, people[1]!);
  for (const member of members) {
    const rows = seen.rows.filter((r) => r.owner === member);
    if (rows.length > 1)
      report.anomalies.extraRows.push({ group, member, keys: rows.map((r) => r.sk) });
  }
  if (!seen.hasMembers) {
    report.groups.membershipRecorded += 1;
    if (!dryRun) await recordMembers(ctx, group, members);
  }
  for (const member of members) {
    if (seen.rows.some((r) => r.owner === member)) continue;
    if (dryRun) {
      report.rowsRestored.push({ group, member });
      continue;
    }
    // Pattern E on the group's latest message writes the rows that are missing.
    const latest = await latestMessage(ctx, group);
    const update = latest && (await updateGroupRows(ctx, group, [latest]));
    if (update?.rows.some((r) => r.ownerUuid === member))
      report.rowsRestored.push({ group, member });
    else report.anomalies.missingRows.push({ group, member });
  }
}

type Seen = MigrationState['groups'][string];

/** The people of a group, from its rows: each row's owner and the person it shows. */
const peopleOf = (seen: Seen) => [...new Set(seen.rows.flatMap((r) => [r.owner, r.other]))].sort();

/** Every pair with the groups the table holds for it, each with the time of its latest message. */
function groupsByPair(groups: MigrationState['groups']) {
  const pairs = new Map<string, { group: string; lastAt: string }[]>();
  for (const [group, seen] of Object.entries(groups)) {
    const people = peopleOf(seen);
    if (people.length !== 2) continue;
    const lastAt = seen.rows
      .map((r) => r.sk)
      .sort((x, y) => (parseSortKey(y) ?? 0) - (parseSortKey(x) ?? 0))[0]!;
    const pair = people.join('#');
    pairs.set(pair, [...(pairs.get(pair) ?? []), { group, lastAt }]);
  }
  return pairs;
}

async function settlePair(
  ctx: DdbContext,
  report: MigrationReport,
  state: MigrationState,
  pair: string,
  groups: { group: string; lastAt: string }[],
  dryRun: boolean,
) {
  const [a, b] = pair.split('#') as [string, string];
  const canonical = canonicalGroup(
    groups.map((g) => ({ groupUuid: g.group, lastMessageAt: g.lastAt })),
  )!;
  const guarded = state.guardedPairs[pair];
  if (groups.length > 1)
    report.pairs.severalGroups.push({
      members: [a, b],
      canonical: guarded ?? canonical.groupUuid,
      others: groups.map((g) => g.group).filter((g) => g !== (guarded ?? canonical.groupUuid)),
    });
  if (guarded) return;
  report.pairs.guardsWritten += 1;
  if (!dryRun) await claimPairGroup(ctx, membersOf(a, b), canonical.groupUuid);
}

async function latestMessage(ctx: DdbContext, group: string): Promise<MessageItem | undefined> {
  const { Items = [] } = await ctx.doc.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': messagePk(group) },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const parsed = MessageItem.safeParse(Items[0]);
  return parsed.success ? parsed.data : undefined;
}

async function approximateItemCount(ctx: DdbContext): Promise<number | undefined> {
  const { Table } = await ctx.client.send(new DescribeTableCommand({ TableName: ctx.tableName }));
  return Table?.ItemCount || undefined;
}

function emptyReport(
  table: string,
  dryRun: boolean,
  resumed: boolean,
  state: MigrationState,
): MigrationReport {
  return {
    table,
    dryRun,
    resumed,
    scanned: state.scanned,
    rewritten: { ...state.rewritten },
    groups: { total: Object.keys(state.groups).length, membershipRecorded: 0 },
    pairs: { total: 0, guardsWritten: 0, severalGroups: [] },
    rowsRestored: [],
    anomalies: {
      notTwoPeople: [],
      extraRows: [],
      missingRows: [],
      unreadable: [...state.unreadable],
    },
  };
}
