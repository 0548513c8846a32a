import { expect, signIn, test } from '../src/fixtures';

test('1024 characters can be sent, 1025 cannot, and neither can a blank message', async ({
  page,
  person,
  conversation,
}) => {
  const [fay, gus] = await Promise.all([person('Fay'), person('Gus')]);
  const groupUuid = await conversation(fay, gus);
  await signIn(page, fay);
  await page.goto(`/messages/${groupUuid}`);

  const box = page.getByLabel('Message');
  const sendButton = page.getByRole('button', { name: 'Send' });
  const counter = page.getByTestId('char-counter');
  const messages = page.getByTestId('message');
  await expect(messages).toHaveCount(30);

  await box.fill('   \n  ');
  await expect(sendButton).toBeDisabled();
  await box.press('Enter');
  await expect(messages).toHaveCount(30);

  await box.fill('x'.repeat(1025));
  await expect(counter).toHaveAttribute('data-state', 'error');
  await expect(counter).toContainText('1 character over the limit');
  await expect(sendButton).toBeDisabled();
  await box.press('End');
  await box.press('Enter');
  await expect(messages).toHaveCount(30);

  const longest = 'y'.repeat(1024);
  await box.fill(longest);
  await expect(counter).toHaveAttribute('data-state', 'ok');
  await expect(sendButton).toBeEnabled();
  await sendButton.click();
  await expect(messages).toHaveCount(31);
  await expect(messages.last().locator('.message__text')).toHaveText(longest);
  await expect(messages.last()).toHaveAttribute('data-status', 'sent');
  await expect(box).toHaveValue('');
});
