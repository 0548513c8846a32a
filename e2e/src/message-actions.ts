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

/** The conversation list; on a phone (one pane at a time) opened with the thread's back link first. */
export async function showList(page: Page): Promise<Locator> {
  const list = page.getByTestId('conversation-list');
  const back = page.getByRole('link', { name: 'Back to conversations' });
  // Whichever shows once the page has rendered: the list, or a thread with its way back.
  await list.or(back).filter({ visible: true }).first().waitFor();
  if (!(await list.isVisible())) await back.click();
  return list;
}

/** The last-message preview of the conversation with `name` in the list. */
export async function previewOf(page: Page, name: string): Promise<Locator> {
  const list = await showList(page);
  return list
    .getByTestId('conversation-item')
    .filter({ hasText: name })
    .locator('.conversation__last');
}

/** Opens a conversation from the list, as a person would. */
export async function openConversation(page: Page, groupUuid: string): Promise<void> {
  const list = await showList(page);
  await list.locator(`[data-testid="conversation-item"][href$="${groupUuid}"]`).click();
}
