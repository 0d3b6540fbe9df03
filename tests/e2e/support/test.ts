// The `test` every e2e spec imports: Chromium with the extension, the practice pages at the real
// site URLs, and a record of every request.
//
//   import { test, expect } from './support/test';
//   test('…', async ({ page, context, serviceWorker, extensionId, network }) => { … });
//
// One browser serves all the tests of a spec file (fast); `test.use({ browserScope: 'test' })`
// gives each test a fresh browser and profile. `test.use({ extensionPath: null })` runs without
// the extension; `test.use({ extensionPath: '/abs/dir' })` loads another build.
import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { defaultExtensionPath, launchExtension, type ExtensionSession } from './extension';
import type { NetworkLog } from './network';

interface Options {
  /** Unpacked extension to load (default: .output/chrome-mv3, or $SECOND_LOOK_EXTENSION); null: none. */
  extensionPath: string | null;
  /** `file`: one browser per spec file (default); `test`: a fresh browser and profile per test. */
  browserScope: 'file' | 'test';
  /** Fail the test when its page throws an uncaught error (default true). */
  failOnPageError: boolean;
}

interface Fixtures {
  session: ExtensionSession;
  context: BrowserContext;
  page: Page;
  serviceWorker: Worker;
  extensionId: string;
  /** Requests since this test started; `network.unexpected()` lists those that were not practice-page files. */
  network: NetworkLog;
}

interface WorkerFixtures {
  sessions: { current: (ExtensionSession & { key: string }) | null };
}

export const test = base.extend<Options & Fixtures, WorkerFixtures>({
  extensionPath: [defaultExtensionPath(), { option: true }],
  browserScope: ['file', { option: true }],
  failOnPageError: [true, { option: true }],
  sessions: [
    async ({}, use) => {
      const sessions: WorkerFixtures['sessions'] = { current: null };
      await use(sessions);
      await sessions.current?.close();
    },
    { scope: 'worker' },
  ],
  session: async ({ sessions, extensionPath, browserScope }, use, testInfo) => {
    const key = `${testInfo.file}\n${extensionPath}`;
    if (browserScope === 'test' || sessions.current?.key !== key) {
      await sessions.current?.close();
      sessions.current = null;
    }
    sessions.current ??= { key, ...(await launchExtension({ extensionPath })) };
    const session = sessions.current;
    session.network.clear();
    await use(session);
    if (browserScope === 'test') {
      await session.close();
      sessions.current = null;
    }
  },
  context: async ({ session }, use) => use(session.context),
  page: async ({ context, failOnPageError }, use) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
    await use(page);
    await page.close();
    if (failOnPageError && errors.length > 0) throw new Error(`The page threw:\n${errors.join('\n')}`);
  },
  serviceWorker: async ({ session }, use) => use(await session.serviceWorker()),
  extensionId: async ({ session }, use) => use(session.extensionId),
  network: async ({ session }, use) => use(session.network),
});

export const expect = test.expect;
