import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/chromium';

/** Phone-only: every screen at 390×844. */
const PHONE_ONLY = ['narrow-screen.spec.ts'];
/**
 * The specs that run at 390×844 as well as on the desktop (see `projects`): the theme, and the
 * conversation's features (edit, delete, react; links and scripts; drafts and outbox; recovery),
 * where a phone shows one pane at a time.
 */
const PHONE_TOO = [
  'theme.spec.ts',
  'conversation-edits.spec.ts',
  'message-text.spec.ts',
  'drafts-and-outbox.spec.ts',
  'recovery.spec.ts',
];

export default defineConfig({
  testDir: './tests',
  globalSetup: './src/global-setup.ts',
  // One worker: the whole stack (Java, PostgreSQL, API, worker, web) shares a 2-core machine.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  reporter: [
    ['list'],
    ['json', { outputFile: '.test-results/playwright.json' }],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
  ],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: PHONE_ONLY,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      // A phone (an iPhone 12–15's CSS viewport): one pane at a time, touch. Not every spec, so
      // that the suite stays within minutes on 2 cores: narrow-screen.spec visits every screen
      // and state there is on a phone (axe in both schemes), and PHONE_TOO's scenarios run there
      // too. theme.spec's sweep of every screen in each chosen theme is the desktop's only: on a
      // phone the same screens, in the same two palettes, are narrow-screen.spec's.
      name: 'mobile',
      testMatch: [...PHONE_ONLY, ...PHONE_TOO],
      grepInvert: /every screen passes axe in the chosen light theme/,
      use: {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      },
    },
  ],
});
