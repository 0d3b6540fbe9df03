// Who a passage is about. Rules for personal information need to know whether a medical word, a
// record or a detail belongs to an inmate, an employee, someone else, or the writer and their family
// (whose own matters never fire). This module lists every reference to a person in a text, in order,
// and answers "who is the nearest subject before this offset", resolving he/she to the last person.
import type { PostText, Span } from '../engine/post-text';
import { compileTerms } from './terms';
import { CUSTODY_PEOPLE, CUSTODY_PLACES, HOUSING_PATTERN } from './lexicons/custody';
import { MEDICAL_TERMS } from './lexicons/medical';
import { ARREST_CONTEXT_PATTERN, DATED_OFFENCE_PATTERN, LOOKUP_PATTERN, RECORD_PATTERN, RECORD_TERMS, REPEAT_COUNT_PATTERN } from './lexicons/records';
import { FAMILY_MEMBER, findDescribedPeople, peopleIn, WRITER_OR_FAMILY, type PersonMention } from './people';

export type SubjectKind = 'custody' | 'staff' | 'contractor' | 'self' | 'family' | 'other';

export interface Reference extends Span {
  kind: SubjectKind;
  /** Singles one person out (a name, a tag, "the new nurse on 2nd shift"); "an officer" does not. */
  identifiable: boolean;
  /** The person mention behind a name reference. */
  person?: PersonMention;
  /** A pronoun, resolved to the reference it stands for. */
  pronoun?: boolean;
}

const CUSTODY_PEOPLE_RE = compileTerms(CUSTODY_PEOPLE);
const CUSTODY_PLACES_RE = compileTerms(CUSTODY_PLACES);
/** Generic staff words: an employee, named or not ("one of our officers", "a CO", "staff"). */
const STAFF_WORDS_RE = compileTerms([
  'officer', 'officers', 'CO', 'COs', 'C.O.', 'correctional officer', 'corrections officer', 'deputy', 'deputies', 'sergeant', 'lieutenant',
  'captain', 'staff member', 'staffer', 'employee', 'coworker', 'co-worker', 'colleague', 'one of ours', 'one of our guys',
  'one of our officers', 'one of our own', 'brother officer', 'sister officer', 'teammate', 'rookie', 'new hire', 'trainee', 'cadet',
]);
const PRONOUN_RE = /\b(?:he|she|him|her|his|hers|himself|herself|he's|she's|he'd|she'd|he'll|she'll)\b/gi;
const ON_UNIT_RE = /\b(?:on|in|from) (?:one|the|my|our|his|her|a|that|this|same) (?:unit|pod|tier|block|wing|yard|dorm|range|cellblock)\b|\b(?:is|he's|she's|was|been) in for\b|\brelease date\b|\bparol(?:e|es|ed|ing)\b|\bmax(?:es|ed)? out\b|\b(?:released|got out|gets out|getting out) (?:of|from) (?:the )?(?:jail|prison|custody|detention|county|the pen|DOC)\b/i;

/** Whether a stretch of text places someone in custody (custody words, housing, "on one unit"). */
export function hasCustodyContext(text: string): boolean {
  return testRe(CUSTODY_PEOPLE_RE, text) || testRe(CUSTODY_PLACES_RE, text) || HOUSING_PATTERN.test(text) || ON_UNIT_RE.test(text);
}

function testRe(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

const cache = new WeakMap<PostText, Reference[]>();

/** Every reference to a person, in text order, longest first where they overlap. */
export function referencesIn(post: PostText): Reference[] {
  const cached = cache.get(post);
  if (cached) return cached;
  const refs: Reference[] = [];
  const text = post.folded;
  for (const p of peopleIn(post)) {
    const before = text.slice(Math.max(0, p.start - 30), p.start);
    let kind: SubjectKind = p.role === 'custody' ? 'custody' : p.role === 'staff' ? 'staff' : 'other';
    if (kind === 'other' && /\b(?:inmate|offender|prisoner|detainee|lifer|cellie|parolee|probationer|arrestee)s?,?\s*$/i.test(before)) kind = 'custody';
    else if (kind === 'other' && /\b(?:my partner|our partner|my sergeant|my sarge|my lt|my captain|my boss|my supervisor|coworker|co-worker|colleague|officer)s?,?\s*$/i.test(before)) kind = 'staff';
    refs.push({ start: p.start, end: p.end, text: p.text, kind, identifiable: true, person: p });
  }
  for (const d of findDescribedPeople(post)) {
    const kind: SubjectKind = d.role === 'contractor' ? 'contractor' : d.role === 'other' ? 'other' : 'staff';
    // "my partner" may be a spouse; "my boss" is a coworker either way.
    refs.push({ start: d.start, end: d.end, text: d.text, kind, identifiable: true });
  }
  for (const m of post.find(CUSTODY_PEOPLE_RE)) refs.push({ ...span(m), kind: 'custody', identifiable: false });
  for (const m of post.find(STAFF_WORDS_RE)) refs.push({ ...span(m), kind: 'staff', identifiable: false });
  for (const m of post.find(new RegExp(WRITER_OR_FAMILY.source, 'giu'))) {
    const s = trimLead(post, m);
    FAMILY_MEMBER.lastIndex = 0;
    refs.push({ ...s, kind: FAMILY_MEMBER.test(m.text) ? 'family' : 'self', identifiable: false });
  }
  // Drop references inside a longer one ("Sgt. Lorna Whitfield" holds "Sgt").
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Reference[] = [];
  for (const r of refs) {
    const last = kept[kept.length - 1];
    if (last && r.start < last.end) {
      // A more specific kind wins over a generic one at the same place.
      if (!last.identifiable && r.identifiable) kept[kept.length - 1] = r;
      continue;
    }
    kept.push(r);
  }
  // Pronouns stand for the last person referred to (the writer and "my family" excepted for he/she).
  const withPronouns: Reference[] = [];
  let k = 0;
  const pronouns = post.find(PRONOUN_RE);
  let last: Reference | undefined;
  for (const p of pronouns) {
    while (k < kept.length && kept[k]!.start < p.start) {
      if (kept[k]!.kind !== 'self') last = kept[k];
      withPronouns.push(kept[k++]!);
    }
    if (kept.some((r) => r.start <= p.start && p.end <= r.end)) continue;
    if (last) withPronouns.push({ ...span(p), kind: last.kind, identifiable: last.identifiable, person: last.person, pronoun: true });
  }
  while (k < kept.length) withPronouns.push(kept[k++]!);
  cache.set(post, withPronouns);
  return withPronouns;
}

function span(m: Span): Span {
  return { start: m.start, end: m.end, text: m.text };
}

function trimLead(post: PostText, m: Span): Span {
  const lead = /^[^\p{L}]*/u.exec(m.text)![0].length;
  return { start: m.start + lead, end: m.end, text: post.text.slice(m.start + lead, m.end) };
}

/**
 * The subject of whatever sits at `offset`: the nearest reference before it in the same sentence,
 * else the last one in the previous sentence, else the first one after it in the same sentence.
 */
export function subjectAt(post: PostText, offset: number): Reference | undefined {
  const refs = referencesIn(post);
  const si = post.sentenceIndexAt(offset);
  const sentence = post.sentences[si];
  const prev = post.sentences[si - 1];
  let before: Reference | undefined;
  let prevRef: Reference | undefined;
  let after: Reference | undefined;
  for (const r of refs) {
    if (sentence && r.start >= sentence.start && r.end <= offset) before = r;
    else if (prev && r.start >= prev.start && r.end <= prev.end) prevRef = r;
    else if (sentence && !after && r.start >= offset && r.start < sentence.end) after = r;
  }
  return before ?? prevRef ?? after;
}

/** References in the sentences around an offset (the sentence itself and `radius` either side). */
export function referencesNear(post: PostText, offset: number, radius = 1): Reference[] {
  const si = post.sentenceIndexAt(offset);
  const from = post.sentences[Math.max(0, si - radius)]?.start ?? 0;
  const to = post.sentences[Math.min(post.sentences.length - 1, si + radius)]?.end ?? post.text.length;
  return referencesIn(post).filter((r) => r.start >= from && r.end <= to);
}

/** Text of the sentences around an offset. */
export function textNear(post: PostText, offset: number, radius = 1): string {
  const si = post.sentenceIndexAt(offset);
  const from = post.sentences[Math.max(0, si - radius)]?.start ?? 0;
  const to = post.sentences[Math.min(post.sentences.length - 1, si + radius)]?.end ?? post.text.length;
  return post.folded.slice(from, to);
}

/**
 * Public sources: news, the agency's own notices and look-ups, court results, TV and film. A post
 * that relays them shares public information, which the personal-information clauses exempt.
 */
export const PUBLIC_SOURCE =
  /\b(?:sharing (?:from|this from|the)|shared (?:from|by)|reposting|per (?:the )?(?:ODOC|DOC|CTDOC|department|HPD|police|sheriff|news|paper|courier|press release)|press release|news release|public (?:website|site|notice|record|records|look-?up|information|page)|on (?:the|its|their|our) (?:website|site|public page)|escape notice|wanted (?:poster|notice)|most wanted|official (?:photo|notice|release|statement)|according to|in the (?:news|paper)|on the news|news (?:story|report|article|clip)|headline|saw on (?:[A-Z]{3,5}|the news|channel \d+)|channel \d+ (?:said|says|reported)|reported (?:by|that)|the paper says|court records show|(?:TV|television) (?:show|series|drama)|(?:drama|crime|documentary|true[- ]crime) (?:series|show|podcast|episode)|episode|season \d|documentary|podcast|netflix|hulu|movie|film|costume|halloween|cosplay|trial ended|was sentenced|got \d+ years)\b/i;

export interface CustodyImage {
  /** Someone in custody (jumpsuit, prison khakis, "inmate", a booking photo) or a suspect/arrestee (handcuffs, lineup, back of a patrol car). */
  subject: 'inmate' | 'arrestee';
  /** The words that showed it, for the finding's "why". */
  cue: string;
}

const INMATE_IMAGE =
  /\b(?:inmates?|prisoners?|offenders?|convicts?|detainees?|lifers?|inmate (?:barber|worker|porter|crew)|(?:orange|prison|inmate|DOC|jail|county)[- ](?:jumpsuits?|scrubs|khakis|uniforms?|blues|greens|stripes)|jumpsuits? stenciled(?: with)? (?:DOC|inmate|county jail)|prison khakis|in (?:prison|jail) (?:khakis|uniform|clothes)|booking photos?|intake photos?|mug ?shots?)\b/i;
const ARREST_IMAGE =
  /\b(?:in handcuffs|handcuffed|cuffed|hands cuffed|under arrest|arrestees?|suspects?|being arrested|back (?:seat )?of (?:a|the|my) (?:patrol car|cruiser|squad car)|photo lineup|lineup|height chart|booking (?:photo|counter|room)|mug ?shots?)\b/i;
const IMAGE_FILENAME = /(?:booking|mugshot|mug_shot|lineup|inmate|arrest)/i;
const HAS_PERSON = /\b(?:man|men|woman|women|person|people|persons|guy|guys|face|faces|portrait|inmates?|prisoners?|offenders?|suspects?|arrestees?|boy|girl|teen|someone|figure|he|she|crew|workers?|barber|group)\b/i;
const NOT_REAL_CUSTODY =
  /\b(?:public (?:website|site|look-?up|notice|page)|escape notice|official (?:photo|website|notice)|wanted poster|press release|news (?:photo|clip|site|story|article)|tv (?:show|series|still)|still from|scene from|episode|series|movie|film|drama|costumes?|halloween|cosplay|toy|lego|cartoon|^(?:a |an )?(?:drawing|painting|sketch|illustration) of|faces? (?:blurred|pixelated|hidden|covered|not visible)|from behind|silhouettes?|no faces?)\b/i;

/** Whether an image shows someone in custody or under arrest, read from its caption, keywords and file name. */
export function custodyImage(facts: { description?: string; keywords?: string[]; filename?: string }): CustodyImage | undefined {
  const described = [facts.description, ...(facts.keywords ?? [])].filter(Boolean).join('. ');
  if (NOT_REAL_CUSTODY.test(described)) return undefined;
  const inmate = INMATE_IMAGE.exec(described);
  if (inmate && HAS_PERSON.test(described)) return { subject: 'inmate', cue: inmate[0] };
  const arrest = ARREST_IMAGE.exec(described);
  if (arrest && HAS_PERSON.test(described)) return { subject: 'arrestee', cue: arrest[0] };
  const file = facts.filename ? IMAGE_FILENAME.exec(facts.filename) : null;
  if (file) return { subject: /lineup|arrest/i.test(file[0]) ? 'arrestee' : 'inmate', cue: `the file name "${facts.filename}"` };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Health mentions and whose they are

const MEDICAL_RE = compileTerms(MEDICAL_TERMS);
/** Care that only happens in custody: the person treated is an inmate. */
const CUSTODY_CARE = /^(?:suicide watch|on watch|infirmary|med line|pill line|sick call|medical unit)$/i;

export interface HealthMention extends Span {
  /** Whose treatment or condition it is. */
  subject: SubjectKind | 'unknown';
  /** The reference it belongs to, when one was found. */
  reference?: Reference;
}

const healthCache = new WeakMap<PostText, HealthMention[]>();

/**
 * Medical or mental-health words and whose they are. Hypothetical, general or question sentences
 * ("if you're depressed, talk to someone") are skipped; so are passages about the writer or family.
 */
export function healthMentions(post: PostText): HealthMention[] {
  const cached = healthCache.get(post);
  if (cached) return cached;
  const out: HealthMention[] = [];
  for (const m of post.find(MEDICAL_RE)) {
    const sentence = post.sentenceAt(m.start);
    if (sentence?.hypothetical) continue;
    const ref = subjectAt(post, m.start);
    let subject: HealthMention['subject'] = ref?.kind ?? 'unknown';
    if (subject !== 'self' && subject !== 'family') {
      if (CUSTODY_CARE.test(m.text.trim()) || (subject !== 'staff' && subject !== 'contractor' && hasCustodyContext(textNear(post, m.start, 0)))) subject = 'custody';
    }
    out.push({ start: m.start, end: m.end, text: m.text, subject, ...(ref ? { reference: ref } : {}) });
  }
  healthCache.set(post, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Records

const RECORD_RE = compileTerms(RECORD_TERMS);

export interface RecordHit extends Span {
  signal: string;
  /** A look-up is done by the writer; its subject is whoever was looked up, not "I". */
  lookup?: boolean;
}

/** Mentions of a non-public record: record words, dismissed charges, past offences, re-arrest counts, look-ups. */
export function recordHits(post: PostText): RecordHit[] {
  const hits: RecordHit[] = [];
  for (const m of post.find(RECORD_RE)) hits.push({ ...m, signal: `"${m.text}"` });
  for (const m of post.find(RECORD_PATTERN)) hits.push({ ...m, signal: `"${m.text}"` });
  for (const m of post.find(DATED_OFFENCE_PATTERN)) {
    // "has a 2011 larceny", "1998 DUI and an assault charge": a past offence attached to someone.
    const before = post.folded.slice(Math.max(0, m.start - 30), m.start);
    if (/\b(?:has|had|got|with|have|his|her|a|an)\s+(?:an?\s+)?$|^\W*$|[.:;]\s*$/i.test(before)) hits.push({ ...m, signal: `a past offence ("${m.text}")` });
  }
  for (const m of post.find(REPEAT_COUNT_PATTERN)) {
    if (ARREST_CONTEXT_PATTERN.test(textNear(post, m.start, 1))) hits.push({ ...m, signal: `a count of arrests or bookings ("${m.text}")` });
  }
  for (const m of post.find(LOOKUP_PATTERN)) hits.push({ ...m, signal: `a look-up in records ("${m.text}")`, lookup: true });
  // One hit per stretch of text: the longest wins ("three old warrants" over "old warrants").
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((h, i) => !hits.slice(0, i).some((o) => o.start <= h.start && h.end <= o.end));
}

