// Pause all warnings, unless the agency's policy turned pausing off.
import { SetBy } from '../../components/SetBy';
import type { PolicyState } from '../../utils/policy-messages';
import { SaveStatus, useSave, type SaveSettings } from './save-status';

export function PauseToggle({ state, onSave }: { state: PolicyState; onSave: SaveSettings }) {
  const [status, save] = useSave(onSave);
  return (
    <section aria-labelledby="pause-heading">
      <h2 id="pause-heading">Pause</h2>
      {state.controls.pause.locked ? (
        <p>
          Warnings cannot be paused. <SetBy organizationName={state.controls.organizationName} />
        </p>
      ) : (
        <label>
          <input type="checkbox" checked={state.settings.paused === true} onChange={(e) => void save({ paused: e.currentTarget.checked })} /> Pause all warnings
        </label>
      )}
      <SaveStatus state={status} />
    </section>
  );
}
