// Mentions of identifiable people: names (compromise's #Person plus patterns it misses), titled
// names ("Inmate Rollins", "Lt. Okafor"), initials ("J.R. Ocasio", "DeShawn R"), nicknames
// ("Dwayne 'Biscuit' Harlow") and @mentions. Rules decide what the person is to the post (inmate,
// coworker, victim…); this module only finds who is named and with what title.
import type { PostText, Span } from '../engine/post-text';

export type PersonRole = 'custody' | 'staff' | 'public-official' | 'other';

export interface PersonMention extends Span {
  kind: 'name' | 'titled' | 'initials' | 'mention';
  /** Lower-case title word before the name, without its dot ("inmate", "sgt", "officer"). */
  title?: string;
  role: PersonRole;
}

/** Title words and the role they give the person they precede. */
export const TITLE_ROLES: Record<string, PersonRole> = {
  inmate: 'custody',
  offender: 'custody',
  prisoner: 'custody',
  detainee: 'custody',
  resident: 'custody',
  officer: 'staff',
  ofc: 'staff',
  co: 'staff',
  sgt: 'staff',
  sergeant: 'staff',
  lt: 'staff',
  lieutenant: 'staff',
  capt: 'staff',
  captain: 'staff',
  cpl: 'staff',
  corporal: 'staff',
  deputy: 'staff',
  det: 'staff',
  detective: 'staff',
  warden: 'staff',
  major: 'staff',
  trooper: 'staff',
  nurse: 'staff',
  chaplain: 'staff',
  counselor: 'staff',
  caseworker: 'staff',
  'case manager': 'staff',
  chief: 'staff',
  judge: 'public-official',
  sen: 'public-official',
  senator: 'public-official',
  rep: 'public-official',
  representative: 'public-official',
  councilor: 'public-official',
  councilman: 'public-official',
  councilwoman: 'public-official',
  commissioner: 'public-official',
  mayor: 'public-official',
  governor: 'public-official',
  mr: 'other',
  mrs: 'other',
  ms: 'other',
  miss: 'other',
  dr: 'other',
};

// Title words match in any case ("inmate", "Inmate", "SGT"); names must be capitalised, so the
// expression is case-sensitive and each title letter becomes a [xX] class.
const TITLE_ALTERNATION = Object.keys(TITLE_ROLES)
  .sort((a, b) => b.length - a.length)
  .map((t) => t.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/ /g, '\\s+'))
  .join('|');

// A capitalised name word (letters, inner apostrophes/hyphens: O'Neil, Smith-Jones) or an initial.
const NAME_WORD = String.raw`(?:[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+|[A-Z]\.(?:\s?[A-Z]\.)*)`;
const NICKNAME = String.raw`(?:'[A-Z][a-z]+'|"[A-Z][a-z]+"|‘[A-Z][a-z]+’|“[A-Z][a-z]+”)`;

/** "Inmate Rollins", "Lt. Okafor", "Officer Dana Pruitt", "Deputy Warden Gil". */
const TITLED = new RegExp(
  String.raw`(?<![\p{L}])(${TITLE_ALTERNATION})\.?\s+((?:(?:${TITLE_ALTERNATION})\.?\s+)?${NAME_WORD}(?:\s+(?:${NICKNAME}\s+)?${NAME_WORD})?)`,
  'gu',
);
/** "J.R. Ocasio", "R. Quillan" (after a space, bracket or the start, so "R&R. That" is not a name). */
const INITIALS_SURNAME = new RegExp(String.raw`(?<=^|[\s(,;:])([A-Z]\.(?:\s?[A-Z]\.)*\s?[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)`, 'gu');
/** "Dwayne 'Biscuit' Harlow". */
const NICKNAMED = new RegExp(String.raw`(?<![\p{L}])([A-Z][a-z]+\s+${NICKNAME}\s+[A-Z][a-z]+)`, 'gu');
/** "@Tasha", "@mike.tran". */
const AT_MENTION = /(?<![\w@])@[A-Za-z0-9_.]{2,30}(?<!\.)/g;

/** Capitalised words that look like names after a title or in compromise's lexicon but are not people. */
const NOT_A_NAME = new Set([
  'the', 'that', 'this', 'these', 'those', 'it', 'he', 'she', 'we', 'they', 'you', 'and', 'but', 'so', 'then', 'what',
  "i'm", "i'll", "i've", "i'd", 'i’m', 'i’ll', 'i’ve', 'i’d',
  'when', 'why', 'how', 'who', 'if', 'i', 'ii', 'iii', 'iv', 'academy', 'class', 'manager', 'department', 'unit',
  'division', 'office', 'team', 'training', 'program', 'staff', 'shift', 'day', 'week', 'appreciation',
  'miranda', 'helena', 'police', 'gen', 'pop', 'mario', 'kart', 'christmas', 'easter', 'god', 'jesus', 'lord',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
const TITLE_WORDS = new Set(Object.keys(TITLE_ROLES).flatMap((t) => t.split(' ')));

function roleOf(title: string | undefined): PersonRole {
  return title ? (TITLE_ROLES[title.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ')] ?? 'other') : 'other';
}

function cleanName(post: PostText, start: number, end: number): Span | null {
  let text = post.text.slice(start, end);
  const possessive = /['’]s$/.exec(text);
  if (possessive) {
    end -= possessive[0].length;
    text = text.slice(0, -possessive[0].length);
  }
  return text.trim() ? { start, end, text } : null;
}

/** Every person mentioned, longest span first at each position, without overlaps. */
export function findPeople(post: PostText): PersonMention[] {
  const found: PersonMention[] = [];

  for (const m of post.find(TITLED)) {
    const title = (m.groups[0] ?? '').toLowerCase();
    // Drop trailing words that are not names ("Officer Academy Class", "Case Manager II").
    const words = (m.groups[1] ?? '').split(/\s+/);
    while (words.length && NOT_A_NAME.has(words.at(-1)!.toLowerCase().replace(/['’]s$/, ''))) words.pop();
    const nameWords = words.filter((w) => !TITLE_WORDS.has(w.toLowerCase().replace(/\./g, '')));
    if (nameWords.length === 0 || NOT_A_NAME.has(nameWords[0]!.toLowerCase())) continue;
    const end = m.start + m.text.indexOf(m.groups[1]!) + words.join(' ').length;
    const span = cleanName(post, m.start, end);
    if (span) found.push({ ...span, kind: 'titled', title: title.replace(/\./g, ''), role: roleOf(title) });
  }
  for (const m of post.find(NICKNAMED)) {
    const span = cleanName(post, m.start, m.end);
    if (span) found.push({ ...span, kind: 'name', role: 'other' });
  }
  for (const m of post.find(INITIALS_SURNAME)) {
    if (NOT_A_NAME.has(m.text.split(/[\s.]+/).at(-1)!.toLowerCase())) continue;
    const span = cleanName(post, m.start, m.end);
    if (span) found.push({ ...span, kind: 'initials', role: 'other' });
  }
  for (const m of post.find(AT_MENTION)) found.push({ start: m.start, end: m.end, text: m.text, kind: 'mention', role: 'other' });

  for (const p of post.people()) {
    const words = p.text.split(/\s+/);
    // compromise tags bare titles ("the officer") and some places as people: keep spans with a real name word.
    const nameWords = words.filter((w) => /^[A-Z]/.test(w) && !TITLE_WORDS.has(w.toLowerCase().replace(/[.'’s]+$/g, '')) && !NOT_A_NAME.has(w.toLowerCase()));
    if (nameWords.length === 0) continue;
    // Start at the first capitalised word ("sister Carla" → "Carla").
    const lead = p.text.search(/[A-Z@]/);
    const span = cleanName(post, p.start + Math.max(0, lead), p.end);
    if (!span) continue;
    const first = span.text.split(/\s+/)[0]!.toLowerCase().replace(/\.$/, '');
    const title = TITLE_WORDS.has(first) ? first : undefined;
    found.push({ ...span, kind: title ? 'titled' : 'name', ...(title ? { title } : {}), role: roleOf(title) });
  }

  // A first name followed by an initial ("DeShawn R", "Marcus T.") names someone on its own.
  for (let i = 0; i + 1 < post.tokens.length; i++) {
    const a = post.tokens[i]!;
    const b = post.tokens[i + 1]!;
    if (a.tags.has('FirstName') && /^[A-Z]\.?$/.test(b.text.replace(/[,;:!?]$/, '')) && b.start - a.end <= 1) {
      const end = b.start + (b.text.match(/^[A-Z]\.?/)?.[0].length ?? 1);
      found.push({ start: a.start, end, text: post.text.slice(a.start, end), kind: 'initials', role: 'other' });
    }
  }

  // Keep the longest mention at each place; titled mentions win ties (they carry a role).
  found.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start) || (x.kind === 'titled' ? -1 : 1));
  const out: PersonMention[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (!last.title && m.title && m.start >= last.start && m.end <= last.end) last.title = m.title;
      continue;
    }
    out.push({ ...m });
  }
  return out;
}
