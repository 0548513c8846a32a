import { expect, send, signIn, test } from '../src/fixtures';

const MARKUP = '<img src=x onerror=alert(1)>';

test('markup in a message is shown as typed and never runs', async ({ browser, person }) => {
  const [nia, oto] = await Promise.all([person('Nia'), person('Oto')]);
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    const [niaPage, otoPage] = await Promise.all(contexts.map((context) => context.newPage()));
    const dialogs: string[] = [];
    for (const page of [niaPage!, otoPage!]) page.on('dialog', (d) => dialogs.push(d.message()));

    await signIn(niaPage!, nia);
    await niaPage!.goto(`/messages/new/${oto.handle}`);
    await send(niaPage!, MARKUP);
    const sent = niaPage!.getByTestId('message').last();
    await expect(sent).toHaveAttribute('data-status', 'sent');
    await expect(sent.locator('.message__text')).toHaveText(MARKUP);

    await signIn(otoPage!, oto);
    const item = otoPage!.getByTestId('conversation-item').first();
    await expect(item.locator('.conversation__last')).toHaveText(MARKUP);
    await item.click();
    await expect(otoPage!.getByTestId('message').last().locator('.message__text')).toHaveText(
      MARKUP,
    );

    for (const page of [niaPage!, otoPage!]) {
      await expect(page.locator('main img, [data-testid="message-thread"] img')).toHaveCount(0);
    }
    expect(dialogs).toEqual([]);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
