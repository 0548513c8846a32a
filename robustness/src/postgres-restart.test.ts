import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectRecoveryFromRestart } from './restart-under-load';
import { startRobustnessStack, type RobustnessStack } from './robustness-stack';

let world: RobustnessStack;
beforeAll(async () => {
  world = await startRobustnessStack();
});
afterAll(() => world?.stop());

it('PostgreSQL restarted under load: clear 503s while it is down, success after, nothing half-written', async () => {
  const people = [await world.signInAs('kenji'), await world.signInAs('zeynep')] as const;
  const postgres = world.stack.services.postgres;
  expect(postgres).toBeDefined();
  // Every call looks its caller up in PostgreSQL before it touches DynamoDB, so a call that failed
  // here never wrote anything.
  await expectRecoveryFromRestart({
    world,
    service: postgres!,
    people,
    label: 'postgres restart',
    inFlightMayBeStored: false,
  });
});
