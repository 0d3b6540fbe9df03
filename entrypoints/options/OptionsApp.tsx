// The options page: props in, markup out (main.tsx talks to the worker).
import type { PolicyState } from '../../utils/policy-messages';
import { CategoryActions } from './CategoryActions';
import { DutyHoursForm } from './DutyHoursForm';
import { FacilitiesForm } from './FacilitiesForm';
import { OfficialAccounts } from './OfficialAccounts';
import { PauseToggle } from './PauseToggle';
import { ProfileChoice } from './ProfileChoice';
import type { SaveSettings } from './save-status';

export interface OptionsAppProps {
  /** Null while the worker has not answered yet. */
  state: PolicyState | null;
  loadError?: string;
  timeZones: readonly string[];
  diagnosticsHref: string;
  onSave: SaveSettings;
}

export function OptionsApp({ state, loadError, timeZones, diagnosticsHref, onSave }: OptionsAppProps) {
  const managed = state !== null && state.policy.accepted.length > 0;
  return (
    <main aria-busy={state === null && !loadError}>
      <h1>Second Look settings</h1>
      <p class="lead">
        {managed && `Managed by ${state!.controls.organizationName ?? 'your agency'}. `}
        Second Look checks what you write on this device. Nothing you type is sent to your agency or anyone else.
      </p>
      {loadError && <p role="alert">Settings could not be loaded: {loadError}</p>}
      {state === null && !loadError && <p>Loading…</p>}
      {state && !state.effective && (
        <div class="invite" role="status">
          <h2>Choose your agency's policy</h2>
          <p>Second Look shows no warnings until you choose the social-media policy you work under.</p>
        </div>
      )}
      {state?.effective?.paused && (
        <p class="invite" role="status">
          Warnings are paused.
        </p>
      )}
      {state && (
        <div>
          <ProfileChoice state={state} onSave={onSave} />
          {state.effective && (
            <>
              <OfficialAccounts state={state} onSave={onSave} />
              <DutyHoursForm state={state} timeZones={timeZones} onSave={onSave} />
              <FacilitiesForm state={state} onSave={onSave} />
              <CategoryActions state={state} onSave={onSave} />
              <PauseToggle state={state} onSave={onSave} />
            </>
          )}
        </div>
      )}
      <p>
        <a href={diagnosticsHref}>Diagnostics</a>: what your agency's policy delivered, for your IT team.
      </p>
    </main>
  );
}
