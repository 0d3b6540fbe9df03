// Words for policy values, shared by the options and diagnostics pages. Pure; no browser APIs.
import type { Action, CategoryId, DutyHours, Weekday } from '../rules/engine/types';

/** "offender-information" → "Offender information". */
export function categoryLabel(category: CategoryId | string): string {
  const words = category.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const ACTION_LABELS: Record<Action, string> = {
  off: 'Off',
  warn: 'Warn',
  confirm: 'Ask before posting',
};

const ACTION_ORDER: readonly Action[] = ['off', 'warn', 'confirm'];

/** Actions a user may pick when the agency set `floor` as the minimum (stricter only). */
export function actionsAtLeast(floor: Action | undefined): Action[] {
  return floor === undefined ? [...ACTION_ORDER] : ACTION_ORDER.slice(ACTION_ORDER.indexOf(floor));
}

export const WEEKDAYS: readonly { id: Weekday; label: string }[] = [
  { id: 'mon', label: 'Mon' },
  { id: 'tue', label: 'Tue' },
  { id: 'wed', label: 'Wed' },
  { id: 'thu', label: 'Thu' },
  { id: 'fri', label: 'Fri' },
  { id: 'sat', label: 'Sat' },
  { id: 'sun', label: 'Sun' },
];

/** "Mon, Tue 06:00–14:00 (America/Chicago)", or "none". */
export function describeDutyHours(duty: DutyHours | null | undefined): string {
  if (!duty || duty.windows.length === 0) return 'none';
  const windows = duty.windows.map((w) => `${w.days.map((d) => WEEKDAYS.find((x) => x.id === d)?.label ?? d).join(', ')} ${w.start}–${w.end}`);
  return `${windows.join('; ')} (${duty.timeZone})`;
}
