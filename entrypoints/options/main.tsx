// Options page wiring: the worker holds the state; this page shows it and sends changes.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/settings-pages.css';
import { followPolicyState, requestSettingsUpdate } from '../../utils/policy-client';
import type { PolicyState } from '../../utils/policy-messages';
import { OptionsApp } from './OptionsApp';

const root = document.getElementById('app')!;
const timeZones = Intl.supportedValuesOf?.('timeZone') ?? [];
let state: PolicyState | null = null;
let loadError: string | undefined;

function show() {
  render(<OptionsApp state={state} loadError={loadError} timeZones={timeZones} diagnosticsHref={browser.runtime.getURL('/diagnostics.html')} onSave={save} />, root);
}

async function save(patch: Record<string, unknown>) {
  const reply = await requestSettingsUpdate(patch);
  state = reply.state;
  show();
  return reply.ok ? [] : reply.problems;
}

show();
followPolicyState((next, error) => {
  state = next ?? state;
  loadError = error;
  show();
});
