import { defineRule } from './engine/define-rule';
import type { PostText } from './engine/post-text';
import { peopleIn } from './detectors/people';
import { PUBLIC_SOURCE, textNear } from './detectors/subjects';

// Identifies a crime victim or their family, or gives non-public detail about them: name, street or
// block, school, workplace, age with a place (labelling guide, victim-identity). Awareness posts and
// victims no one could pick out do not count.

interface Options {
  /** For sexual-offence victims, any one identifying detail counts ("would tend to identify", helena-pd IV.C.3). */
  sexualOffenceAnyDetail: boolean;
}

/** Someone harmed by a crime: "the victim's sister", "the girl he assaulted", "got scammed", "hurt in the stabbing". */
const VICTIM_CUE = new RegExp(
  [
    String.raw`\b(?<!fell |fall |falling |falls )victims?(?:'s?)?\b(?! (?:services?|advocates?|advocacy|notification|rights|impact|assistance|fund|compensation|support|awareness|of (?:the|a|my) (?:air|hype|trend|weather|algorithm)))`,
    String.raw`\b(?:the|a|that|this)\s+(?:\d{1,2}-year-old\s+)?(?:girl|boy|woman|man|kid|child|lady|widow|teen|teenager|senior|guy|student|victim|mom|mother|grandma|grandmother)\s+(?:he|she|they|who was|that was|that got|who got)\s+(?:\w+\s+)?(?:assaulted|raped|molested|abused|robbed|shot|stabbed|beat|attacked|groomed|trafficked|carjacked|mugged|scammed|hurt|kidnapped|exposed himself to)\b`,
    String.raw`\b(?:got|was|were|been|being|get)\s+(?:\w+\s+)?(?:scammed|robbed|raped|assaulted|molested|mugged|carjacked|stabbed|shot|beaten|attacked|abused|groomed|trafficked|burglarized|kidnapped|swindled|defrauded)\b`,
    String.raw`\b(?:hurt|injured|wounded|killed)\s+in\s+(?:the\s+|that\s+|this\s+|last\s+\w+'s\s+|\w+day's\s+)?(?:stabbing|shooting|assault|attack|robbery|home invasion|carjacking|hit-and-run|crash)`,
    String.raw`\b(?:woman|man|girl|boy|kid|teen|lady|senior|widow|widower|child|student|clerk|cashier)\s+(?:who was\s+)?(?:assaulted|raped|robbed|shot|stabbed|attacked|molested|carjacked|mugged|beaten|killed|hurt)\b`,
    String.raw`\btestified against\b`,
    String.raw`\b(?:his|her|their) accuser\b|\bthe complainant\b|\b(?:abuse|assault|rape|incest) (?:case|victim|survivor)\b`,
    String.raw`\b(?:the|a)\s+\d{1,2}-year-old\s+(?:\w+\s+){0,2}(?:from|in|involved in)\s+the\s+[^.!?]{0,40}?\b(?:case|assault|attack|shooting|stabbing|rape)\b`,
  ].join('|'),
  'i',
);
const SEXUAL_OFFENCE = /\b(?:rape[ds]?|raping|sexual(?:ly)? (?:assault\w*|abuse\w*)|molest\w*|indecent exposure|exposed himself|incest|sex(?:ual)? offen[cs]e|groom\w*|sleepover case|abuse case|child abuse|statutory)\b/i;
const STREET = /\b(?:\d{1,5}\s+)?(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?\s+(?:St|Street|Ave|Avenue|Rd|Road|Ln|Lane|Dr|Drive|Ct|Court|Blvd|Way|Pl|Loop|Cir|Trail)\b\.?|\bthe\s+\d{2,5}\s+block\b/;
const SCHOOL = /\b(?:goes to|attends|at|from)?\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:High|Middle|Elementary|Junior High|Academy|College|University|Community College)\b|\b(?:college|high school|middle school|university)\s+(?:freshman|sophomore|junior|senior|student)\b/;
const WORKPLACE = /\b(?:works|working|cashier|waitress|employed)\s+(?:at|for)\s+(?:the\s+)?[A-Z][a-z]+/;
const AGE = /\b\d{1,2}-year-old\b|\b(?:she|he)(?:'s| is)\s+\d{1,2}\b|\b\d{1,2}\s+years?\s+old\b|,\s+\d{1,2},|\bmid-\d0s\b/i;
const PLACE = /\b(?:from|in|near|of|on)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas)\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b/;
const RELATION = /\b(?:my|our|his|her|the victim's)\s+(?:\w+\s+)?(?:neighbor|neighbour|cousin|niece|nephew|coworker|friend|daughter|son|sister|brother|stepdad|stepmom|classmate)(?:'s\s+\w+)?\b|\bvictim'?s\s+(?:sister|brother|mother|mom|father|dad|son|daughter|wife|husband|family)\b/i;
const STAFF_TITLE = /^(?:officer|ofc|co|sgt|sergeant|lt|lieutenant|capt|captain|deputy|det|detective|warden|trooper|cpl|corporal)$/;

/** Identifying details in a passage: strong ones (name, street, school, workplace) and weak ones (age, place, relation). */
function detailsOf(post: PostText, from: number, to: number): { strong: string[]; weak: string[] } {
  const text = post.folded.slice(from, to);
  const strong: string[] = [];
  const weak: string[] = [];
  // Staff named in the agency's own statement of support are not the protected victims ("We stand with Officer Kohl").
  const named = peopleIn(post).filter((p) => p.start >= from && p.end <= to && !(p.title && STAFF_TITLE.test(p.title)) && p.role !== 'public-official' && p.kind !== 'mention');
  if (named.length) strong.push(`a name (${named[0]!.text})`);
  if (STREET.test(text)) strong.push('a street');
  if (SCHOOL.test(text)) strong.push('a school');
  if (WORKPLACE.test(text)) strong.push('a workplace');
  if (AGE.test(text)) weak.push('an age');
  if (PLACE.test(text)) weak.push('a place');
  if (RELATION.test(text)) weak.push('a family or social tie');
  return { strong, weak };
}

export default defineRule({
  id: 'victim-identity',
  meta: {
    summary: 'Identifies a crime victim or their family, or gives non-public details about them',
    inputs: ['text'],
    messages: {
      identified: 'Identifies a crime victim or their family: {{details}}.',
    },
    schema: {
      type: 'object',
      properties: {
        sexualOffenceAnyDetail: { type: 'boolean', description: 'For victims of sexual offences, any one identifying detail (an age, a place, a relation) is enough.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { sexualOffenceAnyDetail: false } as Options,
    examples: {
      flagged: [
        "The boy hurt in Saturday's stabbing is the Pellerin kid from Lincoln Middle",
        'Sad call tonight: 79-year-old widower on Aspen Ct got scammed out of $40k.',
        { text: 'The 14-year-old in the sleepover case is my neighbor’s granddaughter.', options: { sexualOffenceAnyDetail: true } },
      ],
      fine: [
        'Gave to the victim-services fund today',
        'Fell victim to the air fryer hype. No regrets.',
        'Jury selection starts Monday for the guy who beat his girlfriend half to death.',
        'Crime victims can register for free notification about an offender’s custody status.',
      ],
    },
  },
  create(context) {
    const { sexualOffenceAnyDetail } = context.options;
    return {
      text() {
        for (const { parsed, image } of context.evidence()) {
          for (const s of parsed.sentences) {
            const cue = VICTIM_CUE.exec(parsed.folded.slice(s.start, s.end));
            if (!cue || s.hypothetical || s.reported || PUBLIC_SOURCE.test(s.text)) continue;
            // Details in the cue's sentence and the ones beside it.
            const si = parsed.sentenceIndexAt(s.start);
            const from = parsed.sentences[Math.max(0, si - 1)]!.start;
            const to = parsed.sentences[Math.min(parsed.sentences.length - 1, si + 1)]!.end;
            const { strong, weak } = detailsOf(parsed, from, to);
            const sexual = SEXUAL_OFFENCE.test(textNear(parsed, s.start, 1));
            const enough = strong.length >= 1 || weak.length >= 2 || (sexual && sexualOffenceAnyDetail && weak.length >= 1);
            if (!enough) continue;
            const data = { details: [...strong, ...weak].slice(0, 3).join(', ') };
            const start = s.start + cue.index;
            if (image === undefined) context.report({ messageId: 'identified', data, span: { start, end: start + cue[0].length, text: parsed.text.slice(start, start + cue[0].length) } });
            else context.report({ messageId: 'identified', data, image });
            break;
          }
        }
      },
    };
  },
});
