import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MessageText } from './message-text';

describe('MessageText', () => {
  it('links http(s) addresses into a new tab without opener or referrer, the rest as text', () => {
    render(
      <MessageText text="Tickets: https://example.com/t?id=4. Not javascript:alert(1) nor <b>this</b>" />,
    );
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://example.com/t?id=4');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    const text = links[0]!.closest('p')!;
    expect(text.textContent).toBe(
      'Tickets: https://example.com/t?id=4. Not javascript:alert(1) nor <b>this</b>',
    );
    expect(text.querySelector('b')).toBeNull();
    expect(text.getAttribute('dir')).toBe('auto');
  });
});
