import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectRecoveryFromRestart } from './restart-under-load';
import { startRobustnessStack, type RobustnessStack } from './robustness-stack';

let world: RobustnessStack;
beforeAll(async () => {
  world = await startRobustnessStack();
});
afterAll(() => world?.stop());

it('PostgreSQL restarted under load: people already signed in keep sending, a newcomer gets a clear 503 and then success, nothing half-written', async () => {
  const people = [await world.signInAs('kenji'), await world.signInAs('zeynep')] as const;
  const newcomer = await world.signInAs('priya', { firstCall: false });
  const postgres = world.stack.services.postgres;
  expect(postgres).toBeDefined();
  // Only the lookup of a caller the API has not seen yet needs PostgreSQL; it comes before any
  // write, so a call that failed here never wrote anything.
  await expectRecoveryFromRestart({
    world,
    service: postgres!,
    people,
    newcomer,
    label: 'postgres restart',
    inFlightMayBeStored: false,
  });
});
