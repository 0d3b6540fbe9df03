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
/** "Kelvin Dutro, #714402", "Jose Ramirez (DOC 48213)": a capitalised name right before an inmate number, which the tagger's lexicon may not know. */
const NUMBERED_NAME = new RegExp(String.raw`(?<![\p{L}])([A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*(?:\s+[A-Z]\.?)?\s+[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*)(?=,?\s*\(?\s*(?:#|No\.\s?|(?:O?DOC|AIS|ID)\s?#?\s?)\d{4,8}\b)`, 'gu');
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
  for (const m of post.find(NUMBERED_NAME)) {
    const words = m.text.split(/\s+/);
    if (words.some((w) => NOT_A_NAME.has(w.toLowerCase()) || TITLE_WORDS.has(w.toLowerCase()))) continue;
    found.push({ start: m.start, end: m.end, text: m.text, kind: 'name', role: 'other' });
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

// ---------------------------------------------------------------------------------------------
// People singled out by description rather than by name ("the new chaplain volunteer", "new hire on
// 2nd shift", "my partner"), and whether a passage is about the writer or their family.

export type DescribedRole = 'staff' | 'contractor' | 'custody' | 'other';

export interface DescribedPerson extends Span {
  role: DescribedRole;
  /** The role noun as written, lower-case ("chaplain volunteer", "new hire"). */
  noun: string;
}

const STAFF_NOUNS = [
  'officer', 'co', 'c\\.o\\.', 'sergeant', 'sarge', 'sgt', 'lieutenant', 'lt', 'captain', 'cap', 'major', 'warden', 'deputy warden',
  'supervisor', 'kitchen supervisor', 'shift supervisor', 'shift commander', 'nurse', 'doctor', 'psych doc', 'counselor', 'case manager',
  'caseworker', 'teacher', 'instructor', 'new hire', 'rookie', 'trainee', 'cadet', 'partner', 'fto', 'dispatcher', 'detective',
  'deputy', 'trooper', 'corporal', 'secretary', 'clerk', 'records clerk', 'mailroom (?:lady|guy)', 'hr (?:lady|guy)', 'boss',
  'training officer', 'unit manager', 'chaplain', 'coworker', 'co-worker', 'colleague', 'squadmate', 'uc', 'undercover',
];
const CONTRACTOR_NOUNS = [
  'contractor', 'contract (?:guy|nurse|doctor|worker)', 'vendor', 'vendor rep', 'commissary vendor(?: rep)?', 'food service contractor',
  'food service (?:guy|lady|worker)', 'volunteer', 'chaplain volunteer', 'volunteer chaplain(?: lady)?', 'medical contractor',
  'maintenance (?:guy|man|contractor)', 'tutor',
];
const OTHER_NOUNS = [
  "ex's new (?:man|boyfriend|girlfriend|wife|husband)", 'neighbor', 'neighbour', 'landlord', 'babysitter', 'coach', 'ump', 'umpire',
  "(?:daughter|son|sister|cousin|niece)'s (?:boyfriend|girlfriend|date|new man)", 'little league ump', 'youth pastor', 'pastor',
];
const NOUN_RE = (nouns: string[]) => nouns.sort((a, b) => b.length - a.length).join('|');
/** A definite or possessive singular phrase: "the new nurse on 2nd shift", "my partner", "our new case manager". */
const DESCRIBED = new RegExp(
  String.raw`(?<![\p{L}])(?:(the|our|my|that|this|his|her)\s+)?((?:new|old|former|volunteer|night|day|female|male|young|lady)\s+)*(${NOUN_RE([...CONTRACTOR_NOUNS, ...STAFF_NOUNS, ...OTHER_NOUNS])})(?:\s+(?:lady|guy|dude|man|woman))?(?:\s+on\s+(?:1st|2nd|3rd|first|second|third|day|days|night|nights|swing|grave(?:yard)?|[A-Z]-?)\s*shift)?(?![\p{L}])`,
  'giu',
);
const CONTRACTOR_RE = new RegExp(`(?<![\\p{L}])(?:${NOUN_RE([...CONTRACTOR_NOUNS])})(?![\\p{L}])`, 'iu');
const OTHER_RE = new RegExp(`^(?:${NOUN_RE([...OTHER_NOUNS])})$`, 'i');

const describedCache = new WeakMap<PostText, DescribedPerson[]>();

/**
 * Singular role phrases that point at one person: a determiner ("the", "my", "our", "that") or a
 * shift ("on 2nd shift"), or "new". Plurals and "one of the…" are not identifiable and are skipped.
 */
export function findDescribedPeople(post: PostText): DescribedPerson[] {
  const cached = describedCache.get(post);
  if (cached) return cached;
  const out: DescribedPerson[] = [];
  for (const m of post.find(DESCRIBED)) {
    const [det, modifiers, noun] = m.groups as [string | undefined, string | undefined, string];
    const onShift = /\bshift$/i.test(m.text);
    const isNew = /\bnew\b/i.test(modifiers ?? '');
    if (!det && !onShift && !(isNew && /new hire/i.test(m.text)) && !(isNew && m.start > 0)) continue;
    const preceding = post.folded.slice(Math.max(0, m.start - 16), m.start);
    if (/\b(?:one of|any|every|some|all|each|no|another)\s+(?:the\s+|our\s+|my\s+|these\s+|those\s+)?$/i.test(preceding)) continue;
    // "co" and "uc" only in capitals (a "co-op", "uc berkeley").
    if (/^(?:co|uc|cap|lt|boss)$/i.test(noun) && !/^(?:CO|UC|LT|Lt|Cap|boss)$/.test(noun)) continue;
    if (/^(?:co|lt|sgt|cap)$/i.test(noun) && /^\s+[A-Z][a-z]/.test(post.folded.slice(m.end, m.end + 3))) continue; // titled name: findPeople has it
    // "volunteer chaplain" and "chaplain volunteer" are both volunteers: look at the whole phrase.
    const role: DescribedRole = CONTRACTOR_RE.test(m.text) ? 'contractor' : OTHER_RE.test(noun) ? 'other' : 'staff';
    out.push({ start: m.start, end: m.end, text: m.text, role, noun: noun.toLowerCase() });
  }
  describedCache.set(post, out);
  return out;
}

const FAMILY = String.raw`(?:mom|mother|mama|momma|ma|dad|father|daddy|pops|grandma|grandpa|grandmother|grandfather|granny|nana|papa|brother|bro|sister|sis|son|daughter|kid|kids|baby|wife|husband|hubby|spouse|fianc[eé]e?|boyfriend|girlfriend|aunt|auntie|uncle|cousin|nephew|niece|in-laws?|mother-in-law|father-in-law|stepdad|stepmom|stepson|stepdaughter|twins|family|parents|old man|better half)`;
/** "I", "my", "me" as the one something is about, or "my <relative>". */
export const WRITER_OR_FAMILY = new RegExp(String.raw`(?:^|[^\p{L}'])(?:i|i'm|i've|i'd|me|my|myself|mine|our\s+(?:${FAMILY})|my\s+(?:(?:little|big|baby|older|younger|oldest|youngest|sweet|late|dear|\d+-year-old)\s+)*${FAMILY})(?![\p{L}])`, 'iu');
/** "my <relative>" only. */
export const FAMILY_MEMBER = new RegExp(String.raw`(?:^|[^\p{L}'])(?:my|our)\s+(?:(?:little|big|baby|older|younger|oldest|youngest|sweet|late|dear|\d+-year-old)\s+)*${FAMILY}(?:'s)?(?![\p{L}])`, 'iu');

const peopleCache = new WeakMap<PostText, PersonMention[]>();

/** `findPeople`, computed once per parsed text (several rules ask for the same post). */
export function peopleIn(post: PostText): PersonMention[] {
  let people = peopleCache.get(post);
  if (!people) {
    people = findPeople(post);
    peopleCache.set(post, people);
  }
  return people;
}
