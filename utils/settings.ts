// The user's own choices, in storage.local under `settings` (worker side). The shape and its
// validation live in rules/engine/managed-policy.ts so the merge and the CLI share them.
import { browser } from 'wxt/browser';
import type { Problem } from '../rules/engine/profile';
import { validateSettings, type Settings } from '../rules/engine/managed-policy';

export const SETTINGS_KEY = 'settings';

/** Stored settings, validated: a corrupt field is dropped (and listed), never fatal. */
export async function loadSettings(): Promise<{ settings: Settings; problems: Problem[] }> {
  const { [SETTINGS_KEY]: raw } = await browser.storage.local.get(SETTINGS_KEY);
  return validateSettings(raw);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export function onSettingsChange(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
