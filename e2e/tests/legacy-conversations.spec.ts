import { originalConversation, originalCreateMessageGroup } from '@cruddur/ddb/testing';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, send, signIn, test } from '../src/fixtures';

const ROOT = join(import.meta.dirname, '..', '..');
const HOUR_US = 3600 * 1_000_000;

test('someone whose conversations the original Python code wrote opens and answers them, before and after pnpm ddb migrate', async ({
  page,
  person,
  backend,
}) => {
  const [ana, ben] = await Promise.all([person('Ana'), person('Ben')]);
  const original = { client: backend.ddb.client, tableName: backend.ddb.tableName };
  // As the original left a table: written on a host at UTC-5, answered a minute apart, each
  // message followed by its stream Lambda; and, later, a second group for the same pair (the
  // original made one each time someone wrote to a person again), on a host at UTC+5:30.
  const lines = ['Hola Ben', '¿Qué tal?', 'Bien, ¿y tú?', 'Todo bien'];
  await originalConversation(
    { ...original, at: Date.now() * 1000 - 3 * HOUR_US, offsetMinutes: -300 },
    ana,
    ben,
    lines,
  );
  await originalCreateMessageGroup(
    { ...original, at: Date.now() * 1000 - 2 * HOUR_US, offsetMinutes: 330 },
    ben,
    ana,
    'Did you get my last message?',
  );

  await signIn(page, ben);
  const items = page.getByTestId('conversation-item').filter({ hasText: `@${ana.handle}` });
  await expect(items).toHaveCount(2);
  // The older group: the four lines in the order they were written, whatever the host's offset.
  await items.filter({ hasText: 'Todo bien' }).click();
  const messages = page.getByTestId('message-thread').getByTestId('message');
  await expect(messages).toHaveCount(lines.length);
  for (const [i, line] of lines.entries()) await expect(messages.nth(i)).toContainText(line);
  await send(page, 'Replying before the migration');
  await expect(messages.last()).toContainText('Replying before the migration');

  const state = join(mkdtempSync(join(tmpdir(), 'e2e-migrate-')), 'state.json');
  const migrate = spawnSync('pnpm', ['--silent', 'ddb', 'migrate', '--state', state, '--json'], {
    cwd: ROOT,
    env: process.env,
    encoding: 'utf8',
  });
  expect(migrate.status, migrate.stderr).toBe(0);
  // The two groups of one pair are reported, not merged.
  const report = JSON.parse(migrate.stdout) as { pairs: { severalGroups: unknown[] } };
  expect(report.pairs.severalGroups.some((g) => JSON.stringify(g).includes(ana.uuid))).toBe(true);

  await page.reload();
  await expect(messages).toHaveCount(lines.length + 1);
  await expect(messages.last()).toContainText('Replying before the migration');
  await send(page, 'And after it');
  await expect(messages.last()).toContainText('And after it');
  // Both groups are still there to read.
  await page.goto('/messages');
  await expect(items).toHaveCount(2);
  await items.filter({ hasText: 'Did you get my last message?' }).click();
  await expect(messages).toHaveCount(1);
});
