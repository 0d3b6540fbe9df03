// Chromium with the extension and a real enterprise policy file. The file goes to
// /etc/chromium/policies/managed, which must be the private copy that scripts/e2e-managed-policy.sh
// bind-mounts in a mount namespace: we check its marker before writing anything.
import type { Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, REPO, type ExtensionSession } from '../support/extension';

export const EXTENSION_PATH = join(REPO, '.output/chrome-mv3-e2e');
export const EXTENSION_ID = readFileSync(join(REPO, 'keys/dev-id.txt'), 'utf8').trim();
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
  session: ExtensionSession;
  open(page: 'options' | 'diagnostics', options?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  /** Lint a post through the worker, as a content script would. */
  lint(page: Page, text: string): Promise<{ categories: string[]; clauses: string[] }>;
  /** What chrome.storage.managed holds right now, read in the worker. */
  managed(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The e2e build (fixed ID from the manifest key) through the fixtures stream's launcher. */
export async function launchWithPolicy(): Promise<PolicyBrowser> {
  assertSandbox();
  const session = await launchExtension({ extensionPath: EXTENSION_PATH });
  if (session.extensionId !== EXTENSION_ID) {
    await session.close();
    throw new Error(`The extension loaded as ${session.extensionId}, not ${EXTENSION_ID}: the policy file would not reach it.`);
  }
  const prefix = `chrome-extension://${EXTENSION_ID}/`;
  // The harness's catch-all route also aborts the extension's own page files (scripts, styles);
  // let those through (the most recently added route is tried first). Web requests stay blocked.
  await session.context.route((url) => url.protocol === 'chrome-extension:', (route) => route.continue());
  return {
    session,
    async open(name, options = {}) {
      const page = await session.context.newPage();
      if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
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
    async managed() {
      const worker = await session.serviceWorker();
      return worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(null));
    },
    close: () => session.close(),
  };
}
