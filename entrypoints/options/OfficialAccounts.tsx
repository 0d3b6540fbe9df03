// Accounts the user posts to as the agency: official-account clauses apply to them.
import { useState } from 'preact/hooks';
import { SetBy } from '../../components/SetBy';
import type { PolicyState } from '../../utils/policy-messages';
import { SaveStatus, useSave, type SaveSettings } from './save-status';

export function OfficialAccounts({ state, onSave }: { state: PolicyState; onSave: SaveSettings }) {
  const locked = state.controls.officialHandles.locked;
  const handles = (locked ? state.effective?.officialHandles : state.settings.officialHandles) ?? [];
  const [text, setText] = useState(handles.join('\n'));
  const [status, save] = useSave(onSave);
  const submit = (e: Event) => {
    e.preventDefault();
    void save({ officialHandles: text.split('\n').map((h) => h.trim()).filter(Boolean) });
  };
  return (
    <section aria-labelledby="handles-heading">
      <h2 id="handles-heading">Official accounts</h2>
      <p class="hint">Posts from these accounts are checked against the clauses for official agency accounts; every other account counts as personal.</p>
      {locked ? (
        <>
          <p>
            <SetBy organizationName={state.controls.organizationName} />
          </p>
          {handles.length === 0 ? <p>None.</p> : <ul>{handles.map((h) => <li key={h}>{h}</li>)}</ul>}
        </>
      ) : (
        <form onSubmit={submit}>
          <label for="handles">Account handles, one per line</label>
          <p class="hint" id="handles-hint">
            For example <code>@OKDOCS</code>, or <code>x:@OKDOCS</code> for one site only (facebook, x, linkedin, instagram).
          </p>
          <textarea id="handles" aria-describedby="handles-hint" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <div class="row">
            <button class="button primary" type="submit">Save accounts</button>
          </div>
        </form>
      )}
      <SaveStatus state={status} />
    </section>
  );
}
