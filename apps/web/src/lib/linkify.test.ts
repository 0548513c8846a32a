import { describe, expect, it } from 'vitest';
import { linkSegments } from './linkify';

const links = (text: string) =>
  linkSegments(text)
    .filter((s) => s.kind === 'link')
    .map((s) => s.href);

describe('linkSegments', () => {
  it('finds http and https links and keeps the text around them', () => {
    expect(linkSegments('see https://example.com/a?b=1 and http://x.org')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'http://x.org', href: 'http://x.org/' },
    ]);
  });

  it('leaves trailing punctuation and closing brackets out of a link', () => {
    expect(links('(https://example.com/page).')).toEqual(['https://example.com/page']);
    expect(links('Look: https://example.com/wiki/Foo_(bar)!')).toEqual([
      'https://example.com/wiki/Foo_(bar)',
    ]);
    expect(links('“https://example.com/q”, he said')).toEqual(['https://example.com/q']);
  });

  it('never links other schemes, bare domains or emails', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/file',
      '//example.com/path',
      'mailto:someone@example.com',
      'someone@example.com',
      'example.com',
      'www.example.com',
      'https://',
    ])
      expect(linkSegments(text)).toEqual([{ kind: 'text', text }]);
  });

  it('does not turn a javascript: URL hidden in a link’s query into another link', () => {
    expect(links('https://example.com/?next=javascript:alert(1)')).toEqual([
      'https://example.com/?next=javascript:alert(1)',
    ]);
  });

  it('gives back the text exactly as written, whatever it holds', () => {
    for (const text of [
      'plain',
      'مرحبا https://example.com/مسار شكرا',
      'two https://a.example https://b.example',
      '<img src=x onerror=alert(1)> https://example.com',
      '',
    ])
      expect(
        linkSegments(text)
          .map((s) => s.text)
          .join(''),
      ).toBe(text);
  });
});
