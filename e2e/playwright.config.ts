import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/chromium';

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
    viewport: { width: 1280, height: 800 },
  },
});
