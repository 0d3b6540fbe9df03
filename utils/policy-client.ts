// Extension pages (options, diagnostics, popup) ask the worker for the policy state and follow it.
import { browser } from 'wxt/browser';
import { isEffectiveProfileChanged, isPolicyStateChanged, type PolicyState, type UpdateSettingsResponse } from './policy-messages';

/** Calls back with the state now and again whenever the worker says it changed. */
export function followPolicyState(callback: (state: PolicyState | null, loadError?: string) => void): void {
  const load = async () => {
    try {
      callback((await browser.runtime.sendMessage({ type: 'policy-state' })) as PolicyState);
    } catch (e) {
      callback(null, (e as Error).message);
    }
  };
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isPolicyStateChanged(message) || isEffectiveProfileChanged(message)) void load();
    return false;
  });
  void load();
}

export async function requestSettingsUpdate(patch: Record<string, unknown>): Promise<UpdateSettingsResponse> {
  return (await browser.runtime.sendMessage({ type: 'update-settings', patch })) as UpdateSettingsResponse;
}
