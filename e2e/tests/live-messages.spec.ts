import { send } from '../src/fixtures';
import { expect, test } from '../src/sessions';

test('a message reaches the other person live, and their list puts it on top', async ({
  person,
  conversation,
  signedIn,
}) => {
  const [ana, ben, cleo] = await Promise.all([person('Ana'), person('Ben'), person('Cleo')]);
  const groupUuid = await conversation(ana, ben, new Date(Date.now() - 2 * 3600_000));
  // Ben has a newer conversation, so Ana's must climb to the top of his list.
  await conversation(ben, cleo, new Date(Date.now() - 3600_000));

  // Ana on the first API instance, Ben on the second.
  const anaPage = await signedIn(ana, 1);
  const benPage = await signedIn(ben, 2);
  const benItems = benPage.getByTestId('conversation-item');
  await expect(benItems.first()).toContainText(`@${cleo.handle}`);

  await anaPage.getByTestId('conversation-item').first().click();
  await benItems.filter({ hasText: `@${ana.handle}` }).click();
  await expect(anaPage).toHaveURL(new RegExp(`/messages/${groupUuid}$`));
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
});
