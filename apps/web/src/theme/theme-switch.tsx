import { useId, useSyncExternalStore } from 'react';
import {
  chooseTheme,
  subscribeThemeChoice,
  THEME_CHOICES,
  themeChoice,
  type ThemeChoice,
} from './theme-choice';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * System / Light / Dark, as a native select: labelled, keyboard- and screen-reader-operable as it
 * is, and the phone's own picker on a touch screen.
 */
export function ThemeSwitch() {
  const id = useId();
  const choice = useSyncExternalStore(subscribeThemeChoice, themeChoice);
  return (
    <span className="theme-switch">
      <label htmlFor={id} className="theme-switch__label">
        Theme
      </label>
      <select
        id={id}
        className="theme-switch__select"
        value={choice}
        onChange={(event) => chooseTheme(event.target.value as ThemeChoice)}
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </span>
  );
}
