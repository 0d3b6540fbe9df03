// Which agency policy applies: a choice when the agency allows it, else the agency's choice, locked.
import { SetBy } from '../../components/SetBy';
import type { PolicyState } from '../../utils/policy-messages';
import { SaveStatus, useSave, type SaveSettings } from './save-status';

export function ProfileChoice({ state, onSave }: { state: PolicyState; onSave: SaveSettings }) {
  const [status, save] = useSave(onSave);
  const { profile, organizationName } = state.controls;
  const selected = state.effective?.profileId;
  const current = profile.options.find((o) => o.id === selected);
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">Your agency's policy</h2>
      {profile.locked ? (
        <p>
          <strong>{current?.name ?? selected}</strong> <span class="hint">{current?.agency}</span> <SetBy organizationName={organizationName} />
        </p>
      ) : (
        <fieldset>
          <legend class="visually-hidden">Policy profile</legend>
          <p class="hint">Warnings quote the clauses of the policy you choose.</p>
          <ul class="choices">
            {profile.options.map((o) => (
              <li key={o.id}>
                <label>
                  <input type="radio" name="profile" value={o.id} checked={o.id === selected} onChange={() => save({ profileId: o.id })} /> {o.name}
                </label>
                <div class="hint">{o.agency}</div>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <SaveStatus state={status} />
    </section>
  );
}
