// Facilities the user works at (names, other names, and a circle around them for photo locations).
// When the agency's policy lists facilities, they are shown and cannot be changed here.
import { useState } from 'preact/hooks';
import { SetBy } from '../../components/SetBy';
import type { Facility } from '../../rules/engine/types';
import type { PolicyState } from '../../utils/policy-messages';
import { SaveStatus, useSave, type SaveSettings } from './save-status';

interface Row {
  name: string;
  aliases: string;
  lat: string;
  lon: string;
  radiusM: string;
}

const toRow = (f: Facility): Row => ({
  name: f.name,
  aliases: (f.aliases ?? []).join(', '),
  lat: f.lat?.toString() ?? '',
  lon: f.lon?.toString() ?? '',
  radiusM: f.radiusM?.toString() ?? '',
});

/** Empty coordinate fields mean "no geofence"; the worker checks the rest and names any bad field. */
function toFacility(row: Row): Record<string, unknown> {
  const facility: Record<string, unknown> = { name: row.name.trim() };
  const aliases = row.aliases.split(',').map((a) => a.trim()).filter(Boolean);
  if (aliases.length > 0) facility.aliases = aliases;
  for (const field of ['lat', 'lon', 'radiusM'] as const) {
    const text = row[field].trim();
    if (text !== '') facility[field] = Number.isNaN(Number(text)) ? text : Number(text);
  }
  return facility;
}

export function FacilitiesForm({ state, onSave }: { state: PolicyState; onSave: SaveSettings }) {
  const [rows, setRows] = useState<Row[]>((state.settings.facilities ?? []).map(toRow));
  const [status, save] = useSave(onSave);
  const fromProfile = state.effective?.facilities ?? [];

  if (state.controls.facilities.locked) {
    return (
      <section aria-labelledby="facilities-heading">
        <h2 id="facilities-heading">Facilities</h2>
        <p>
          <SetBy organizationName={state.controls.organizationName} />
        </p>
        {fromProfile.length === 0 ? <p>None.</p> : <ul>{fromProfile.map((f) => <li key={f.name}>{f.name}</li>)}</ul>}
      </section>
    );
  }

  const update = (i: number, change: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const field = (i: number, key: keyof Row, label: string, hint?: string) => (
    <div>
      <label for={`facility-${i}-${key}`}>{label}</label>
      <br />
      <input
        id={`facility-${i}-${key}`}
        type="text"
        inputMode={key === 'name' || key === 'aliases' ? 'text' : 'decimal'}
        value={rows[i]![key]}
        aria-describedby={hint ? `facility-${i}-${key}-hint` : undefined}
        onInput={(e) => update(i, { [key]: e.currentTarget.value })}
      />
      {hint && (
        <div class="hint" id={`facility-${i}-${key}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
  const submit = (e: Event) => {
    e.preventDefault();
    void save({ facilities: rows.map(toFacility) });
  };

  return (
    <section aria-labelledby="facilities-heading">
      <h2 id="facilities-heading">Facilities</h2>
      <p class="hint">
        Naming a facility, or attaching a photo taken inside its circle, may risk facility clauses.
        {state.settings.facilities === undefined && fromProfile.length > 0 && ` Your profile lists ${fromProfile.map((f) => f.name).join(', ')}; facilities you save here replace that list.`}
      </p>
      <form onSubmit={submit}>
        {rows.map((_, i) => (
          <fieldset key={i} class="facility">
            <legend>Facility {i + 1}</legend>
            <div class="row">
              {field(i, 'name', 'Name')}
              {field(i, 'aliases', 'Other names', 'Separated by commas')}
            </div>
            <div class="row">
              {field(i, 'lat', 'Latitude')}
              {field(i, 'lon', 'Longitude')}
              {field(i, 'radiusM', 'Radius (metres)')}
            </div>
            <button class="button" type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              Remove facility {i + 1}
            </button>
          </fieldset>
        ))}
        <div class="row">
          <button class="button" type="button" onClick={() => setRows([...rows, { name: '', aliases: '', lat: '', lon: '', radiusM: '' }])}>
            Add a facility
          </button>
          <button class="button primary" type="submit">Save facilities</button>
          {state.settings.facilities !== undefined && (
            <button class="button" type="button" onClick={() => void save({ facilities: null })}>
              Use the profile's facilities
            </button>
          )}
        </div>
      </form>
      <SaveStatus state={status} />
    </section>
  );
}
