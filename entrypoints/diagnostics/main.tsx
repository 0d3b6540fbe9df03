// Diagnostics page wiring: show the worker's policy state and follow its changes.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/settings-pages.css';
import { followPolicyState } from '../../utils/policy-client';
import type { PolicyState } from '../../utils/policy-messages';
import { DiagnosticsApp } from './DiagnosticsApp';

const root = document.getElementById('app')!;

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function show(state: PolicyState | null, loadError?: string) {
  render(<DiagnosticsApp state={state} loadError={loadError} optionsHref={browser.runtime.getURL('/options.html')} now={() => new Date()} onCopy={copy} />, root);
}

show(null);
followPolicyState(show);
