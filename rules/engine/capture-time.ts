// When a photo was taken, and the UTC offset that applied there. Kept apart from image-facts.ts so
// the worker can resolve offsets without loading the metadata readers.
import type { ImageFacts } from './types';

export interface CaptureTimeInput {
  /** "2018:07:25 16:34:23" (EXIF) or ISO-8601, with or without an offset (XMP, IPTC). */
  dateTimeOriginal?: string;
  /** "+02:00" */
  offsetTimeOriginal?: string;
  /** "2018:07:25" (UTC date of the GPS fix). */
  gpsDateStamp?: string;
  /** [hours, minutes, seconds] UTC of the GPS fix. */
  gpsTimeStamp?: unknown;
}

export interface CaptureTime {
  /** ISO-8601; without an offset when none could be found (the profile's time zone decides later). */
  takenAt: string;
  source?: 'exif' | 'gps';
}

const LOCAL = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
function formatOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}
function parseOffset(s: string | undefined): number | undefined {
  if (!s) return undefined;
  if (s === 'Z') return 0;
  const m = s.trim().match(OFFSET);
  if (!m) return undefined;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return Math.abs(minutes) <= 14 * 60 ? minutes : undefined;
}

/**
 * When a photo was taken, with the UTC offset that applied where it was taken: the file's own
 * offset (EXIF OffsetTimeOriginal, or an offset in an XMP/IPTC date) if there is one; else the
 * difference between the camera's local clock and the GPS fix's UTC time, rounded to 15 minutes;
 * else no offset (resolveTakenAt adds the profile's time zone).
 */
export function captureTime(input: CaptureTimeInput): CaptureTime | undefined {
  const m = input.dateTimeOriginal?.trim().match(LOCAL);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', inline] = m;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s);
  if (Number.isNaN(wall) || +mo! < 1 || +mo! > 12 || +d! < 1 || +d! > 31 || +h! > 23 || +mi! > 59 || +s > 60) return undefined;
  const own = parseOffset(inline) ?? parseOffset(input.offsetTimeOriginal);
  if (own !== undefined) return { takenAt: local + formatOffset(own), source: 'exif' };
  const gpsUtc = gpsInstant(input.gpsDateStamp, input.gpsTimeStamp, wall);
  if (gpsUtc !== undefined) {
    const minutes = Math.round((wall - gpsUtc) / 60_000 / 15) * 15;
    // A stale or wrong GPS clock gives an impossible offset: then the GPS time says nothing.
    if (minutes >= -12 * 60 && minutes <= 14 * 60) return { takenAt: local + formatOffset(minutes), source: 'gps' };
  }
  return { takenAt: local };
}

/** The GPS fix as a UTC epoch; without a date stamp, the day nearest the local wall time. */
function gpsInstant(date: string | undefined, time: unknown, wall: number): number | undefined {
  if (!Array.isArray(time) || time.length < 3 || !time.every((x) => typeof x === 'number' && Number.isFinite(x))) return undefined;
  const [h, m, s] = time as number[];
  if (h! < 0 || h! > 24 || m! < 0 || m! > 59 || s! < 0 || s! > 61) return undefined;
  const msOfDay = ((h! * 60 + m!) * 60 + s!) * 1000;
  const dm = date?.match(/^(\d{4})[:-](\d{2})[:-](\d{2})$/);
  if (dm) return Date.UTC(+dm[1]!, +dm[2]! - 1, +dm[3]!) + msOfDay;
  const day = Math.floor(wall / 86_400_000) * 86_400_000;
  const candidates = [day - 86_400_000, day, day + 86_400_000].map((d) => d + msOfDay);
  return candidates.sort((a, b) => Math.abs(wall - a) - Math.abs(wall - b))[0];
}

/** The UTC offset (minutes) of an IANA zone at an instant; undefined for an unknown zone. */
function zoneOffset(instant: number, timeZone: string): number | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(instant));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((asUtc - instant) / 60_000);
  } catch {
    return undefined;
  }
}

/**
 * Give an offset-less capture time the offset of the profile's time zone (DST included), marked
 * `takenAtOffsetSource: 'profile'`. Facts that already carry an offset, or no time, are returned as is.
 */
export function resolveTakenAt(facts: ImageFacts, timeZone: string | undefined): ImageFacts {
  if (!facts.takenAt || !timeZone) return facts;
  const m = facts.takenAt.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/);
  if (!m) return facts;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const first = zoneOffset(wall, timeZone);
  if (first === undefined) return facts;
  // The offset at the guessed instant may differ across a DST change; one correction settles it.
  const offset = zoneOffset(wall - first * 60_000, timeZone) ?? first;
  return { ...facts, takenAt: facts.takenAt + formatOffset(offset), takenAtOffsetSource: 'profile' };
}

