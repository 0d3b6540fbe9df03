// What happens when a category fires. Users may make a category stricter than the agency's minimum,
// never looser.
import { ACTION_LABELS, actionsAtLeast, categoryLabel } from '../../components/policy-labels';
import { SetBy } from '../../components/SetBy';
import type { Action } from '../../rules/engine/types';
import type { PolicyState } from '../../utils/policy-messages';
import { SaveStatus, useSave, type SaveSettings } from './save-status';

export function CategoryActions({ state, onSave }: { state: PolicyState; onSave: SaveSettings }) {
  const [status, save] = useSave(onSave);
  const categories = state.effective?.categories ?? [];
  const own = state.settings.categoryActions ?? {};
  const change = (category: string, action: Action) => void save({ categoryActions: { ...own, [category]: action } });
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">What happens when a post may risk a clause</h2>
      <p class="hint">
        Warn: a note beside the compose box. Ask before posting: you confirm before the post goes out. Off: nothing. Where your agency set a
        minimum you may choose something stricter, not looser.
      </p>
      <table>
        <caption class="visually-hidden">Action per risk category</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Clauses</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.category}>
              <th scope="row">{categoryLabel(c.category)}</th>
              <td>{[...new Set([...c.personal, ...c.official])].join('; ')}</td>
              <td>
                <select id={`action-${c.category}`} aria-label={`Action for ${categoryLabel(c.category)}`} value={c.action} onChange={(e) => change(c.category, e.currentTarget.value as Action)}>
                  {actionsAtLeast(c.floor).map((a) => (
                    <option key={a} value={a}>
                      {ACTION_LABELS[a]}
                    </option>
                  ))}
                </select>
                {c.floor && (
                  <div class="hint">
                    At least “{ACTION_LABELS[c.floor]}” <SetBy organizationName={state.controls.organizationName} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.keys(own).length > 0 && (
        <div class="row">
          <button class="button" type="button" onClick={() => void save({ categoryActions: null })}>
            Reset to the policy's actions
          </button>
        </div>
      )}
      <SaveStatus state={status} />
    </section>
  );
}
