import { expect, signIn, test } from '../src/fixtures';

test('the seeded conversation is on top of /messages and scrolling up loads older messages', async ({
  page,
  person,
  conversation,
}) => {
  const [mira, tomas, priya] = await Promise.all([
    person('Mira'),
    person('Tomas'),
    person('Priya'),
  ]);
  await conversation(mira, priya, new Date(Date.now() - 24 * 3600_000));
  const groupUuid = await conversation(mira, tomas);

  await signIn(page, mira);
  const items = page.getByTestId('conversation-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText(`@${tomas.handle}`);
  await expect(items.nth(1)).toContainText(`@${priya.handle}`);

  await items.first().click();
  await expect(page).toHaveURL(`/messages/${groupUuid}`);
  const thread = page.getByTestId('message-thread');
  const messages = thread.getByTestId('message');
  // The first page is the newest 30 of the 32 seeded lines; it opens at the newest one.
  await expect(messages).toHaveCount(30);
  const lastLine = await items.first().locator('.conversation__last').innerText();
  await expect(messages.last()).toContainText(lastLine);
  await expect(messages.last()).toBeInViewport();

  const firstLoaded = await messages.first().getAttribute('data-message-uuid');
  await thread.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(messages).toHaveCount(32);
  await expect(thread.getByText('This is the beginning of the conversation.')).toBeVisible();
  // Older messages were added above what was there, in time order.
  await expect(messages.nth(2)).toHaveAttribute('data-message-uuid', firstLoaded!);
});
