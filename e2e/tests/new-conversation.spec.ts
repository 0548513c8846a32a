import { expect, send, signIn, test } from '../src/fixtures';

test('writing to someone new starts a conversation, and starting again lands in the same one', async ({
  page,
  person,
}) => {
  const [dana, eli] = await Promise.all([person('Dana'), person('Eli')]);
  await signIn(page, dana);
  await expect(page.getByTestId('conversation-item')).toHaveCount(0);

  await page.goto(`/messages/new/${eli.handle}`);
  await expect(page.getByRole('heading', { name: 'Eli' })).toBeVisible();
  await send(page, 'Hi Eli, nice to meet you');
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  const groupUrl = page.url();
  const thread = page.getByTestId('message-thread');
  await expect(thread.getByTestId('message').locator('.message__text')).toHaveText([
    'Hi Eli, nice to meet you',
  ]);
  await expect(thread.getByTestId('message').last()).toHaveAttribute('data-status', 'sent');

  await page.goto(`/messages/new/@${eli.handle}`);
  await send(page, 'Me again');
  await expect(page).toHaveURL(groupUrl);
  await expect(thread.getByTestId('message').locator('.message__text')).toHaveText([
    'Hi Eli, nice to meet you',
    'Me again',
  ]);
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);
});
