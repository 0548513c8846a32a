import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MessageForm } from './message-form';

function setup(props: { disabled?: boolean } = {}) {
  const onSend = vi.fn<(text: string) => void>();
  const onTyping = vi.fn<() => void>();
  const user = userEvent.setup();
  render(<MessageForm onSend={onSend} onTyping={onTyping} {...props} />);
  const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
  const send = screen.getByRole<HTMLButtonElement>('button', { name: 'Send' });
  const counter = screen.getByTestId('char-counter');
  return { onSend, onTyping, user, input, send, counter };
}

describe('MessageForm counter', () => {
  it('starts at 1024 characters left and is linked to the message box', () => {
    const { input, counter } = setup();
    expect(counter.textContent).toBe('1024 characters left');
    expect(input.getAttribute('aria-describedby')).toBe(counter.id);
  });

  it('accepts exactly 1024 characters', async () => {
    const { user, input, send, counter } = setup();
    await user.click(input);
    await user.paste('a'.repeat(1024));
    expect(counter.textContent).toBe('0 characters left');
    expect(counter.dataset.state).toBe('ok');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(send.disabled).toBe(false);
  });

  it('turns to an error and blocks sending at 1025', async () => {
    const { onSend, user, input, send, counter } = setup();
    await user.click(input);
    await user.paste('a'.repeat(1025));
    expect(counter.textContent).toBe('1 character over the limit');
    expect(counter.dataset.state).toBe('error');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(send.disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(input.value).toHaveLength(1025);
  });

  it('does not send blank text', async () => {
    const { onSend, user, input, send } = setup();
    expect(send.disabled).toBe(true);
    await user.type(input, '   ');
    expect(send.disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(onSend).not.toHaveBeenCalled();
  });
});

describe('MessageForm sending', () => {
  it('sends the trimmed text on Enter and clears the box', async () => {
    const { onSend, user, input } = setup();
    await user.type(input, '  hello there  {Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('hello there');
    expect(input.value).toBe('');
    expect(input).toBe(document.activeElement);
  });

  it('adds a line on Shift+Enter instead of sending', async () => {
    const { onSend, user, input } = setup();
    await user.type(input, 'first{Shift>}{Enter}{/Shift}second');
    expect(onSend).not.toHaveBeenCalled();
    expect(input.value).toBe('first\nsecond');
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('first\nsecond');
  });

  it('sends with the Send button', async () => {
    const { onSend, user, input, send } = setup();
    await user.type(input, 'by button');
    await user.click(send);
    expect(onSend).toHaveBeenCalledExactlyOnceWith('by button');
    expect(input.value).toBe('');
  });

  it('takes no typing and sends nothing until it is enabled', async () => {
    const { onSend, user, input, send } = setup({ disabled: true });
    expect(input.readOnly).toBe(true);
    await user.type(input, 'early{Enter}');
    expect(input.value).toBe('');
    expect(send.disabled).toBe(true);
    expect(onSend).not.toHaveBeenCalled();
  });

  it('leaves markup as typed', async () => {
    const { onSend, user, input } = setup();
    await user.click(input);
    await user.paste('<img src=x onerror=alert(1)>');
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('<img src=x onerror=alert(1)>');
  });
});

describe('MessageForm typing', () => {
  it('reports each change that leaves something written (the caller throttles)', async () => {
    const { onTyping, user, input } = setup();
    await user.type(input, 'hi');
    expect(onTyping).toHaveBeenCalledTimes(2);
  });

  it('does not report blank input', async () => {
    const { onTyping, user, input } = setup();
    await user.type(input, '   ');
    expect(onTyping).not.toHaveBeenCalled();
  });

  it('does not report anything while read-only', async () => {
    const { onTyping, user, input } = setup({ disabled: true });
    await user.type(input, 'early');
    expect(onTyping).not.toHaveBeenCalled();
  });
});
