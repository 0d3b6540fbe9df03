// Is a moment inside one of the configured duty windows, in the profile's time zone?
import type { DutyHours, Weekday } from '../engine/types';

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Weekday and minutes since midnight of an instant, as seen in `timeZone`. */
export function localTime(instant: Date, timeZone: string): { day: Weekday; minutes: number } {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').slice(0, 3).toLowerCase() as Weekday;
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * True when `instant` falls in a duty window. A window whose end is not after its start runs past
 * midnight: "22:00–06:00" on `fri` covers Friday 22:00 to Saturday 06:00.
 * Returns false for an invalid date or an unknown time zone.
 */
export function isOnDuty(instant: Date, duty: DutyHours): boolean {
  if (Number.isNaN(instant.getTime())) return false;
  let local: { day: Weekday; minutes: number };
  try {
    local = localTime(instant, duty.timeZone);
  } catch {
    return false;
  }
  const dayIndex = WEEKDAYS.indexOf(local.day);
  const previousDay = WEEKDAYS[(dayIndex + 6) % 7]!;
  for (const w of duty.windows) {
    const start = toMinutes(w.start);
    const end = toMinutes(w.end);
    if (end > start) {
      if (w.days.includes(local.day) && local.minutes >= start && local.minutes < end) return true;
    } else {
      if (w.days.includes(local.day) && local.minutes >= start) return true;
      if (w.days.includes(previousDay) && local.minutes < end) return true;
    }
  }
  return false;
}
