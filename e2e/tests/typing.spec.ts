import { expect, test } from '../src/sessions';

test('A sees "typing…" while B types; it goes a few seconds after the last keystroke, and at once when B’s message arrives', async ({
  person,
  conversation,
  signedIn,
}) => {
  const [ana, ben] = await Promise.all([person('Ana'), person('Ben')]);
  const groupUuid = await conversation(ana, ben);
  const anaPage = await signedIn(ana, 1);
  const benPage = await signedIn(ben, 2);
  await anaPage.getByTestId('conversation-item').first().click();
  await benPage.getByTestId('conversation-item').first().click();
  await expect(anaPage).toHaveURL(new RegExp(`/messages/${groupUuid}$`));
  const box = benPage.getByLabel('Message');
  await expect(box).toBeEditable();

  const typing = anaPage.getByTestId('typing');
  await expect(typing).toBeEmpty();
  await box.pressSequentially('On my w');
  await expect(typing).toHaveText(`${ben.displayName} is typing…`);
  // Ben pauses: it goes by itself (≈5 s after the last typing event).
  await expect(typing).toBeEmpty({ timeout: 10_000 });

  await box.pressSequentially('ay!');
  await expect(typing).toHaveText(`${ben.displayName} is typing…`);
  await benPage.getByRole('button', { name: 'Send' }).click();
  await expect(anaPage.getByTestId('message').last()).toContainText('On my way!');
  // Gone with the message, well before it would have expired.
  await expect(typing).toBeEmpty({ timeout: 1_000 });
});
