import { send, signIn } from '../src/fixtures';
import { messageWith, openConversation, showList } from '../src/message-actions';
import { expect, test } from '../src/own-instance';
import { expectLive } from '../src/sessions';

test('after an API outage the list, the open thread and the live stream recover with no click', async ({
  page,
  twoInOneThread,
  ownInstance,
}) => {
  const { benPage } = await twoInOneThread();

  await ownInstance.stopApi();
  // Opened during the outage: the list and the thread cannot load.
  await page.reload();
  const alerts = page.getByRole('alert').filter({ hasText: 'Cannot reach the server' });
  // Both panes on a wide screen; on a phone the thread's (the list is the other pane).
  const wide = page.viewportSize()!.width > 700;
  await expect(alerts).toHaveCount(wide ? 2 : 1, { timeout: 30_000 });
  // Meanwhile Ben, on another instance, writes.
  await send(benPage, 'Are you back?');
  await expect(messageWith(benPage, 'Are you back?')).toHaveAttribute('data-status', 'sent');

  await ownInstance.startApi();
  await expect(alerts).toHaveCount(0, { timeout: 30_000 });
  await expect(messageWith(page, 'Are you back?')).toBeVisible();
  await expectLive(page);
  // The live stream is back too: a new message arrives without a reload.
  await send(benPage, 'Live again');
  await expect(messageWith(page, 'Live again')).toBeVisible();
  const list = await showList(page);
  await expect(list.getByRole('alert')).toHaveCount(0);
  await expect(list.getByTestId('conversation-item').first()).toContainText('Live again');
});

test('a conversation opened during an outage loads by itself when the API is back, while the stream resumes where it was', async ({
  page,
  person,
  conversation,
  signedIn,
  ownInstance,
}) => {
  const [ana, ben, cleo] = await Promise.all([person('Ana'), person('Ben'), person('Cleo')]);
  const withCleo = await conversation(ana, cleo, new Date(Date.now() - 60_000));
  const withBen = await conversation(ana, ben);
  await signIn(page, ana);
  const benPage = await signedIn(ben, 2);
  await page.goto(`/messages/${withBen}`);
  await benPage.goto(`/messages/${withBen}`);
  await expectLive(page);

  await ownInstance.stopApi();
  await openConversation(page, withCleo);
  const alert = page.getByRole('alert').filter({ hasText: 'Cannot reach the server' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await send(benPage, 'Back yet?');

  await ownInstance.startApi();
  await expect(alert).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('message-thread').getByTestId('message')).toHaveCount(30);
  await expectLive(page);
  const list = await showList(page);
  await expect(list.getByTestId('conversation-item').first()).toContainText('Back yet?');
});

test('the stream and the thread come back after a restart of the API under an open page', async ({
  page,
  twoInOneThread,
  ownInstance,
}) => {
  const { benPage } = await twoInOneThread();

  await ownInstance.stopApi();
  await expect(page.getByTestId('live-status')).not.toHaveAttribute('data-state', 'live');
  await send(benPage, 'Sent while your server restarted');
  await ownInstance.startApi();
  // Caught up from where the stream stopped (its last event id), with no click.
  await expect(messageWith(page, 'Sent while your server restarted')).toBeVisible({
    timeout: 40_000,
  });
  await expectLive(page);
  const list = await showList(page);
  await expect(list.getByTestId('conversation-item').first()).toContainText(
    'Sent while your server restarted',
  );
});

test('offline: a notice while the browser is offline; a message written meanwhile goes when it is back', async ({
  page,
  context,
  person,
  conversation,
}) => {
  const [ana, ben] = await Promise.all([person('Ana'), person('Ben')]);
  const groupUuid = await conversation(ana, ben);
  await signIn(page, ana);
  await page.goto(`/messages/${groupUuid}`);
  await expect(page.getByLabel('Message')).toBeEditable();
  const notice = page.getByTestId('offline-notice');
  await expect(notice).toHaveCount(0);

  await context.setOffline(true);
  await expect(notice).toHaveText(/You’re offline/);
  await send(page, 'Written on the train');
  await expect(messageWith(page, 'Written on the train')).toHaveAttribute('data-status', 'sending');

  await context.setOffline(false);
  await expect(notice).toHaveCount(0);
  await expect(messageWith(page, 'Written on the train')).toHaveAttribute('data-status', 'sent');
  await expect(messageWith(page, 'Written on the train')).toHaveCount(1);
});
