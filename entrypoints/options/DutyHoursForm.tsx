// Duty hours and their time zone: posts written during them may risk on-duty clauses.
import { useState } from 'preact/hooks';
import { describeDutyHours, WEEKDAYS } from '../../components/policy-labels';
import { SetBy } from '../../components/SetBy';
import type { DutyWindow, Weekday } from '../../rules/engine/types';
import type { PolicyState } from '../../utils/policy-messages';
import { SaveStatus, useSave, type SaveSettings } from './save-status';

const NEW_WINDOW: DutyWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '16:00' };

export function DutyHoursForm({ state, timeZones, onSave }: { state: PolicyState; timeZones: readonly string[]; onSave: SaveSettings }) {
  const effective = state.effective?.dutyHours ?? null;
  const own = state.settings.dutyHours;
  const [timeZone, setTimeZone] = useState(own?.timeZone ?? effective?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [windows, setWindows] = useState<DutyWindow[]>(own?.windows ?? effective?.windows ?? []);
  const [status, save] = useSave(onSave);

  if (state.controls.dutyHours.locked) {
    return (
      <section aria-labelledby="duty-heading">
        <h2 id="duty-heading">Duty hours</h2>
        <p>
          {describeDutyHours(effective)} <SetBy organizationName={state.controls.organizationName} />
        </p>
      </section>
    );
  }

  const update = (i: number, change: Partial<DutyWindow>) => setWindows(windows.map((w, j) => (j === i ? { ...w, ...change } : w)));
  const toggleDay = (i: number, day: Weekday, on: boolean) => {
    const days = on ? [...windows[i]!.days, day] : windows[i]!.days.filter((d) => d !== day);
    update(i, { days: WEEKDAYS.map((d) => d.id).filter((d) => days.includes(d)) });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void save({ dutyHours: { timeZone: timeZone.trim(), windows } });
  };

  return (
    <section aria-labelledby="duty-heading">
      <h2 id="duty-heading">Duty hours</h2>
      <p class="hint">
        Posting during duty hours may risk on-duty clauses. {own ? 'You set these hours.' : `From your policy profile: ${describeDutyHours(effective)}.`}
      </p>
      <form onSubmit={submit}>
        <div class="row">
          <label for="time-zone">Time zone</label>
          <input id="time-zone" type="text" list="time-zones" value={timeZone} onInput={(e) => setTimeZone(e.currentTarget.value)} autocomplete="off" />
          <datalist id="time-zones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        {windows.map((w, i) => (
          <fieldset key={i} class="facility">
            <legend>Duty window {i + 1}</legend>
            <div class="days">
              {WEEKDAYS.map((d) => (
                <label key={d.id}>
                  <input type="checkbox" checked={w.days.includes(d.id)} onChange={(e) => toggleDay(i, d.id, e.currentTarget.checked)} /> {d.label}
                </label>
              ))}
            </div>
            <div class="row">
              <label for={`start-${i}`}>From</label>
              <input id={`start-${i}`} type="time" value={w.start} onInput={(e) => update(i, { start: e.currentTarget.value })} />
              <label for={`end-${i}`}>to</label>
              <input id={`end-${i}`} type="time" value={w.end} onInput={(e) => update(i, { end: e.currentTarget.value })} />
              <button class="button" type="button" onClick={() => setWindows(windows.filter((_, j) => j !== i))}>
                Remove window {i + 1}
              </button>
            </div>
          </fieldset>
        ))}
        <div class="row">
          <button class="button" type="button" onClick={() => setWindows([...windows, NEW_WINDOW])}>
            Add a duty window
          </button>
          <button class="button primary" type="submit">Save duty hours</button>
          {own && (
            <button class="button" type="button" onClick={() => void save({ dutyHours: null })}>
              Use the profile's duty hours
            </button>
          )}
        </div>
      </form>
      <SaveStatus state={status} />
    </section>
  );
}
