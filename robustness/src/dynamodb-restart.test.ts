import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectRecoveryFromRestart } from './restart-under-load';
import { startRobustnessStack, type RobustnessStack } from './robustness-stack';

let world: RobustnessStack;
beforeAll(async () => {
  world = await startRobustnessStack();
});
afterAll(() => world?.stop());

it('DynamoDB Local restarted under load: clear 503s while it is down, data kept, API and worker recover', async () => {
  const people = [await world.signInAs('priya'), await world.signInAs('zeynep')] as const;
  const dynamodb = world.stack.services.dynamodb;
  expect(dynamodb).toBeDefined();
  // DynamoDB Local keeps its data on disk, so every message stored before the stop must read back
  // after it; the newest message is written after the restart, so the worker must follow the
  // stream again for the group rows to reach it.
  await expectRecoveryFromRestart({
    world,
    service: dynamodb!,
    people,
    label: 'dynamodb restart',
    inFlightMayBeStored: true,
  });
});
