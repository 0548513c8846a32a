/**
 * The wait before try number `step` (0 for the first retry): from 1 s, doubling up to `maxMs`,
 * with jitter so that tabs coming back together do not retry in step.
 */
export function backoffMs(step: number, maxMs: number, random: () => number = Math.random): number {
  return Math.min(maxMs, 1_000 * 2 ** Math.max(0, step)) * (0.5 + random() / 2);
}
