import { send, signIn } from '../src/fixtures';
import { messageWith, openConversation } from '../src/message-actions';
import { expect, test } from '../src/own-instance';

test('a draft is kept per conversation: across switching, a reload, and gone once sent', async ({
  page,
  person,
  conversation,
}) => {
  const [ana, ben, cleo] = await Promise.all([person('Ana'), person('Ben'), person('Cleo')]);
  const withBen = await conversation(ana, ben, new Date(Date.now() - 60_000));
  const withCleo = await conversation(ana, cleo);
  await signIn(page, ana);
  const box = page.getByLabel('Message');
  const open = async (groupUuid: string) => {
    await openConversation(page, groupUuid);
    await expect(page).toHaveURL(new RegExp(`/messages/${groupUuid}$`));
  };

  await open(withBen);
  await box.fill('Half a thought for Ben');
  await open(withCleo);
  await expect(box).toHaveValue('');
  await box.fill('For Cleo');
  await open(withBen);
  await expect(box).toHaveValue('Half a thought for Ben');

  await page.reload();
  await expect(box).toHaveValue('Half a thought for Ben');
  await open(withCleo);
  await expect(box).toHaveValue('For Cleo');
  await expect(box).toBeEditable();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(messageWith(page, 'For Cleo')).toHaveAttribute('data-status', 'sent');
  await expect(box).toHaveValue('');
  await page.reload();
  await expect(box).toBeEditable();
  await expect(box).toHaveValue('');
});

test('messages written while the API is down say so, survive a reload, and go out by themselves — once, in order — when it is back', async ({
  page,
  twoInOneThread,
  ownInstance,
}) => {
  const { benPage } = await twoInOneThread();
  await expect(page.getByLabel('Message')).toBeEditable();

  await ownInstance.stopApi();
  const first = 'Written while the server was down';
  const second = 'and a second one, after it';
  await send(page, first);
  const pending = messageWith(page, first);
  await expect(pending).toHaveAttribute('data-status', 'sending');
  await expect(pending).toContainText('Still sending…');
  // After a bounded time it says it is not sent, and offers a retry (it keeps trying by itself).
  await expect(pending).toContainText('Not sent — Retry', { timeout: 30_000 });
  await expect(pending.getByRole('button', { name: 'Retry' })).toBeVisible();
  await send(page, second);
  await expect(messageWith(page, second)).toHaveAttribute('data-status', 'sending');

  // A reload while the API is still down: both are kept, in this browser.
  await page.reload();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('cruddur.outbox.')),
  );
  expect(kept).toHaveLength(2);

  await ownInstance.startApi();
  // No click: the thread loads again and the outbox sends what it holds.
  const thread = page.getByTestId('message-thread');
  await expect(messageWith(page, first)).toHaveAttribute('data-status', 'sent', {
    timeout: 40_000,
  });
  await expect(messageWith(page, second)).toHaveAttribute('data-status', 'sent');
  for (const [who, text] of [
    [page, first],
    [page, second],
    [benPage, first],
    [benPage, second],
  ] as const)
    await expect(messageWith(who, text)).toHaveCount(1);
  await expect(thread.getByTestId('message').last()).toContainText(second);
  const benLast = benPage.getByTestId('message-thread').getByTestId('message');
  await expect(benLast.nth(-2)).toContainText(first);
  await expect(benLast.last()).toContainText(second);
  expect(
    await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('cruddur.outbox.')),
    ),
  ).toEqual([]);

  // Still once each after a reload (stored once, not just shown once).
  await benPage.reload();
  await expect(messageWith(benPage, first)).toHaveCount(1);
  await expect(messageWith(benPage, second)).toHaveCount(1);
});
