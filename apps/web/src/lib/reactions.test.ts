import { describe, expect, it } from 'vitest';
import { mira, tomas } from '../testing/fixtures';
import { reactionCounts } from './reactions';

const byName = (counts: ReturnType<typeof reactionCounts>) =>
  Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [c.name, [c.count, c.mine]]));

describe('reactionCounts', () => {
  it('lists the whole set in order, with counts and which are mine', () => {
    const counts = reactionCounts(
      { heart: [mira.uuid, tomas.uuid], laugh: [tomas.uuid] },
      mira.uuid,
    );
    expect(counts.map((c) => c.name)).toEqual([
      'thumbs_up',
      'heart',
      'laugh',
      'wow',
      'sad',
      'thanks',
    ]);
    expect(byName(counts)).toEqual({ heart: [2, true], laugh: [1, false] });
  });

  it('shows my toggles on their way over what the server has', () => {
    const counts = reactionCounts({ heart: [mira.uuid], laugh: [tomas.uuid] }, mira.uuid, {
      heart: false,
      laugh: true,
      wow: true,
    });
    expect(byName(counts)).toEqual({ laugh: [2, true], wow: [1, true] });
  });

  it('changes nothing for a toggle the server already reflects', () => {
    const counts = reactionCounts({ heart: [mira.uuid] }, mira.uuid, { heart: true, sad: false });
    expect(byName(counts)).toEqual({ heart: [1, true] });
  });

  it('marks nothing as mine before I am known', () => {
    expect(byName(reactionCounts({ heart: [mira.uuid] }, undefined))).toEqual({
      heart: [1, false],
    });
  });
});
