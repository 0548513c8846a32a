import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseTheme, followThemeChoice, THEME_KEY, themeChoice } from './theme-choice';
import { ThemeSwitch } from './theme-switch';

/** The script itself, run afresh each time (a query of its own makes a new module of it). */
let runs = 0;
async function runBeforePaint(): Promise<void> {
  runs += 1;
  await import(/* @vite-ignore */ `./before-paint.js?run=${runs}`);
}

function themeColors(): Record<string, string> {
  return Object.fromEntries(
    Array.from(document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')).map(
      (meta) => [meta.dataset.scheme!, meta.media],
    ),
  );
}

beforeEach(() => {
  // index.html's two toolbar colours, each behind its media query.
  document.head.innerHTML = `
    <meta name="theme-color" data-scheme="light" media="(prefers-color-scheme: light)" content="#f6f3fb">
    <meta name="theme-color" data-scheme="dark" media="(prefers-color-scheme: dark)" content="#150d24">`;
});

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('the theme choice', () => {
  it('is the system’s scheme until one is chosen, and nothing overrides it', async () => {
    await runBeforePaint();
    followThemeChoice();
    expect(themeChoice()).toBe('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(themeColors()).toEqual({
      light: '(prefers-color-scheme: light)',
      dark: '(prefers-color-scheme: dark)',
    });
  });

  it('is stored under the key before-paint.js reads, which applies it before the app runs', async () => {
    chooseTheme('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    delete document.documentElement.dataset.theme;
    await runBeforePaint();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('retargets the toolbar colour to the chosen theme, and back to the system’s', () => {
    chooseTheme('light');
    expect(themeColors()).toEqual({ light: 'all', dark: 'not all' });
    chooseTheme('system');
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(themeColors()).toEqual({
      light: '(prefers-color-scheme: light)',
      dark: '(prefers-color-scheme: dark)',
    });
  });

  it('ignores a stored value that is not a theme, in both places', async () => {
    localStorage.setItem(THEME_KEY, 'sepia');
    await runBeforePaint();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(themeChoice()).toBe('system');
  });

  it('follows a choice made in another tab (a storage event), and a cleared storage', () => {
    followThemeChoice();
    localStorage.setItem(THEME_KEY, 'light');
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_KEY, newValue: 'light' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    localStorage.clear();
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});

describe('ThemeSwitch', () => {
  it('is a labelled select showing the choice, which it changes, and follows other changes', async () => {
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Theme' });
    expect(select.value).toBe('system');
    expect(Array.from(select.options, (option) => option.text)).toEqual([
      'System',
      'Light',
      'Dark',
    ]);
    await user.selectOptions(select, 'Dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    act(() => chooseTheme('light'));
    expect(select.value).toBe('light');
  });
});
