import { expect, send, signIn, test } from '../src/fixtures';

test('a message reaches the other person live, and their list puts it on top', async ({
  browser,
  person,
  conversation,
}) => {
  const [ana, ben, cleo] = await Promise.all([person('Ana'), person('Ben'), person('Cleo')]);
  const groupUuid = await conversation(ana, ben, new Date(Date.now() - 2 * 3600_000));
  // Ben has a newer conversation, so Ana's must climb to the top of his list.
  await conversation(ben, cleo, new Date(Date.now() - 3600_000));

  const anaContext = await browser.newContext();
  const benContext = await browser.newContext();
  try {
    const anaPage = await anaContext.newPage();
    const benPage = await benContext.newPage();
    await signIn(anaPage, ana);
    await signIn(benPage, ben);
    const benItems = benPage.getByTestId('conversation-item');
    await expect(benItems.first()).toContainText(`@${cleo.handle}`);

    await anaPage.goto(`/messages/${groupUuid}`);
    await benPage.goto(`/messages/${groupUuid}`);
    await expect(benPage.getByTestId('message')).toHaveCount(30);

    const hello = `Are you around? ${Date.now()}`;
    await send(anaPage, hello);
    const benThread = benPage.getByTestId('message-thread');
    await expect(benThread.getByTestId('message').last()).toContainText(hello);
    await expect(benItems.first()).toContainText(`@${ana.handle}`);
    await expect(benItems.first()).toContainText(hello);

    // After a reload the order comes from the server: the stream worker moved the group rows.
    await benPage.reload();
    await expect(benItems.first()).toContainText(hello);
    await expect(benItems.nth(1)).toContainText(`@${cleo.handle}`);

    const reply = `Yes, what's up? ${Date.now()}`;
    await send(benPage, reply);
    await expect(anaPage.getByTestId('message').last()).toContainText(reply);
    await expect(anaPage.getByTestId('conversation-item').first()).toContainText(reply);
  } finally {
    await anaContext.close();
    await benContext.close();
  }
});
