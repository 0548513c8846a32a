import { expect, type BrowserContext, type Page } from '@playwright/test';
import { expectOpenPagesAccessible } from './a11y';
import { signIn, test as base } from './fixtures';
import { type Person } from './people';

/** The global setup's two API instances, each behind a web server of its own. */
export type Instance = 1 | 2;

interface SessionFixtures {
  /**
   * `person` signed in, in a browser context of their own, on the web server of `instance`; it
   * resolves once their live stream is connected (events from then on reach the page).
   */
  signedIn: (person: Person, instance: Instance) => Promise<Page>;
  /**
   * Ana and Ben with the sample conversation, Ana signed in on instance 1 and Ben on instance 2
   * (so every event between them crosses instances), both with it open.
   */
  twoInOneThread: () => Promise<{
    ana: Person;
    ben: Person;
    groupUuid: string;
    anaPage: Page;
    benPage: Page;
  }>;
}

export const test = base.extend<SessionFixtures>({
  signedIn: async ({ browser, viewport, isMobile, hasTouch, deviceScaleFactor }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    await use(async (person, instance) => {
      const baseURL = instance === 1 ? process.env.E2E_BASE_URL : process.env.E2E_SECOND_BASE_URL;
      // A context made here gets none of the project's options by itself: the same device.
      const context = await browser.newContext({
        baseURL,
        viewport,
        isMobile,
        hasTouch,
        deviceScaleFactor,
      });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, person);
      await expectLive(page);
      return page;
    });
    try {
      await expectOpenPagesAccessible(contexts, testInfo);
    } finally {
      await Promise.all(contexts.map((context) => context.close()));
    }
  },
  twoInOneThread: async ({ person, conversation, signedIn }, use) => {
    await use(async () => {
      const [ana, ben] = await Promise.all([person('Ana'), person('Ben')]);
      const groupUuid = await conversation(ana, ben);
      const [anaPage, benPage] = [await signedIn(ana, 1), await signedIn(ben, 2)];
      await anaPage.goto(`/messages/${groupUuid}`);
      await benPage.goto(`/messages/${groupUuid}`);
      return { ana, ben, groupUuid, anaPage, benPage };
    });
  },
});

/** Waits until the page's live stream is connected and caught up. */
export async function expectLive(page: Page): Promise<void> {
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
}

export { expect };
