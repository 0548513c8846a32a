import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DynamoEnv } from '@cruddur/config';
import {
  createDdbContext,
  createMessage,
  createMessageGroup,
  createTable,
  dropTable,
  membersOf,
  messageItem,
  nowTimestamp,
} from '@cruddur/ddb';
import { someone } from '@cruddur/ddb/testing';
import { messageIdClock } from '@cruddur/validators';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { lagFigures, type LagFigures } from '../stream-lag/percentiles';

export interface WriteLatencyReport {
  samples: number;
  /** One PutItem of a message item, made by hand: the floor. */
  putItem: LagFigures;
  /** `createMessage` as the API calls it, with the members known (cached: they never change). */
  library: LagFigures;
  /** `createMessage` on its own, reading the membership first. */
  libraryCold: LagFigures;
}

/**
 * One message through the library beside one plain PutItem of the same item, taking turns so
 * that both meet the same machine, on a throw-away table of the stack's DynamoDB Local.
 */
export async function measureWriteLatency(
  env: DynamoEnv,
  samples: number,
  progress: (message: string) => void,
): Promise<WriteLatencyReport> {
  const ctx = createDdbContext({
    ...env,
    DDB_TABLE_NAME: `cruddur-write-${randomBytes(3).toString('hex')}`,
  });
  await createTable(ctx);
  try {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const { messageGroupUuid } = await createMessageGroup(ctx, {
      sender: ann,
      recipient: bob,
      message: 'hi',
    });
    const members = membersOf(ann.uuid, bob.uuid);
    const nextId = messageIdClock();
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const put = () =>
      ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: messageItem(
            { messageGroupUuid, sender: ann, message: 'plain put', messageUuid: nextId() },
            nowTimestamp(),
          ),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    const library = () =>
      createMessage(
        ctx,
        { messageGroupUuid, sender: ann, message: 'through the library' },
        { members },
      );
    const cold = () =>
      createMessage(ctx, { messageGroupUuid, sender: ann, message: 'cold library' });
    progress(`write latency: ${samples} of each, taking turns`);
    for (let i = 0; i < 30; i++)
      await Promise.all([put(), library(), cold()].map((p) => p.catch(() => undefined)));
    const times = { putItem: [] as number[], library: [] as number[], libraryCold: [] as number[] };
    for (let i = 0; i < samples; i++) {
      times.putItem.push(await timed(put));
      times.library.push(await timed(library));
      times.libraryCold.push(await timed(cold));
    }
    return {
      samples,
      putItem: lagFigures(times.putItem, 2)!,
      library: lagFigures(times.library, 2)!,
      libraryCold: lagFigures(times.libraryCold, 2)!,
    };
  } finally {
    await dropTable(ctx).catch(() => undefined);
    ctx.client.destroy();
  }
}
