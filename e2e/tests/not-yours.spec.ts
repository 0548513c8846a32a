import { expect, signIn, test } from '../src/fixtures';

test("another pair's conversation is not found, and none of its messages are shown", async ({
  page,
  person,
  conversation,
}) => {
  const [hal, ivy, jon] = await Promise.all([person('Hal'), person('Ivy'), person('Jon')]);
  const theirs = await conversation(hal, ivy);
  await signIn(page, jon);

  await page.goto(`/messages/${theirs}`);
  await expect(page.getByText(/not found or not yours/)).toBeVisible();
  await expect(page.getByTestId('message')).toHaveCount(0);
  await expect(page.getByLabel('Message')).toHaveCount(0);

  // An id that does not exist at all looks exactly the same, so ids cannot be probed.
  await page.goto(`/messages/${crypto.randomUUID()}`);
  await expect(page.getByText(/not found or not yours/)).toBeVisible();
  await expect(page.getByTestId('message')).toHaveCount(0);
});
