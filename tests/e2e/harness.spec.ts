// The harness itself: the production extension is loaded, the practice pages are served at the
// real site URLs, and every other request — from pages, extension pages or the extension's
// service worker — is blocked and recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITES, SURFACES } from './fixtures/surfaces';
import { defaultExtensionPath } from './support/extension';
import { expect, test } from './support/test';

test('the production build is loaded, with its service worker running', async ({ serviceWorker, extensionId }) => {
  const manifest = JSON.parse(readFileSync(join(defaultExtensionPath()!, 'manifest.json'), 'utf8'));
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(serviceWorker.url()).toBe(`chrome-extension://${extensionId}/${manifest.background.service_worker}`);
  expect(await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }).chrome.runtime.getManifest().name)).toBe(manifest.name);
});

test('every surface URL is served from the practice pages at its real address', async ({ page, network }) => {
  const urls = [...new Set(SURFACES.map((s) => s.url))];
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    expect(page.url()).toBe(url);
  }
  expect(network.unexpected()).toEqual([]);
  const served = network.entries.map((entry) => new URL(entry.url).pathname);
  for (const site of Object.keys(SITES)) expect(served).toContain(`/__fixture/${site}.js`);
});

test('a request to anywhere else is blocked and recorded with its source', async ({ page, network }) => {
  await page.goto('https://www.linkedin.com/feed/');
  const outcome = await page.evaluate(() => fetch('https://collector.example/beacon?t=1', { method: 'POST', body: 'x' }).then(() => 'sent', () => 'failed'));
  expect(outcome).toBe('failed');
  expect(network.blocked()).toEqual([
    {
      url: 'https://collector.example/beacon?t=1',
      method: 'POST',
      resourceType: 'fetch',
      source: 'page',
      initiator: 'https://www.linkedin.com/feed/',
      disposition: 'blocked',
    },
  ]);
});

test('an unknown path on a site is answered 404 and counted as unexpected', async ({ page, network }) => {
  await page.goto('https://x.com/home');
  const status = await page.evaluate(() => fetch('/i/api/graphql/abc').then((r) => r.status));
  expect(status).toBe(404);
  expect(network.unexpected().map((entry) => [entry.url, entry.disposition])).toEqual([['https://x.com/i/api/graphql/abc', 'not-found']]);
});

test('WebSockets are refused and recorded', async ({ page, network }) => {
  await page.goto('https://www.instagram.com/');
  const closed = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket('wss://edge-chat.example/chat');
        socket.onclose = (event) => resolve(event.code);
      }),
  );
  expect(closed).not.toBe(1000);
  expect(network.unexpected().map((entry) => [entry.url, entry.resourceType, entry.disposition])).toEqual([['wss://edge-chat.example/chat', 'websocket', 'blocked']]);
});

test("the extension's service worker requests are blocked and recorded as the extension's", async ({ serviceWorker, extensionId, network }) => {
  const outcome = await serviceWorker.evaluate(() => fetch('https://telemetry.example/v1').then(() => 'sent', () => 'failed'));
  expect(outcome).toBe('failed');
  expect(network.fromExtension()).toEqual([
    expect.objectContaining({ url: 'https://telemetry.example/v1', source: 'extension-worker', initiator: `chrome-extension://${extensionId}/background.js`, disposition: 'blocked' }),
  ]);
});

test("requests from the extension's own pages are recorded as the extension's", async ({ page, extensionId, network }) => {
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  await page.evaluate(() => fetch('https://cdn.example/font.woff2').catch(() => null));
  expect(network.fromExtension()).toEqual([
    expect.objectContaining({ url: 'https://cdn.example/font.woff2', source: 'extension-page', disposition: 'blocked' }),
  ]);
});

test("the extension's own pages load their files (only http(s) is routed)", async ({ page, extensionId, network }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(network.fromExtension()).toEqual([]);
});

test.describe('without the extension', () => {
  test.use({ extensionPath: null });

  test('the practice pages still run, and no service worker is expected', async ({ page, session }) => {
    await page.goto('https://x.com/home');
    await expect(page.locator('[data-testid="tweetTextarea_0"]')).toHaveCount(1);
    expect(session.extensionId).toBe('');
    await expect(session.serviceWorker()).rejects.toThrow(/no extension service worker/);
  });
});

test('the pages refuse inline scripts, like the sites (an injected <script> does not run)', async ({ page }) => {
  await page.goto('https://www.facebook.com/');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});
