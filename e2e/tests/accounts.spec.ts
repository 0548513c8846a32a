import { randomBytes } from 'node:crypto';
import { codeFor, expect, send, signIn, test } from '../src/fixtures';

const PASSWORD = 'Brand-new-1!';

test('a new person signs up, confirms with the code, finds someone in the picker and writes to them', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const handle = `nova_${randomBytes(4).toString('hex')}`;
  const email = `${handle}@e2e.cruddur.dev`;

  await page.goto('/signin');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Display name').fill('Nova Lindström');
  // The policy is shown before anything is sent, and a weak password never leaves the page.
  await page.getByLabel('Password', { exact: true }).fill('short');
  await expect(page.getByRole('list', { name: 'Password must have' })).toContainText(
    'at least 8 characters',
  );
  // A taken handle, written in capitals, is refused on its field.
  await page.getByLabel('Handle').fill('MIRA');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/The password still needs/)).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('@mira is taken. Choose another handle.')).toBeVisible();

  await page.getByLabel('Handle').fill(handle);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/confirm$/);
  await page.getByLabel('Confirmation code').fill(await codeFor(email));
  await page.getByRole('button', { name: 'Confirm' }).click();
  // Confirmed in this tab: signed straight in, with the users row the trigger made.
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByText(`@${handle}`)).toBeVisible();

  const picker = page.getByRole('combobox', { name: 'Find someone to write to' });
  await picker.fill('lindq');
  await expect(page.getByRole('option', { name: /Tomás Lindqvist @tomas$/ })).toBeVisible();
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await expect(page).toHaveURL(/\/messages\/new\/tomas$/);
  await send(page, 'Hello Tomás, I just joined!');
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  await expect(
    page.getByTestId('message').filter({ hasText: 'Hello Tomás, I just joined!' }),
  ).toHaveAttribute('data-status', 'sent');
  expect(violations).toEqual([]);
});

test('sign in with a handle, as the label says', async ({ page, person }) => {
  const uma = await person('Uma');
  await page.goto('/signin');
  await page.getByLabel('Email or handle').fill(`@${uma.handle.toUpperCase()}`);
  await page.getByLabel('Password').fill(uma.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByText(`@${uma.handle}`)).toBeVisible();

  // An unknown handle reads like a wrong password.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email or handle').fill('@nobody_has_this');
  await page.getByLabel('Password').fill(uma.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Incorrect email, handle or password.');
});

test('a second tab is signed in already, Ctrl-click opens signed in, and signing out there signs out the first', async ({
  page,
  context,
  person,
  conversation,
}) => {
  const [ivo, jo] = await Promise.all([person('Ivo'), person('Jo')]);
  await conversation(ivo, jo);
  await signIn(page, ivo);

  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    page.getByTestId('conversation-item').click({ modifiers: ['Control'] }),
  ]);
  await expect(opened).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  await expect(opened.getByTestId('message').first()).toBeAttached();

  const second = await context.newPage();
  await second.goto('/messages');
  await expect(second.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(second).toHaveURL(/\/messages$/);

  await second.getByRole('button', { name: 'Sign out' }).click();
  await expect(second).toHaveURL(/\/signin/);
  await expect(page).toHaveURL(/\/signin/);
  await expect(opened).toHaveURL(/\/signin/);
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
});

test('a forgotten password is reset with the emailed code', async ({ page, person }) => {
  const ray = await person('Ray');
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(ray.email);
  await page.getByRole('button', { name: 'Send the code' }).click();
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel('Reset code').fill(await codeFor(ray.email, 'ForgotPassword'));
  await page.getByLabel('New password').fill('Another-pass-2?');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(page).toHaveURL(/\/messages$/);
});

test('blocking someone in the conversation stops them writing, and unblocking lets them again', async ({
  browser,
  page,
  person,
  conversation,
}) => {
  const [pia, rex] = await Promise.all([person('Pia'), person('Rex')]);
  const groupUuid = await conversation(rex, pia);
  await signIn(page, pia);
  await page.goto(`/messages/${groupUuid}`);
  await page.getByRole('button', { name: `Block @${rex.handle}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Blocked' })).toBeVisible();

  const rexContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const rexPage = await rexContext.newPage();
  try {
    await signIn(rexPage, rex);
    await rexPage.goto(`/messages/${groupUuid}`);
    await send(rexPage, 'hello? are you there?');
    await expect(rexPage.getByRole('alert')).toContainText(
      'This person has blocked you: you cannot message them.',
    );

    await page.getByRole('button', { name: `Unblock @${rex.handle}` }).click();
    await expect(page.getByRole('button', { name: `Block @${rex.handle}` })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Blocked' })).toHaveCount(0);
    await send(rexPage, 'thanks for unblocking');
    await expect(
      rexPage.getByTestId('message').filter({ hasText: 'thanks for unblocking' }),
    ).toHaveAttribute('data-status', 'sent');
    await expect(
      page.getByTestId('message').filter({ hasText: 'thanks for unblocking' }),
    ).toBeAttached();
  } finally {
    await rexContext.close();
  }
});
