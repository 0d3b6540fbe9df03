import { defineRule } from './engine/define-rule';
import type { PostText } from './engine/post-text';
import { custodyImage, PUBLIC_SOURCE, recordHits, referencesNear, subjectAt, textNear, type Reference } from './detectors/subjects';

// The non-public record of an identifiable person, learned at work or from records: sealed,
// expunged, juvenile, dismissed or unfiled matters, priors, prior terms, re-arrest counts,
// outstanding warrants, look-ups in work systems. Anyone's: inmate, coworker, neighbour. Not news
// or sentencings, not the writer's own record or family's (labelling guide, criminal-history).

/** Someone other than the writer who is singled out, near the hit. */
function identifiableNear(post: PostText, offset: number): Reference | undefined {
  return referencesNear(post, offset, 1).find((r) => r.identifiable && r.kind !== 'self' && r.kind !== 'family' && !(r.person?.role === 'public-official'));
}

export default defineRule({
  id: 'criminal-history',
  meta: {
    summary: 'The non-public criminal record of an identifiable person (sealed, expunged, dismissed, priors, warrants, look-ups)',
    inputs: ['text', 'image'],
    messages: {
      record: 'Discloses the record of {{who}}: {{signal}}.',
      lookup: 'Describes looking up {{who}} in records: {{signal}}.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    examples: {
      flagged: [
        'Checked the new Little League ump in our system: three old warrants',
        'My sister’s new boyfriend Dale Pruett? Sealed juvie record and two dismissed assault charges. Run, girl.',
        'Guess who we booked again: Tyler Voss, fourth time since Christmas.',
      ],
      fine: [
        'The paper says the Hadley trial ended in 10 years',
        'Twenty years sober this month, and eighteen since my last arrest.',
        'My brother did time in his twenties and now he runs a bakery. Proud of him.',
      ],
    },
  },
  create(context) {
    return {
      done() {
        const faceOfArrestee = context.images.some((facts) => custodyImage(facts) !== undefined);
        for (const { parsed, image } of context.evidence()) {
          const hits = recordHits(parsed);
          const hasRecord = hits.some((h) => !h.lookup);
          for (const hit of hits) {
            // "I looked him up" may be a web search; it counts with a record beside it or a named work system.
            if (hit.lookup && !hasRecord && !/NCIC|OSBI|CJIS|triple I|III|system|database|computer|ran\b|run\b|file|record|jacket/i.test(hit.text)) continue;
            const sentence = parsed.sentenceAt(hit.start);
            if (sentence && (sentence.reported || sentence.hypothetical || PUBLIC_SOURCE.test(textNear(parsed, hit.start, 0)))) continue;
            const subject = hit.lookup ? undefined : subjectAt(parsed, hit.start);
            if (subject && (subject.kind === 'self' || subject.kind === 'family')) continue;
            const who = subject?.identifiable ? subject : identifiableNear(parsed, hit.start);
            if (!who && !(faceOfArrestee && image === undefined)) continue;
            const data = { who: who ? (who.person?.text ?? who.text) : 'the person in the photo', signal: hit.signal };
            const messageId = hit.lookup ? 'lookup' : 'record';
            if (image === undefined) context.report({ messageId, data, span: { start: hit.start, end: hit.end, text: hit.text } });
            else context.report({ messageId, data, image });
          }
        }
      },
    };
  },
});
