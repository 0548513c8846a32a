import { type Page } from '@playwright/test';
import { expectAccessible } from '../src/a11y';
import { send } from '../src/fixtures';
import { messageWith, openActions } from '../src/message-actions';
import { expect, test } from '../src/sessions';

// Every screen at the phone size (the `mobile` project only): nothing wider than the screen, axe
// in both schemes, and one pane at a time — the list, or the conversation with a way back.

/**
 * Fails if anything shown sticks out sideways (a page that scrolls left and right on a phone, or
 * a control cut off by the page's `overflow: hidden`). Against the screen's width, not the
 * window's: a phone's layout viewport widens to fit what overflows it.
 */
async function expectFitsWidth(page: Page, label: string): Promise<void> {
  const overflowing = await page.evaluate((screenWidth) => {
    return Array.from(document.querySelectorAll('body *'))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > screenWidth + 1 || box.left < -1);
      })
      .filter((element) => !element.closest('.sr-only'))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  }, page.viewportSize()!.width);
  expect(overflowing, `wider than the screen on "${label}"`).toEqual([]);
}

async function expectScreen(page: Page, label: string): Promise<void> {
  await expectFitsWidth(page, label);
  await expectAccessible(page, label);
}

test('every account screen, with its errors', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email or handle').fill('nobody@e2e.cruddur.dev');
  await page.getByLabel('Password').fill('Not-the-password-1!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectScreen(page, 'sign-in, wrong password');

  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/The password still needs/)).toBeVisible();
  await expectScreen(page, 'sign-up, every field refused');

  await page.goto('/confirm');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectScreen(page, 'confirm, nothing entered');

  await page.goto('/forgot-password');
  await page.getByRole('button', { name: 'Send the code' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectScreen(page, 'forgot password, no email');

  await page.goto('/reset-password');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectScreen(page, 'reset password, nothing entered');

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expectScreen(page, 'not found');
});

test('signed in: the list, then one conversation at a time, live, and back', async ({
  person,
  conversation,
  signedIn,
}) => {
  const [ana, ben, cleo] = await Promise.all([person('Ana'), person('Ben'), person('Cleo')]);
  const theirs = await conversation(cleo, ana, new Date(Date.now() - 3600_000));
  await conversation(ben, cleo, new Date(Date.now() - 3600_000));
  const anaPage = await signedIn(ana, 1);
  const benPage = await signedIn(ben, 2);
  // Every control of the header on the screen, the theme switch wrapping under the rest.
  const header = benPage.getByRole('banner');
  for (const control of [
    header.getByRole('button', { name: 'Sign out' }),
    header.getByRole('combobox', { name: 'Theme' }),
  ])
    await expect(control).toBeInViewport({ ratio: 1 });
  await expectScreen(benPage, 'list');

  await anaPage.goto(`/messages/new/${ben.handle}`);
  await expectScreen(anaPage, 'new conversation');
  await send(anaPage, 'Are you there?');
  const benRow = benPage.getByTestId('conversation-item').filter({ hasText: `@${ana.handle}` });
  await expect(benRow.getByTestId('unread-badge')).toHaveText('1 unread');
  await expectScreen(benPage, 'list, unread badge');

  // Opening a conversation shows it alone, with the way back.
  await benRow.tap();
  const benList = benPage.getByRole('navigation', { name: 'Conversations' });
  await expect(benPage.getByTestId('message').last()).toContainText('Are you there?');
  await expect(benList).toBeHidden();
  await expect(anaPage.getByTestId('seen')).toHaveText('Seen');
  await expectScreen(anaPage, 'thread, seen');
  // A message's actions fit beside it on a phone, on my own bubble and on the other person's.
  await openActions(messageWith(anaPage, 'Are you there?'));
  await openActions(messageWith(benPage, 'Are you there?'));
  await expectScreen(anaPage, 'thread, actions of my message open');
  await expectScreen(benPage, 'thread, actions of their message open');
  await anaPage.keyboard.press('Escape');
  await benPage.keyboard.press('Escape');
  await benPage.getByLabel('Message').pressSequentially('Y');
  await expect(anaPage.getByTestId('typing')).toHaveText(`${ben.displayName} is typing…`);
  await expectScreen(anaPage, 'thread, the other person typing');
  await benPage.getByLabel('Message').fill('y'.repeat(1025));
  await expect(benPage.getByTestId('char-counter')).toHaveAttribute('data-state', 'error');
  await expectScreen(benPage, 'thread, message over the limit');
  await benPage.getByLabel('Message').fill('');

  await benPage.getByRole('button', { name: `Block @${ana.handle}` }).tap();
  await expect(benPage.getByRole('status').filter({ hasText: 'Blocked' })).toBeVisible();
  await expectScreen(benPage, 'thread, blocked');
  await benPage.getByRole('button', { name: `Unblock @${ana.handle}` }).tap();
  await expect(benPage.getByRole('button', { name: `Block @${ana.handle}` })).toBeVisible();

  await benPage.getByRole('link', { name: 'Back to conversations' }).tap();
  await expect(benList).toBeVisible();
  await expect(benPage.getByTestId('message')).toHaveCount(0);
  const picker = benPage.getByRole('combobox', { name: 'Find someone to write to' });
  await picker.fill(cleo.handle);
  await expect(benPage.getByRole('option', { name: new RegExp(`@${cleo.handle}$`) })).toBeVisible();
  await expectScreen(benPage, 'people picker open');

  await benPage.goto(`/messages/${theirs}`);
  await expect(benPage.getByText(/not found or not yours/)).toBeVisible();
  await expectScreen(benPage, 'someone else’s conversation');
});
