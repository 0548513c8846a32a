import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

/** WCAG 2.1 A and AA, and axe's best practices (headings, landmarks) on top. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
/**
 * What a colour scheme can change: the palette, so the rules about colours. The first scheme gets
 * every rule, the other these alone — the rest (names, roles, landmarks, headings) read the same
 * markup in both, and axe's full pass is most of a check's time (about 1 s on a 30-message thread).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
type Scheme = (typeof SCHEMES)[number];

/**
 * Fails unless axe finds nothing on the page as it is now, in the light and in the dark colour
 * scheme, and the page has exactly one h1. `label` names the state in the failure, which lists each
 * rule broken with every element's selector and axe's own account (contrast ratios included).
 *
 * The scheme is switched with `emulateMedia`, as the system would; a theme chosen in the app
 * overrides it, so a test that chose one checks that theme (`schemes` then names the system
 * scheme to check it under, once). Afterwards the page follows the browser's default scheme again.
 */
export async function expectAccessible(
  page: Page,
  label: string,
  {
    schemes = SCHEMES,
    coloursOnly = false,
  }: {
    schemes?: readonly Scheme[];
    /** Only the colour rules, for a page checked in full already in the other theme. */
    coloursOnly?: boolean;
  } = {},
): Promise<void> {
  await expect(page.locator('h1'), `one h1 on "${label}"`).toHaveCount(1);
  const found: string[] = [];
  try {
    for (const [index, colorScheme] of schemes.entries()) {
      await page.emulateMedia({ colorScheme });
      // What is shown: a theme chosen in the app, else the system's scheme. Findings are tagged so.
      const chosen = await page.evaluate(() => document.documentElement.dataset.theme);
      const theme = chosen ? `${chosen} theme chosen` : `${colorScheme} scheme`;
      // Legacy mode runs axe inside the page itself: the default opens a blank page in the test's
      // context for its last step, which a test waiting for a new page would take for its own.
      const axe = new AxeBuilder({ page }).setLegacyMode();
      const results = await (
        index === 0 && !coloursOnly ? axe.withTags(TAGS) : axe.withRules(COLOUR_RULES)
      ).analyze();
      found.push(...results.violations.map((violation) => describe(theme, violation)));
      const onGradients = await gradientContrast(page, results.incomplete);
      found.push(...onGradients.map((finding) => `[${theme}] ${finding}`));
    }
  } finally {
    await page.emulateMedia({ colorScheme: null });
  }
  expect(found, `axe violations on "${label}" (${page.url()})`).toEqual([]);
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * axe cannot tell the contrast of text on a gradient (my own bubbles) or of gradient lettering
 * (the brand): it leaves them "incomplete". This checks them itself, the text's colour against
 * every colour stop, at the ratio axe expected for that text (3:1 when large, else 4.5:1).
 */
async function gradientContrast(page: Page, incomplete: readonly Violation[]): Promise<string[]> {
  const items = incomplete
    .filter((result) => result.id === 'color-contrast')
    .flatMap((result) => result.nodes)
    .map((node) => ({ target: String(node.target[0]), data: node.any[0]?.data as unknown }))
    .filter(
      ({ data }) => (data as { messageKey?: string } | undefined)?.messageKey === 'bgGradient',
    )
    .map(({ target, data }) => ({
      target,
      expected: parseFloat((data as { expectedContrastRatio: string }).expectedContrastRatio),
    }));
  if (items.length === 0) return [];
  return page.evaluate((checks) => {
    type Rgba = number[];
    const colours = (css: string): Rgba[] =>
      (css.match(/rgba?\([^)]*\)/g) ?? []).map((colour) => colour.match(/[\d.]+/g)!.map(Number));
    const opaque = (colour: Rgba) => (colour[3] ?? 1) > 0;
    const over = (top: Rgba, under: Rgba): Rgba => {
      const alpha = top[3] ?? 1;
      return [0, 1, 2].map((i) => top[i]! * alpha + under[i]! * (1 - alpha));
    };
    const luminance = (colour: Rgba) => {
      const [r, g, b] = colour.map((value) => {
        const v = value / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (high! + 0.05) / (low! + 0.05);
    };
    const findings: string[] = [];
    for (const { target, expected } of checks) {
      const element = document.querySelector(target);
      let holder = element;
      while (holder && !getComputedStyle(holder).backgroundImage.includes('gradient'))
        holder = holder.parentElement;
      if (!element || !holder) continue;
      const stops = colours(getComputedStyle(holder).backgroundImage);
      let texts = colours(getComputedStyle(element).color);
      let backgrounds = stops;
      if (getComputedStyle(holder).backgroundClip === 'text') {
        // The gradient is the lettering, on the first opaque background behind it.
        let behind = holder.parentElement;
        while (behind && !opaque(colours(getComputedStyle(behind).backgroundColor)[0]!))
          behind = behind.parentElement;
        texts = stops;
        backgrounds = colours(getComputedStyle(behind ?? document.body).backgroundColor);
      }
      for (const background of backgrounds)
        for (const text of texts) {
          const contrast = ratio(over(text, background), background);
          if (contrast < expected)
            findings.push(
              `gradient-contrast: ${target}: rgb(${text.join(', ')}) on rgb(${background.join(', ')}) is ${contrast.toFixed(2)}:1, needs ${expected}:1`,
            );
        }
    }
    return findings;
  }, items);
}

function describe(scheme: string, violation: Violation): string {
  const nodes = violation.nodes.map(
    (node) =>
      `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replaceAll('\n', '\n      ')}`,
  );
  return `[${scheme}] ${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join('\n')}`;
}

/**
 * The check every test ends with (automatic fixtures): each page still open in `contexts`, once
 * the test has passed (a failure is reported as it is, not buried under axe's findings).
 */
export async function expectOpenPagesAccessible(
  contexts: readonly BrowserContext[],
  testInfo: TestInfo,
): Promise<void> {
  if (testInfo.status !== testInfo.expectedStatus) return;
  const pages = contexts
    .flatMap((context) => context.pages())
    .filter((page) => page.url() !== 'about:blank');
  for (const [index, page] of pages.entries())
    await expectAccessible(page, `end of the test, page ${index + 1} of ${pages.length}`);
}
