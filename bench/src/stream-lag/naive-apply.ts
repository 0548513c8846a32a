import { type DdbContext } from '@cruddur/ddb';
import { originalStreamHandler } from '@cruddur/ddb/testing';
import type { ApplyRecords } from '@cruddur/stream-worker';

/**
 * The original Python Cruddur's stream update, kept only as the benchmark's point of comparison:
 * for each message, query the group's rows on the GSI, then delete and put each one. Not atomic
 * (a reader can see a row missing) and blind to order (an older record moves a row back);
 * pattern E's core fixes both.
 */
export function naiveApply(ctx: DdbContext): ApplyRecords {
  return async (records) => {
    const results = [];
    for (const record of records) {
      const image = record.dynamodb?.NewImage;
      const pk = image?.pk?.S;
      if (record.eventName !== 'INSERT' || !pk?.startsWith('MSG#')) {
        results.push({ outcome: 'skipped' as const, rowsUpdated: 0 });
        continue;
      }
      const sk = image?.sk?.S;
      const text = image?.message?.S;
      if (!sk || text === undefined) throw new Error(`message ${pk} has no sk or text`);
      await originalStreamHandler(ctx.client, ctx.tableName, pk.slice('MSG#'.length), sk, text);
      results.push({ outcome: 'applied' as const, rowsUpdated: 2 });
    }
    return { results, changes: [] };
  };
}
