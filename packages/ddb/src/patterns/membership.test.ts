import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageGroup } from './d-create-message-group';
import { isMember } from './membership';
import { createTestTable, someone, type TestTable } from '../testing/test-table';

let ctx: TestTable;
const [mira, tomas, priya] = [someone('mira'), someone('tomas'), someone('priya')];

beforeAll(async () => {
  ctx = await createTestTable();
});
afterAll(() => ctx?.close());

describe('isMember', () => {
  it('is true for both participants from the moment the group exists, false for anyone else', async () => {
    const { messageGroupUuid } = await createMessageGroup(ctx, {
      sender: mira,
      recipient: tomas,
      message: 'hi',
    });
    expect(await isMember(ctx, messageGroupUuid, mira.uuid)).toBe(true);
    expect(await isMember(ctx, messageGroupUuid, tomas.uuid)).toBe(true);
    expect(await isMember(ctx, messageGroupUuid, priya.uuid)).toBe(false);
  });

  it('is false for an unknown group and for ids that are not uuids', async () => {
    expect(await isMember(ctx, randomUUID(), mira.uuid)).toBe(false);
    expect(await isMember(ctx, 'GRP#x', mira.uuid)).toBe(false);
    expect(await isMember(ctx, randomUUID(), '')).toBe(false);
  });
});
