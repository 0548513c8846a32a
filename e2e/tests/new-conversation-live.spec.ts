import { send } from '../src/fixtures';
import { expect, test } from '../src/sessions';

test('a conversation A starts appears on top of B’s list, live, without a reload', async ({
  person,
  conversation,
  signedIn,
}) => {
  const [ana, ben, cleo] = await Promise.all([person('Ana'), person('Ben'), person('Cleo')]);
  await conversation(ben, cleo, new Date(Date.now() - 3600_000));
  const benPage = await signedIn(ben, 2);
  const benRows = benPage.getByTestId('conversation-item');
  await expect(benRows).toHaveCount(1);
  await expect(benRows.first()).toContainText(`@${cleo.handle}`);
  // A mark on the page that a reload would wipe.
  await benPage.evaluate(() => Object.assign(window, { e2eNotReloaded: true }));

  const anaPage = await signedIn(ana, 1);
  await anaPage.goto(`/messages/new/${ben.handle}`);
  await send(anaPage, 'Hi Ben, it’s Ana.');

  await expect(benRows).toHaveCount(2);
  await expect(benRows.first()).toContainText(`@${ana.handle}`);
  await expect(benRows.first()).toContainText('Hi Ben, it’s Ana.');
  await expect(benRows.first().getByTestId('unread-badge')).toHaveText('1 unread');
  await expect(benRows.nth(1)).toContainText(`@${cleo.handle}`);
  expect(await benPage.evaluate(() => 'e2eNotReloaded' in window)).toBe(true);
});
