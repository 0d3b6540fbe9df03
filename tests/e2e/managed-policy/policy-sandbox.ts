// Chromium with the extension and a real enterprise policy file. The file goes to
// /etc/chromium/policies/managed, which must be the private copy that scripts/e2e-managed-policy.sh
// bind-mounts in a mount namespace: we check its marker before writing anything.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
export const EXTENSION_PATH = join(REPO, '.output/chrome-mv3-e2e');
export const EXTENSION_ID = readFileSync(join(REPO, 'keys/dev-id.txt'), 'utf8').trim();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'second-look-e2e.json');
export const SANDBOX_MARKER = '/etc/chromium/.second-look-policy-sandbox';

/** Refuses to run unless /etc/chromium is the private copy (never write the machine's /etc). */
export function assertSandbox(): void {
  if (!existsSync(SANDBOX_MARKER) || readFileSync(SANDBOX_MARKER, 'utf8').trim() !== process.env.SECOND_LOOK_POLICY_SANDBOX) {
    throw new Error('/etc/chromium is not the private copy: run these tests with `bash scripts/e2e-managed-policy.sh`.');
  }
  if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) throw new Error(`No e2e build at ${EXTENSION_PATH}: run "npx wxt build --mode e2e".`);
}

/** Writes the extension's policy the way an admin does on Linux (atomically, like a config tool). */
export function writePolicy(policy: Record<string, unknown>): void {
  assertSandbox();
  mkdirSync(POLICY_DIR, { recursive: true });
  const temp = `${POLICY_FILE}.tmp`;
  writeFileSync(temp, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2));
  renameSync(temp, POLICY_FILE);
}

export function removePolicy(): void {
  assertSandbox();
  rmSync(POLICY_FILE, { force: true });
}

export interface PolicyBrowser {
  context: BrowserContext;
  worker: Worker;
  open(page: 'options' | 'diagnostics'): Promise<Page>;
  /** Lint a post through the worker, as a content script would. */
  lint(page: Page, text: string): Promise<{ categories: string[]; clauses: string[] }>;
  /** What chrome.storage.managed holds right now, read in the worker. */
  managed(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function launchWithPolicy(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<PolicyBrowser> {
  assertSandbox();
  const userDataDir = mkdtempSync(join(tmpdir(), 'second-look-policy-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: !process.env.HEADED,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Nothing here needs the network; the extension pages are not routed.
  await context.route(/^https?:/, (route) => route.abort());
  const prefix = `chrome-extension://${EXTENSION_ID}/`;
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 15_000 }));
  return {
    context,
    worker,
    async open(name) {
      const page = await context.newPage();
      await page.goto(`${prefix}${name}.html`);
      return page;
    },
    async lint(page, text) {
      return page.evaluate(async (postText) => {
        const chromeApi = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ result: { categories: string[]; findings: { clause: string }[] } }> } } }).chrome;
        const reply = await chromeApi.runtime.sendMessage({ type: 'lint', surfaceId: 'e2e', site: 'x', kind: 'post', text: postText });
        return { categories: reply.result.categories, clauses: reply.result.findings.map((f) => f.clause) };
      }, text);
    },
    managed: () => worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(null)),
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
