// Launches Debian's Chromium with the built extension in a fresh profile. The routes are installed
// first and the extension is loaded afterwards (CDP Extensions.loadUnpacked), so the network log
// sees the service worker's requests from its very first line.
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeSites, type NetworkLog } from './network';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The production build by default; SECOND_LOOK_EXTENSION=<dir> picks another, `none` runs without it. */
export function defaultExtensionPath(): string | null {
  const chosen = process.env.SECOND_LOOK_EXTENSION;
  if (chosen === 'none') return null;
  return resolve(REPO, chosen ?? '.output/chrome-mv3');
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Lets the harness load the extension over CDP after the routes are in place.
  '--enable-unsafe-extension-debugging',
];

export interface ExtensionSession {
  context: BrowserContext;
  /** The extension's id, or '' when running without the extension. */
  extensionId: string;
  network: NetworkLog;
  /** The extension's running service worker (waits for it when Chromium is restarting it). */
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export function assertExtensionBuilt(extensionPath: string) {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}. Run "npm run build" first ("npm run e2e" does).`);
  }
}

/** `extensionPath` may be relative to the repository (e.g. `.output/chrome-mv3-e2e`). */
export async function launchExtension(options: { extensionPath: string | null; headless?: boolean }): Promise<ExtensionSession> {
  const extensionPath = options.extensionPath && resolve(REPO, options.extensionPath);
  if (extensionPath) assertExtensionBuilt(extensionPath);
  const userDataDir = mkdtempSync(join(tmpdir(), 'second-look-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? !process.env.HEADED,
    // Playwright's default --disable-extensions would refuse the CDP load.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: CHROMIUM_FLAGS,
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const network = await routeSites(context);
    let extensionId = '';
    if (extensionPath) {
      const cdp = await context.browser()!.newBrowserCDPSession();
      ({ id: extensionId } = (await cdp.send('Extensions.loadUnpacked', { path: extensionPath })) as { id: string });
      await cdp.detach();
    }
    const hasWorker = extensionPath && JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')).background?.service_worker;
    const prefix = `chrome-extension://${extensionId}/`;
    const serviceWorker = async () => {
      if (!hasWorker) throw new Error('This run has no extension service worker');
      return (
        context.serviceWorkers().find((worker) => worker.url().startsWith(prefix)) ??
        (await context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(prefix), timeout: 10_000 }))
      );
    };
    if (hasWorker) await serviceWorker();
    return { context, extensionId, network, serviceWorker, close };
  } catch (error) {
    await close();
    throw error;
  }
}
