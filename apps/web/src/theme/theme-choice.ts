/**
 * The colour theme: the system's scheme unless the person chose light or dark here. Remembered
 * per browser (every tab of this origin follows a change at once). The stylesheet reads
 * `data-theme` on <html>; before-paint.js sets it from the same key before the first paint.
 */
export const THEME_KEY = 'cruddur.theme';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const listeners = new Set<() => void>();

export function themeChoice(): ThemeChoice {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(THEME_KEY);
  } catch {
    // Storage refused: the system's scheme.
  }
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/**
 * `data-theme`, and the browser's toolbar colour: index.html has one theme-color per scheme
 * (`data-scheme`), each behind its media query, which a choice here overrides.
 */
function apply(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    const scheme = meta.dataset.scheme;
    meta.media =
      choice === 'system'
        ? `(prefers-color-scheme: ${scheme})`
        : scheme === choice
          ? 'all'
          : 'not all';
  }
  for (const listener of listeners) listener();
}

export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused (a private window): the choice lasts as long as the page.
  }
  apply(choice);
}

/** Once, at start-up: the toolbar colour for a stored choice, and other tabs' choices from then on. */
export function followThemeChoice(): void {
  apply(themeChoice());
  window.addEventListener('storage', (event) => {
    // `key` is null when the whole storage was cleared.
    if (event.key === THEME_KEY || event.key === null) apply(themeChoice());
  });
}

/** For useSyncExternalStore. */
export function subscribeThemeChoice(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
