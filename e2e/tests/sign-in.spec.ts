import { expect, signIn, test } from '../src/fixtures';

test('signing out ends the session and protected pages send you to sign in', async ({
  page,
  person,
  conversation,
}) => {
  const [kai, lea] = await Promise.all([person('Kai'), person('Lea')]);
  const groupUuid = await conversation(kai, lea);
  await signIn(page, kai);
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  for (const path of ['/messages', `/messages/${groupUuid}`, `/messages/new/${lea.handle}`]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  }
  await expect(page.getByTestId('message')).toHaveCount(0);

  // Signing in from a protected page returns to it.
  await page.getByLabel('Email or handle').fill(kai.email);
  await page.getByLabel('Password').fill(kai.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`/messages/new/${lea.handle}`);
});

test('a wrong password shows an error and signs nobody in', async ({ page, person }) => {
  const max = await person('Max');
  await page.goto('/signin');
  await page.getByLabel('Email or handle').fill(max.email);
  await page.getByLabel('Password').fill('not-the-password-1!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/password/i);
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/messages');
  await expect(page).toHaveURL(/\/signin/);
});
