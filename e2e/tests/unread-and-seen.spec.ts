import { send } from '../src/fixtures';
import { expect, expectLive, test } from '../src/sessions';

test('B gets an unread badge and a title count while A writes; opening the conversation clears them, and A sees "Seen"', async ({
  person,
  signedIn,
}) => {
  const [ana, ben] = await Promise.all([person('Ana'), person('Ben')]);
  // Ana on the first API instance, Ben on the second: everything below crosses instances.
  const anaPage = await signedIn(ana, 1);
  const benPage = await signedIn(ben, 2);
  await expect(benPage).toHaveTitle('Cruddur Messages');

  await anaPage.goto(`/messages/new/${ben.handle}`);
  await send(anaPage, 'Are you there?');
  await expect(anaPage).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  await expectLive(anaPage);

  const benRow = benPage.getByTestId('conversation-item').filter({ hasText: `@${ana.handle}` });
  await expect(benRow.getByTestId('unread-badge')).toHaveText('1 unread');
  await expect(benPage).toHaveTitle('(1) Cruddur Messages');

  await send(anaPage, 'Hello?');
  await expect(benRow).toContainText('Hello?');
  await expect(benRow.getByTestId('unread-badge')).toHaveText('2 unread');
  await expect(benPage).toHaveTitle('(2) Cruddur Messages');
  await expect(anaPage.getByTestId('seen')).toHaveCount(0);

  // Ben opens the conversation (his tab is visible and focused): read, and cleared at once.
  await benRow.click();
  await expect(benPage.getByTestId('message').last()).toContainText('Hello?');
  await expect(benRow.getByTestId('unread-badge')).toHaveCount(0);
  await expect(benRow).toHaveAttribute('data-unread', '0');
  await expect(benPage).toHaveTitle('Cruddur Messages');

  // Ana sees it live, under her latest message only.
  const anaLatest = anaPage.getByTestId('message').last();
  await expect(anaLatest).toContainText('Hello?');
  await expect(anaLatest.getByTestId('seen')).toHaveText('Seen');
  await expect(anaPage.getByTestId('seen')).toHaveCount(1);

  // The server keeps it: a reload of either tab shows the same.
  await benPage.goto('/messages');
  await expect(benRow).toHaveAttribute('data-unread', '0');
  await expect(benPage).toHaveTitle('Cruddur Messages');
  await anaPage.reload();
  await expect(anaPage.getByTestId('message').last().getByTestId('seen')).toHaveText('Seen');
});
