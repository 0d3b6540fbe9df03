import { defineRule, type EvidenceText } from './engine/define-rule';
import type { PostText } from './engine/post-text';
import { findPii } from './detectors/pii';
import { compileTerms } from './detectors/terms';
import {
  ADDRESS_PATTERN,
  CONDUCT_TERMS,
  CRIME_TERMS,
  DUTY_SOURCE_PATTERN,
  HOUSING_PATTERN,
  RELEASE_TERMS,
  VISITS_FAMILY_MONEY_TERMS,
} from './detectors/lexicons/custody';
import { MEDICAL_TERMS } from './detectors/lexicons/medical';
import { ARREST_CONTEXT_PATTERN, DATED_OFFENCE_PATTERN, LOOKUP_PATTERN, RECORD_PATTERN, RECORD_TERMS, REPEAT_COUNT_PATTERN } from './detectors/lexicons/records';
import { custodyImage, hasCustodyContext, PUBLIC_SOURCE, referencesIn, textNear } from './detectors/subjects';

// Identifying or non-public detail about an identifiable inmate, offender, suspect, arrestee or
// stopped driver (labelling guide, offender-information): someone singled out (a name, a DOC or
// booking number, a face in a photo, a notorious case) plus a detail (housing, release, discipline or
// conduct, health, visits, family or money, address, what they did, their record).

interface Options {
  /** A name with an inmate number is enough on its own (ok-doc IV.C.4.a, ct-doc 5.b.i.3). */
  nameWithNumber: boolean;
  /** The detail must have been learned on duty: the writer's own arrest, stop or call, custody records, duty photos (helena-pd K.5). */
  dutySourced: boolean;
}

type DetailKind = 'housing' | 'release' | 'conduct' | 'health' | 'visits, family or money' | 'address' | 'what they did' | 'record';

const DETAIL_TERMS: [DetailKind, RegExp][] = [
  ['housing', HOUSING_PATTERN],
  ['release', compileTerms(RELEASE_TERMS)],
  ['conduct', compileTerms(CONDUCT_TERMS)],
  ['health', compileTerms(MEDICAL_TERMS)],
  ['visits, family or money', compileTerms(VISITS_FAMILY_MONEY_TERMS)],
  ['address', ADDRESS_PATTERN],
  ['what they did', compileTerms(CRIME_TERMS)],
  ['record', compileTerms(RECORD_TERMS)],
  ['record', RECORD_PATTERN],
  ['record', DATED_OFFENCE_PATTERN],
  ['record', LOOKUP_PATTERN],
];
// On an agency's own account, what an inmate did and the charges are the agency's public notice;
// housing, health, visits and the like stay private.
const PUBLIC_ON_OFFICIAL = new Set<DetailKind>(['conduct', 'what they did']);

/** "the inmate on my tier who killed that family in Stonebridge in 2004": a notorious case singles the person out. */
const NOTORIOUS =
  /\b(?:inmate|offender|prisoner|lifer|convict|parolee)\b[^.!?]{0,30}\bwho\s+(?:killed|murdered|shot|stabbed|raped|kidnapped|robbed|burned|beat)\b[^.!?]{0,60}\b(?:(?:in|at|on|from)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+|(?:19|20)\d\d|'\d\d)/;
/** A victim or a victim's relative is not the offender the details are about. */
const VICTIM_BEFORE = /\bvictim'?s?(?:'s)?(?:\s+(?:sister|brother|mother|mom|father|dad|son|daughter|wife|husband|family|aunt|uncle|cousin|niece|nephew|grandmother|grandma))?,?\s*$/i;

interface Subject {
  label: string;
  /** Which evidence text and where, or an image. */
  evidence: EvidenceText;
  offset?: number;
  span?: { start: number; end: number; text: string };
  byNumber?: boolean;
}

function detailsIn(post: PostText, from: number, to: number, official: boolean): DetailKind[] {
  const kinds: DetailKind[] = [];
  const text = post.folded.slice(from, to);
  for (const [kind, re] of DETAIL_TERMS) {
    if (official && PUBLIC_ON_OFFICIAL.has(kind)) continue;
    re.lastIndex = 0;
    if (re.test(text)) kinds.push(kind);
    re.lastIndex = 0;
  }
  if (REPEAT_COUNT_PATTERN.test(text) && ARREST_CONTEXT_PATTERN.test(text)) kinds.push('record');
  return kinds;
}

export default defineRule({
  id: 'offender-information',
  meta: {
    summary: 'Identifying or non-public details about an inmate, offender, suspect or arrestee',
    inputs: ['text', 'image'],
    messages: {
      detail: 'Gives {{detail}} details about {{who}}.',
      nameWithNumber: 'Names {{who}} together with an inmate number.',
      photoDetail: 'Describes what happened with someone shown in a photo ({{cue}}): {{detail}}.',
    },
    schema: {
      type: 'object',
      properties: {
        nameWithNumber: { type: 'boolean', description: 'A name with an inmate or DOC number is enough on its own.' },
        dutySourced: { type: 'boolean', description: 'Only details learned on duty count (the writer’s own arrests, stops and calls; custody records; duty photos).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { nameWithNumber: true, dutySourced: false } as Options,
    examples: {
      flagged: [
        'Corwin Tate in 3 West lost his visits again',
        'Mail for inmate R. Quillan #4471093 keeps landing on my desk',
        'Guess who paroles to his sister’s place on Alder St next week? Wade Hollister, that’s who.',
        {
          text: 'This genius tried to hide under a boat trailer. Found him in 3 minutes 😂',
          images: [{ filename: 'IMG_0871.JPG', description: 'Man in handcuffs sitting on a curb, face visible' }],
          options: { dutySourced: true },
        },
      ],
      fine: [
        'Sharing from the department: Cody Brannum walked away from the community center last night. Call 911 if you see him.',
        'Book club pick is a memoir by a former inmate who became a chef.',
        'Art show this weekend: some of these guys are SO talented. Here’s Ramon with his horse painting.',
        { text: 'Marcus got out of county last week and is staying with his mom on Larkspur', options: { dutySourced: true }, note: 'gossip, not something learned on duty' },
      ],
    },
  },
  create(context) {
    const { nameWithNumber, dutySourced } = context.options;
    const official = context.account === 'official';
    return {
      done() {
        const evidence = context.evidence();
        if (evidence.some((e) => e.parsed.sentences.some((s) => PUBLIC_SOURCE.test(s.text)))) return;
        const subjects: Subject[] = [];
        for (const e of evidence) {
          const post = e.parsed;
          for (const r of referencesIn(post)) {
            if (!r.identifiable || r.pronoun || !r.person || r.person.kind === 'mention') continue;
            if (r.kind === 'staff' || r.person.role === 'public-official') continue;
            if (VICTIM_BEFORE.test(post.folded.slice(Math.max(0, r.start - 30), r.start))) continue;
            const custody = r.kind === 'custody' || hasCustodyContext(textNear(post, r.start, 1)) || (e.image !== undefined && /citation|ticket|booking|arrest/i.test(post.text));
            if (custody) subjects.push({ label: r.person.text, evidence: e, offset: r.start, span: r });
          }
          for (const m of post.find(NOTORIOUS)) subjects.push({ label: 'an inmate identified by their case', evidence: e, offset: m.start, span: m });
          const numbers = findPii(post).filter((p) => p.kind === 'doc-number');
          for (const n of numbers) {
            const person = referencesIn(post).find((r) => r.person && r.kind !== 'staff' && Math.abs(n.start - r.end) <= 4);
            if (person) subjects.push({ label: person.text, evidence: e, offset: person.start, span: { start: person.start, end: n.end, text: post.text.slice(person.start, n.end) }, byNumber: true });
          }
        }
        const photoSubjects = context.images.flatMap((facts, i) => {
          const found = custodyImage(facts);
          return found ? [{ index: i, cue: found.cue }] : [];
        });

        const textEvidence = evidence[0]!;
        const dutyShown = !dutySourced || photoSubjects.length > 0 || evidence.some((e) => DUTY_SOURCE_PATTERN.test(e.parsed.folded));
        if (!dutyShown) return;

        for (const s of subjects) {
          if (s.byNumber && nameWithNumber) {
            report(s, 'nameWithNumber', { who: s.label });
            return;
          }
        }
        for (const s of subjects) {
          const post = s.evidence.parsed;
          const si = post.sentenceIndexAt(s.offset ?? 0);
          // Official posts: only the subject's own sentence (the agency's notice may name victims and staff around it).
          const from = post.sentences[Math.max(0, official ? si : si - 1)]?.start ?? 0;
          const to = post.sentences[Math.min(post.sentences.length - 1, official ? si : si + 2)]?.end ?? post.text.length;
          let kinds = detailsIn(post, from, to, official);
          // A name read from a photo (a citation, a booking sheet) goes with whatever the post says.
          if (kinds.length === 0 && s.evidence.image !== undefined) kinds = detailsIn(textEvidence.parsed, 0, textEvidence.parsed.text.length, official);
          if (kinds.length > 0) {
            report(s, 'detail', { detail: [...new Set(kinds)].slice(0, 2).join(' and '), who: s.label });
            return;
          }
        }
        if (photoSubjects.length > 0) {
          const post = textEvidence.parsed;
          const kinds = detailsIn(post, 0, post.text.length, official);
          if (kinds.length > 0) {
            context.report({ messageId: 'photoDetail', data: { cue: photoSubjects[0]!.cue, detail: [...new Set(kinds)].slice(0, 2).join(' and ') }, image: photoSubjects[0]!.index });
          }
        }

        function report(s: Subject, messageId: 'detail' | 'nameWithNumber', data: Record<string, string>) {
          if (s.evidence.image === undefined && s.span) context.report({ messageId, data, span: s.span });
          else context.report({ messageId, data, image: s.evidence.image ?? 0 });
        }
      },
    };
  },
});
