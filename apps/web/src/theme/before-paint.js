/*
 * Applies the theme chosen in the app before anything is painted, so that a light page never
 * flashes dark (or the other way round). A classic script in <head>, from a file: the
 * Content-Security-Policy allows no inline script. It must stay tiny and dependency-free; the
 * key and values are those of theme-choice.ts (its test runs this file to keep them in step).
 * Without a stored choice the stylesheet follows the system's colour scheme by itself.
 */
/* global document, localStorage -- a browser script, which the project's lint config does not assume */
try {
  const choice = localStorage.getItem('cruddur.theme');
  if (choice === 'light' || choice === 'dark') document.documentElement.dataset.theme = choice;
} catch {
  // Storage refused (some private windows): the system's scheme, as without a choice.
}
