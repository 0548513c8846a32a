import { send } from '../src/fixtures';
import { messageWith, openActions, pinned, previewOf } from '../src/message-actions';
import { expect, test } from '../src/sessions';

test('Ana edits and deletes her message; Ben sees both live, in the thread and on his list', async ({
  twoInOneThread,
}) => {
  const { anaPage, benPage, groupUuid, ana } = await twoInOneThread();

  await send(anaPage, 'Meet at 5?');
  const anaMessage = await pinned(messageWith(anaPage, 'Meet at 5?'));
  const benMessage = await pinned(messageWith(benPage, 'Meet at 5?'));
  // Only one's own messages can be edited or deleted.
  const benActions = await openActions(benMessage);
  await expect(benActions.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(benActions.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await benPage.keyboard.press('Escape');
  await expect(benActions).toBeHidden();

  // Escape leaves the message as it was.
  await (await openActions(anaMessage)).getByRole('button', { name: 'Edit' }).click();
  const editor = anaMessage.getByRole('textbox', { name: 'Edit text' });
  await expect(editor).toBeFocused();
  await expect(anaMessage).toContainText('until you delete them');
  await editor.fill('Never mind');
  await editor.press('Escape');
  await expect(editor).toBeHidden();
  await expect(anaMessage.locator('.message__text')).toHaveText('Meet at 5?');
  await expect(anaMessage.getByRole('button', { name: 'Actions' })).toBeFocused();

  // Enter saves, in place.
  await (await openActions(anaMessage)).getByRole('button', { name: 'Edit' }).click();
  await editor.fill('Meet at 6?');
  await editor.press('Enter');
  await expect(anaMessage.locator('.message__text')).toHaveText('Meet at 6?');
  await expect(anaMessage.getByTestId('edited')).toHaveText(/Edited/);
  await expect(benMessage.locator('.message__text')).toHaveText('Meet at 6?');
  await expect(benMessage.getByTestId('edited')).toHaveText(/Edited/);
  await expect(await previewOf(benPage, ana.displayName)).toHaveText('Meet at 6?');
  await benPage.getByTestId('conversation-item').filter({ hasText: ana.displayName }).click();

  // Delete asks once more, then leaves a tombstone on both sides.
  const actions = await openActions(anaMessage);
  await actions.getByRole('button', { name: 'Delete' }).click();
  await expect(actions).toContainText('Delete for both of you?');
  await actions.getByRole('button', { name: 'Delete' }).click();
  const [anaTombstone, benTombstone] = [anaMessage, benMessage];
  await expect(anaTombstone).toHaveAttribute('data-deleted', 'true');
  await expect(anaTombstone.locator('.message__text')).toHaveText('Message deleted');
  await expect(benTombstone.locator('.message__text')).toHaveText('Message deleted');
  await expect(benPage.getByText('Meet at 6?')).toHaveCount(0);
  // A tombstone has nothing left to do.
  await expect(anaTombstone.getByRole('button', { name: 'Actions' })).toHaveCount(0);
  await expect(await previewOf(benPage, ana.displayName)).toHaveText('Message deleted');

  // Still so after a reload.
  await benPage.goto(`/messages/${groupUuid}`);
  await expect(benPage.getByTestId('message').last().locator('.message__text')).toHaveText(
    'Message deleted',
  );
});

test('reactions: Ben reacts to Ana’s message, she sees it live and adds hers; each toggles their own', async ({
  twoInOneThread,
}) => {
  const { anaPage, benPage } = await twoInOneThread();
  await send(anaPage, 'I got the job!');
  const benMessage = messageWith(benPage, 'I got the job!');
  const anaMessage = messageWith(anaPage, 'I got the job!');

  const picker = await openActions(benMessage);
  await expect(picker.getByRole('button', { name: /^React: / })).toHaveCount(6);
  await picker.getByRole('button', { name: 'React: Heart' }).click();
  await expect(benMessage.getByRole('button', { name: 'Heart: 1' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const anaHeart = anaMessage.getByRole('button', { name: /^Heart: / });
  await expect(anaHeart).toHaveAccessibleName('Heart: 1');
  await expect(anaHeart).toHaveAttribute('aria-pressed', 'false');

  // Ana adds hers by pressing the count.
  await anaHeart.click();
  await expect(anaHeart).toHaveAccessibleName('Heart: 2');
  await expect(anaHeart).toHaveAttribute('aria-pressed', 'true');
  await expect(benMessage.getByRole('button', { name: 'Heart: 2' })).toBeVisible();

  // Ben takes his back: one left, Ana's.
  await benMessage.getByRole('button', { name: 'Heart: 2' }).click();
  await expect(benMessage.getByRole('button', { name: 'Heart: 1' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(anaHeart).toHaveAccessibleName('Heart: 1');
  await expect(anaHeart).toHaveAttribute('aria-pressed', 'true');

  await anaPage.reload();
  await expect(
    messageWith(anaPage, 'I got the job!').getByRole('button', { name: 'Heart: 1' }),
  ).toHaveAttribute('aria-pressed', 'true');
});
