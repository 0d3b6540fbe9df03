// Serves the practice pages at the real site URLs and blocks and records everything else, including
// the extension service worker's requests (Playwright routes those through the context too).
import type { BrowserContext, Request, Route } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { FIXTURE_DIR } from '../fixtures/build';
import { SITES, type Site } from '../fixtures/surfaces';

/** Where a request came from. */
export type RequestSource =
  | 'page' // a web page's frame (the page itself or a content script running in it)
  | 'extension-page' // a chrome-extension:// page (popup, options, diagnostics…)
  | 'extension-worker' // the extension's service worker
  | 'service-worker' // a web site's own service worker
  | 'unknown';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  source: RequestSource;
  /** URL of the frame or worker that made the request. */
  initiator: string;
  /** `fixture`: served from the practice pages; `not-found`: a site URL we have no file for (404); `blocked`: aborted. */
  disposition: 'fixture' | 'not-found' | 'blocked';
}

/** Every http(s) request and WebSocket of one browser, in order. */
export class NetworkLog {
  readonly entries: RecordedRequest[] = [];

  /** Requests that were not a practice-page file: these would have left the machine. */
  unexpected(): RecordedRequest[] {
    return this.entries.filter((entry) => entry.disposition !== 'fixture');
  }

  /** Requests made by the extension's own contexts: its service worker and its pages. */
  fromExtension(): RecordedRequest[] {
    return this.entries.filter((entry) => entry.source === 'extension-worker' || entry.source === 'extension-page');
  }

  blocked(): RecordedRequest[] {
    return this.entries.filter((entry) => entry.disposition === 'blocked');
  }

  clear() {
    this.entries.length = 0;
  }

  record(request: Request, disposition: RecordedRequest['disposition']) {
    this.entries.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), ...sourceOf(request), disposition });
  }
}

function sourceOf(request: Request): Pick<RecordedRequest, 'source' | 'initiator'> {
  const worker = request.serviceWorker();
  if (worker) {
    const url = worker.url();
    return { source: url.startsWith('chrome-extension://') ? 'extension-worker' : 'service-worker', initiator: url };
  }
  try {
    const url = request.frame().url();
    return { source: url.startsWith('chrome-extension://') ? 'extension-page' : 'page', initiator: url };
  } catch {
    return { source: 'unknown', initiator: '' };
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The practice pages' Content-Security-Policy. Like the real sites, it refuses inline and foreign
 * scripts, so an extension that injects a <script> into the page fails here as it would there.
 * (No connect-src: page requests must reach the routes to be recorded.)
 */
export const PAGE_CSP = "script-src 'self'; object-src 'none'; base-uri 'self'";

async function serveSite(site: Site, route: Route, log: NetworkLog) {
  const request = route.request();
  const { pathname } = new URL(request.url());
  let file: string | null = null;
  if (pathname.startsWith('/__fixture/')) file = normalize(join(FIXTURE_DIR, pathname.slice('/__fixture/'.length)));
  else if (request.resourceType() === 'document') file = join(FIXTURE_DIR, `${site}.html`);
  if (pathname === '/favicon.ico') {
    log.record(request, 'fixture');
    return route.fulfill({ status: 204 });
  }
  if (!file || !file.startsWith(FIXTURE_DIR) || !existsSync(file)) {
    log.record(request, 'not-found');
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not part of the practice page' });
  }
  log.record(request, 'fixture');
  return route.fulfill({
    status: 200,
    contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    headers: request.resourceType() === 'document' ? { 'content-security-policy': PAGE_CSP } : {},
    body: readFileSync(file),
  });
}

/**
 * Installs the routes on a context: the four sites' URLs serve the practice pages; every other
 * http(s) request and WebSocket is aborted (extension files load normally). All of them are recorded in the returned log.
 * Install it before the extension loads so the worker's first request is caught too.
 */
export async function routeSites(context: BrowserContext): Promise<NetworkLog> {
  const log = new NetworkLog();
  // Playwright tries the most recently added route first: the catch-all goes in first. It takes
  // http(s) only: the extension's own chrome-extension:// files (popup, options…) must load.
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => {
    log.record(route.request(), 'blocked');
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (socket) => {
    log.entries.push({ url: socket.url(), method: 'GET', resourceType: 'websocket', source: 'unknown', initiator: '', disposition: 'blocked' });
    return socket.close({ code: 1008, reason: 'blocked by the test harness' });
  });
  for (const [site, spec] of Object.entries(SITES) as [Site, (typeof SITES)[Site]][]) {
    for (const origin of spec.origins) await context.route(`${origin}/**`, (route) => serveSite(site, route, log));
  }
  return log;
}
