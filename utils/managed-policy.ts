// Reading the agency's managed policy (worker only; pages and content scripts ask the worker).
// Chrome/Edge: storage.managed, filled from enterprise policy; on a first install it may start empty
// for a few seconds. Firefox: get() rejects when no policy is set, and the value changes only on restart.
import { browser } from 'wxt/browser';

export interface ManagedRead {
  /** The raw managed values; `{}` when there is no policy. */
  raw: Record<string, unknown>;
  /** `managed-storage`: a fresh read; `none`: get() failed (no policy); `cache`: the start-up bridge. */
  source: 'managed-storage' | 'none' | 'cache';
  /** ISO time of the read that produced `raw`. */
  readAt: string;
  /** Why get() failed, e.g. Firefox's "Managed storage manifest not found". */
  error?: string;
}

/** storage.local key of the last fresh read; it only bridges a worker start until the next fresh read. */
export const MANAGED_CACHE_KEY = 'managedPolicyCache';

export interface PollOptions {
  /** Keep polling an empty result this long on a first install (Privacy Badger and PixieBrix use 4.5 s). */
  budgetMs?: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One read of managed storage. A rejection means "no policy" (Firefox without one), never an error. */
export async function readManagedStorage(): Promise<ManagedRead> {
  const readAt = new Date().toISOString();
  try {
    const raw = await browser.storage.managed.get(null);
    return { raw: isRecord(raw) ? raw : {}, source: 'managed-storage', readAt };
  } catch (e) {
    return { raw: {}, source: 'none', readAt, error: (e as Error)?.message ?? String(e) };
  }
}

/**
 * Read at start-up. On a first install (`firstRun`), an empty result may only mean "not delivered
 * yet", so keep polling within the budget before concluding there is no policy.
 */
export async function readManagedPolicyAtStartup(firstRun: boolean, options: PollOptions = {}): Promise<ManagedRead> {
  const { budgetMs = 5000, intervalMs = 500, sleep = defaultSleep, now = Date.now } = options;
  let read = await readManagedStorage();
  if (!firstRun) return read;
  const deadline = now() + budgetMs;
  while (read.source === 'managed-storage' && Object.keys(read.raw).length === 0 && now() < deadline) {
    await sleep(intervalMs);
    read = await readManagedStorage();
  }
  return read;
}

export async function readManagedCache(): Promise<ManagedRead | null> {
  try {
    const { [MANAGED_CACHE_KEY]: cached } = await browser.storage.local.get(MANAGED_CACHE_KEY);
    if (!isRecord(cached) || !isRecord(cached.raw) || typeof cached.readAt !== 'string') return null;
    return { raw: cached.raw, source: 'cache', readAt: cached.readAt };
  } catch {
    return null;
  }
}

/** Remember a fresh read (an empty one too: a removed policy must not linger after a restart). */
export async function writeManagedCache(read: ManagedRead): Promise<void> {
  if (read.source === 'cache') return;
  await browser.storage.local.set({ [MANAGED_CACHE_KEY]: { raw: read.raw, readAt: read.readAt } });
}

/** Calls back on every change of the managed area (Chrome/Edge; Firefox never fires it). */
export function onManagedStorageChange(callback: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
