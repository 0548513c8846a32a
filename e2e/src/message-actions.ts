import type { Locator, Page } from '@playwright/test';

/** A message of the open thread by (part of) its text. */
export function messageWith(page: Page, text: string): Locator {
  return page.getByTestId('message-thread').getByTestId('message').filter({ hasText: text });
}

/** Opens a message's "⋯" panel from the keyboard (focus, Enter), as someone without a mouse would. */
export async function openActions(message: Locator): Promise<Locator> {
  const toggle = message.getByRole('button', { name: 'Actions' });
  await toggle.focus();
  await toggle.press('Enter');
  return message.getByRole('group', { name: 'Actions' });
}

/** The same message whatever its text becomes (edited, deleted): found again by its id. */
export async function pinned(message: Locator): Promise<Locator> {
  await message.and(message.page().locator('[data-status="sent"]')).waitFor();
  const uuid = await message.getAttribute('data-message-uuid');
  return message.page().locator(`[data-testid="message"][data-message-uuid="${uuid}"]`);
}
