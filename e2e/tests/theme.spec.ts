import { type Page } from '@playwright/test';
import { expectAccessible } from '../src/a11y';
import { expect, send, signIn, test } from '../src/fixtures';
import { messageWith, openActions, pinned } from '../src/message-actions';

// The stylesheet's --bg, as getComputedStyle reports it.
const LIGHT_BG = 'rgb(246, 243, 251)';
const DARK_BG = 'rgb(21, 13, 36)';

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/**
 * axe on the page as it is, in each theme chosen with the page's own switch, each against the
 * other system scheme (so the choice, not the system, is what is checked), then back to System.
 */
async function expectAccessibleInBothThemes(page: Page, label: string): Promise<void> {
  const theme = page.getByRole('combobox', { name: 'Theme' });
  for (const [choice, system, bg] of [
    ['Light', 'dark', LIGHT_BG],
    ['Dark', 'light', DARK_BG],
  ] as const) {
    await theme.selectOption(choice);
    await page.emulateMedia({ colorScheme: system });
    await expect.poll(() => background(page)).toBe(bg);
    await expectAccessible(page, `${label}, ${choice} chosen`, {
      schemes: [system],
      // Every rule in the first theme; what the second can change is its colours.
      coloursOnly: choice === 'Dark',
    });
  }
  await theme.selectOption('System');
}

test('the theme follows the system until one is chosen; the choice is remembered, applied before the app runs, and followed by every tab', async ({
  page,
  context,
  person,
}) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/signin');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(DARK_BG);

  // Chosen against the system's scheme: it wins, and the browser's toolbar colour follows.
  await page.emulateMedia({ colorScheme: 'light' });
  await theme.selectOption('Dark');
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await expect(page.locator('meta[name="theme-color"][media="all"]')).toHaveAttribute(
    'content',
    '#150d24',
  );
  await expectAccessible(page, 'sign-in, dark chosen');

  // Before the first paint: with the app's own script refused, the page is dark already.
  await page.route('**/assets/index-*.js', (route) => route.abort());
  await page.reload();
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await page.unroute('**/assets/index-*.js');
  await page.reload();
  await expect(theme).toHaveValue('dark');

  // Another tab opens in the chosen theme, and follows a change made in the first.
  const other = await context.newPage();
  await other.emulateMedia({ colorScheme: 'light' });
  await other.goto('/signup');
  await expect.poll(() => background(other)).toBe(DARK_BG);
  await theme.selectOption('Light');
  await expect.poll(() => background(other)).toBe(LIGHT_BG);
  await expect(other.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  await other.close();

  // The same switch in the signed-in header; back to the system's scheme.
  await signIn(page, await person('Tia'));
  const headerTheme = page.getByRole('banner').getByRole('combobox', { name: 'Theme' });
  await expect(headerTheme).toHaveValue('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  await headerTheme.selectOption('System');
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await page.reload();
  await expect(headerTheme).toHaveValue('system');
  expect(cspViolations).toEqual([]);
});

test('every screen passes axe in the chosen light theme and the chosen dark theme', async ({
  page,
  person,
  conversation,
}) => {
  const screens: [path: string, heading: string | RegExp][] = [
    ['/signin', 'Sign in to your messages'],
    ['/signup', 'Create your account'],
    ['/confirm', 'Confirm your email'],
    ['/forgot-password', 'Reset your password'],
    ['/reset-password', 'Choose a new password'],
    ['/no/such/page', 'Not found'],
  ];
  for (const [path, heading] of screens) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessibleInBothThemes(page, path);
  }

  // Signed in: the list, a conversation with both people's messages (one of mine just sent), the
  // people picker open, a new conversation and another pair's conversation.
  const [ana, ben, cleo] = await Promise.all([person('Ana'), person('Ben'), person('Cleo')]);
  const theirs = await conversation(ben, cleo);
  await conversation(ben, ana);
  await signIn(page, ana);
  await expectAccessibleInBothThemes(page, 'list');
  const picker = page.getByRole('combobox', { name: 'Find someone to write to' });
  await picker.fill(cleo.handle);
  await expect(page.getByRole('option', { name: new RegExp(`@${cleo.handle}$`) })).toBeVisible();
  await expectAccessibleInBothThemes(page, 'people picker open');
  await picker.fill('');
  await page.getByTestId('conversation-item').first().click();
  await expect(page.getByTestId('message')).toHaveCount(30);
  await send(page, 'Both themes, https://example.com');
  const mine = await pinned(messageWith(page, 'Both themes'));
  await expectAccessibleInBothThemes(page, 'thread');

  // A message's states, on my own bubble (the gradient) and on the other person's.
  await (await openActions(mine)).getByRole('button', { name: 'React: Heart' }).click();
  await expect(mine.getByRole('button', { name: 'Heart: 1' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const theirsMessage = page.getByTestId('message').and(page.locator('.message--theirs')).last();
  await (await openActions(theirsMessage)).getByRole('button', { name: 'React: Heart' }).click();
  await expect(theirsMessage.getByRole('button', { name: 'Heart: 1' })).toBeVisible();
  await openActions(mine);
  await expectAccessibleInBothThemes(page, 'thread, reactions on both bubbles, actions open');
  await mine.getByRole('button', { name: 'Edit' }).click();
  const editor = mine.getByRole('textbox', { name: 'Edit text' });
  await expect(editor).toBeFocused();
  await expectAccessibleInBothThemes(page, 'thread, editing my message');
  await editor.fill('Both themes, edited');
  await editor.press('Enter');
  await expect(mine.getByTestId('edited')).toHaveText(/Edited/);
  const actions = await openActions(mine);
  await actions.getByRole('button', { name: 'Delete' }).click();
  await expect(actions).toContainText('Delete for both of you?');
  await expectAccessibleInBothThemes(page, 'thread, an edited message, delete to confirm');
  await actions.getByRole('button', { name: 'Delete' }).click();
  await expect(mine).toHaveAttribute('data-deleted', 'true');
  await expectAccessibleInBothThemes(page, 'thread, a deleted message');
  await page.goto(`/messages/new/${cleo.handle}`);
  await expect(page.getByLabel('Message')).toBeEditable();
  await expectAccessibleInBothThemes(page, 'new conversation');
  await page.goto(`/messages/${theirs}`);
  await expect(page.getByText(/not found or not yours/)).toBeVisible();
  await expectAccessibleInBothThemes(page, 'someone else’s conversation');
});
