import { send, signIn } from '../src/fixtures';
import { messageWith, previewOf } from '../src/message-actions';
import { expect, test } from '../src/sessions';

test('an http(s) link opens in a new tab without an opener; a javascript: “link” stays text', async ({
  twoInOneThread,
  baseURL,
}) => {
  const { anaPage, benPage, groupUuid } = await twoInOneThread();
  const target = `${baseURL}/linked-page?from=chat`;
  await send(anaPage, `Look: ${target}. Not this: javascript:alert(document.cookie)`);

  const message = messageWith(benPage, 'Look:');
  const link = message.getByRole('link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText(target);
  await expect(link).toHaveAttribute('href', target);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(message.locator('.message__text')).toContainText(
    'Not this: javascript:alert(document.cookie)',
  );
  await expect(message.locator('a[href^="javascript:"]')).toHaveCount(0);

  const [tab] = await Promise.all([benPage.context().waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(target);
  expect(await tab.evaluate(() => window.opener === null)).toBe(true);
  expect(await tab.evaluate(() => document.referrer)).toBe('');
  // Still on the conversation in the first tab.
  await expect(benPage).toHaveURL(new RegExp(`/messages/${groupUuid}$`));
  await tab.close();
});

test('right-to-left text reads right to left in the thread, the list and the message box', async ({
  twoInOneThread,
}) => {
  const { anaPage, benPage, ben } = await twoInOneThread();
  const arabic = 'مرحبا، كيف حالك؟';
  const direction = (locator: ReturnType<typeof anaPage.locator>) =>
    locator.evaluate((el) => getComputedStyle(el).direction);

  const box = benPage.getByLabel('Message');
  await box.fill(arabic);
  expect(await direction(box)).toBe('rtl');
  await benPage.getByRole('button', { name: 'Send' }).click();

  const text = messageWith(anaPage, arabic).locator('.message__text');
  await expect(text).toHaveText(arabic);
  expect(await direction(text)).toBe('rtl');
  // The English messages around it stay left to right.
  expect(await direction(anaPage.locator('.message__text').first())).toBe('ltr');
  const preview = await previewOf(anaPage, ben.displayName);
  await expect(preview).toHaveText(arabic);
  expect(await direction(preview)).toBe('rtl');
});

test('the thread has day separators, and a message’s exact time shows on keyboard focus', async ({
  page,
  person,
  conversation,
}) => {
  const [ana, ben] = await Promise.all([person('Ana'), person('Ben')]);
  // The sample conversation has a line a minute: ending ten minutes into today, it began yesterday.
  const endAt = new Date();
  endAt.setHours(0, 10, 0, 0);
  const groupUuid = await conversation(ana, ben, endAt);
  await signIn(page, ana);
  await page.goto(`/messages/${groupUuid}`);
  await expect(page.getByTestId('day-separator')).toHaveText(['Yesterday', 'Today']);

  const time = page.getByTestId('message-time').last();
  const tip = page.getByRole('tooltip');
  await expect(tip).toHaveCount(0);
  await time.focus();
  await expect(page.getByRole('tooltip')).toHaveCount(1);
  await expect(page.getByRole('tooltip')).toBeVisible();
  // The exact instant, to the second (the sample's last line is at 00:10:00).
  await expect(page.getByRole('tooltip')).toContainText(/12:10:00\sAM|00:10:00/);
  await expect(time).toHaveAccessibleDescription(/10:00/);
});
