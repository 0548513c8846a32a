import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EDIT_RULE, MessageEditor } from './message-editor';

function setup(original = 'Meet at 5?') {
  const onSave = vi.fn<(text: string) => void>();
  const onCancel = vi.fn<() => void>();
  const user = userEvent.setup();
  render(<MessageEditor original={original} onSave={onSave} onCancel={onCancel} />);
  const box = screen.getByLabelText<HTMLTextAreaElement>('Edit text');
  return { onSave, onCancel, user, box };
}

describe('MessageEditor', () => {
  it('opens focused on the text, with the edit rule as its description', () => {
    const { box } = setup();
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe('Meet at 5?');
    expect(box.getAttribute('dir')).toBe('auto');
    const hint = document.getElementById(box.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(hint?.textContent).toContain(EDIT_RULE);
  });

  it('saves the trimmed text on Enter; Shift+Enter is a new line', async () => {
    const { onSave, user, box } = setup();
    await user.clear(box);
    await user.type(box, ' Meet at 6?{Shift>}{Enter}{/Shift}Or 7 ');
    expect(onSave).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onSave).toHaveBeenCalledWith('Meet at 6?\nOr 7');
  });

  it('cancels on Escape, and on saving the same text', async () => {
    const { onSave, onCancel, user, box } = setup();
    await user.type(box, '{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.type(box, '{Enter}');
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves nothing blank or too long', async () => {
    const { onSave, user, box } = setup();
    await user.clear(box);
    await user.type(box, '   {Enter}');
    await user.clear(box);
    await user.click(box);
    await user.paste('a'.repeat(1025));
    await user.keyboard('{Enter}');
    expect(onSave).not.toHaveBeenCalled();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);
  });
});
