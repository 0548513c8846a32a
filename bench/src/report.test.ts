import { describe, expect, it } from 'vitest';
import { formatApiOverhead, formatStreamLag } from './report';
import { MARKDOWN, TEXT } from './text-table';

describe('formatStreamLag', () => {
  it('puts pattern E and the naive update of each rate on one row', () => {
    const run = (approach: 'pattern-e' | 'naive', rate: number, p50: number, missing = 0) => ({
      approach,
      rate,
      groups: 20,
      sent: rate * 10,
      shown: rate * 10 - missing,
      superseded: 0,
      missing,
      wrongRows: 0,
      lagMs: { p50, p95: p50 * 2, p99: p50 * 2.5, max: p50 * 3 },
    });
    const text = formatStreamLag(
      {
        table: 'cruddur-bench-1',
        durationSec: 10,
        groups: 20,
        runs: [
          run('pattern-e', 5, 100),
          run('naive', 5, 90),
          run('pattern-e', 20, 300, 2),
          run('naive', 20, 50),
        ],
      },
      MARKDOWN,
    );
    const lines = text.split('\n');
    expect(lines.filter((line) => /^\| \d/.test(line))).toEqual([
      '| 5 | 20 | 50 | 100 | 250 | 300 | 90 | 225 | 270 | 0 / 0 | 0 / 0 |',
      '| 20 | 20 | 200 | 300 | 750 | 900 | 50 | 125 | 150 | 2 / 0 | 0 / 0 |',
    ]);
  });
});

describe('formatApiOverhead', () => {
  const figures = (p50: number, perSecond: number, capped = false) => ({
    requests: 500,
    failed: 0,
    capped,
    latencyMs: { p50, p95: p50 * 2, p99: p50 * 3 },
    perSecond,
  });
  const row = (concurrency: number, capped = false) => ({
    operation: 'messages.list',
    concurrency,
    api: figures(6, 400, capped),
    direct: figures(4, 800),
    ratios: { p50: 1.5, p95: 1.5, p99: 1.5, throughput: 2 },
  });

  it('shows API, direct and their ratio per operation and concurrency', () => {
    const text = formatApiOverhead({ requests: 500, warmup: 50, rows: [row(1), row(10)] }, TEXT);
    const cells = text
      .split('\n')
      .slice(2, 8)
      .map((line) => line.trim().split(/\s{2,}/));
    expect(cells).toEqual([
      ['messages.list', '1', 'API', '6', '12', '18', '400'],
      ['direct', '4', '8', '12', '800'],
      ['API ÷ direct', '×1.5', '×1.5', '×1.5', '×2'],
      ['10', 'API', '6', '12', '18', '400'],
      ['direct', '4', '8', '12', '800'],
      ['API ÷ direct', '×1.5', '×1.5', '×1.5', '×2'],
    ]);
    expect(text).not.toContain('time cap');
  });

  it('says when a run was cut short by its time cap', () => {
    const text = formatApiOverhead({ requests: 500, warmup: 50, rows: [row(1, true)] }, TEXT);
    expect(text).toContain('Some runs hit their time cap');
  });
});
