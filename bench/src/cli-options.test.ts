import { describe, expect, it } from 'vitest';
import { parseBenchArgs, UsageError } from './cli-options';

describe('parseBenchArgs', () => {
  it('runs every section with the documented defaults', () => {
    expect(parseBenchArgs([])).toEqual({
      sections: ['cost', 'write', 'api', 'trips', 'lag', 'live', 'web'],
      requests: 500,
      concurrency: [1, 10],
      warmup: 50,
      timeCapSec: 60,
      rates: [5, 20],
      hotRates: [50],
      lagDurationSec: 10,
      livePeople: 100,
      liveTabs: 10,
      liveRate: 10,
      liveDurationSec: 20,
      output: 'text',
    });
  });

  it('reads the sections in their own order, the numbers and the output format', () => {
    expect(
      parseBenchArgs([
        '--only',
        'web,api',
        '--requests',
        '100',
        '--warmup',
        '0',
        '--connections',
        '4,16',
        '--rates',
        '2, 8,30',
        '--json',
      ]),
    ).toMatchObject({
      sections: ['api', 'web'],
      requests: 100,
      warmup: 0,
      concurrency: [4, 16],
      rates: [2, 8, 30],
      output: 'json',
    });
    expect(parseBenchArgs(['--markdown'])).toMatchObject({ output: 'markdown' });
    expect(
      parseBenchArgs([
        '--live-people',
        '4',
        '--live-tabs',
        '2',
        '--live-rate',
        '1',
        '--live-duration',
        '3',
      ]),
    ).toMatchObject({ livePeople: 4, liveTabs: 2, liveRate: 1, liveDurationSec: 3 });
    expect(parseBenchArgs(['-h'])).toBe('help');
  });

  it.each([
    [['--only', 'api,speed'], /unknown: speed/],
    [['--requests', '0'], /--requests must be a whole number from 1/],
    [['--connections', '2.5'], /--connections must be a whole number/],
    [['--connections', '1,,10'], /--connections must be a whole number/],
    [['--rates', '5,fast'], /--rates must be numbers/],
    [['--live-tabs', '101'], /--live-tabs must be a whole number from 1/],
    [['--json', '--markdown'], /one of --json and --markdown/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('refuses %j with a clear message', (args, message) => {
    expect(() => parseBenchArgs(args)).toThrow(UsageError);
    expect(() => parseBenchArgs(args)).toThrow(message);
  });
});
