import { defineRule } from './engine/define-rule';
import type { PostText } from './engine/post-text';
import { findPii } from './detectors/pii';
import { ADDRESS_PATTERN } from './detectors/lexicons/custody';
import { healthMentions, PUBLIC_SOURCE, recordHits, referencesNear, subjectAt, type Reference } from './detectors/subjects';

// Information about an identifiable coworker. What counts differs by policy, so the kinds of fact
// are rule options set in each profile: ok-doc IV.C.4 (treatment or leave, discipline, probes,
// record), ct-doc 5.b.i.4-5 (also family, home address, SSN, rumours about private or sex life, and
// contractors, vendors and volunteers), helena-pd K.6 (any information: also assignment, role in an
// incident, outing an undercover colleague, photos showing their faces). Insults, praise and
// accusations are not information (labelling guide, coworker-information).

const FACT_KINDS = ['health', 'leave', 'discipline', 'record', 'family', 'address', 'identifiers', 'sex-rumour', 'assignment', 'incident-role', 'undercover'] as const;
type FactKind = (typeof FACT_KINDS)[number];

interface Options {
  /** Which kinds of fact about a coworker count. */
  facts: FactKind[];
  /** Contractors, vendors and volunteers count as coworkers (ct-doc 5.b.i.5). */
  contractors: boolean;
  /** A photo showing colleagues' faces counts on its own (helena-pd K.6 "personal photographs"). */
  photos: boolean;
}

const FACT_PATTERNS: [FactKind, RegExp][] = [
  ['leave', /\b(?:medical leave|sick leave|maternity leave|paternity leave|FMLA|out on (?:medical|leave|disability|workers'? comp)|light duty|won't be back(?: on \w+)? for a while|(?:isn't|is not|won't be) coming back|back from (?:rehab|medical|leave|treatment|the hospital)|disability leave|on leave)\b/i],
  ['discipline', /\b(?:written up|wrote (?:him|her) up|write-ups?|suspended|suspension|walked out|escorted out|(?:got|was|been|getting|get|gonna get) (?:fired|canned|terminated|demoted)|fired (?:him|her)|under investigation|being investigated|investigating (?:him|her)|internal affairs|inspector general|looking (?:hard )?(?:at|into) (?:him|her|Lt|Sgt|Officer|Capt|[A-Z])|disciplin\w+|reprimand\w*|letter of (?:counseling|reprimand)|on a PIP|last[- ]chance agreement|pulled (?:his|her) badge|desk duty|admin(?:istrative)? leave|drug test(?:ed)? positive|failed (?:a|his|her) drug test)\b|\b(?:IA|OIG|PSU|OPR)\b/],
  ['family', /(?:['’]s (?:wife|husband|ex-wife|ex-husband|ex|kids|twins|girlfriend|boyfriend|marriage)\b)|\b(?:divorc\w*|separated|separation|custody (?:battle|fight)|kicked (?:him|her) out|left (?:him|her) for|cheat(?:ing|ed) on|affair|(?:his|her) (?:wife|husband|ex|kids|twins|baby mama|boyfriend|girlfriend)|pregnant|expecting|miscarri\w+|sleeping (?:in|at) (?:the|his|her)|staying (?:at|with) (?:her|his) (?:mom|mother|dad|parents|sister|brother)|bankrupt\w*|foreclos\w+|DUI|rehab)\b/i],
  ['address', ADDRESS_PATTERN],
  ['address', /\b(?:lives (?:at|on|in|off|near)|home address|where (?:he|she) lives|(?:his|her) (?:house|place|apartment) (?:is )?(?:on|at))\b/i],
  ['sex-rumour', /\b(?:going at it|hook(?:ing|ed) up|sleeping together|sleeping with|slept with|banging|screwing|having an affair|messing around|fooling around|getting (?:it on|busy)|making out|(?:very|real|awfully|VERY) friendly with|don't mean (?:bible study|\w+ \w+)|in the supply closet|in the walk-in|caught (?:them|him|her) (?:in|together)|side piece|getting baptized)\b/i],
  ['assignment', /\b(?:partner(?:ed)? (?:with|for)|best partner|riding (?:together|with)|rides with|assigned to|(?:works|working|is on|'s on) (?:nights|days|swing|graves|patrol|narcotics|SIU|the task force|traffic|K-?9)|(?:his|her) (?:beat|post|squad|assignment)|transferred to|years riding)\b/i],
  ['incident-role', /\b(?:(?:was|is) the one who (?:shot|tased|fired|arrested|cuffed|hit|pursued|chased)|(?:his|her) (?:shooting|use of force|pursuit|crash)|involved in (?:the|that|a) (?:shooting|pursuit|crash|incident|use of force)|(?:shot|tased|fired on) (?:the|that|a) (?:suspect|guy|man))\b/i],
];
const UNDERCOVER = /\b(?:undercover|buy[- ]bust|sting|narc|cover role|posing as|(?:he's|she's|he is|she is) a cop|(?:isn't|is not|ain't) (?:a|really a) ['"]?\w+|none of them know)\b|\b(?:UC|UCs)\b/;
const THIRD_PARTY_UC = /\b(?:he|she|his|her|he's|she's|the one|the guy|the girl|our guy|our girl|their guy|new UC|a UC|our UC|my husband|my wife)\b|['"][a-z]+['"]/i;
const UC_DESCRIPTION = /\b(?:white|black|red|blue|green|silver|gray|grey|tan|maroon)\s+(?:F-?150|Silverado|Ram|Subaru|truck|pickup|van|SUV|sedan|Camaro|Charger|Tahoe|Civic|Camry|Jeep|car|Bolt)\b|\bdrives a\b|\b(?:in|wearing) the\s+\w+\s+(?:hat|jacket|hoodie|cap|vest)\b|\b\w+ (?:hat|jacket|hoodie)\b|\b(?:blonde|brunette|redhead|red-haired|bald|tattooed)\b|\bmid-\d0s\b|\bmy (?:husband|wife)\b/i;
const COLLEAGUE_IMAGE = /\b(?:officers|deputies|coworkers|co-workers|colleagues|squad|team|SIU|partners?|two officers|men and women|group|people|staff)\b/i;
const FACES_SHOWN = /\b(?:faces? visible|posing|smiling|group (?:photo|shot|selfie)|selfie with|around a|arm in arm|portrait of)\b/i;
const FACES_HIDDEN = /\b(?:from behind|masked|faces? (?:blurred|covered|hidden|not visible)|backs? to the camera|silhouettes?)\b/i;
const PERMISSION = /\b(?:with (?:their|his|her|everyone's|the squad's|the team's) (?:permission|blessing|ok|okay)|(?:they|he|she) (?:said|says) (?:i could|it's ok(?:ay)? to|ok(?:ay)? to) (?:post|share)|posted with permission|shared with permission|(?:they|he|she) asked me to (?:post|share))\b/i;

function isCoworker(r: Reference | undefined, contractors: boolean): boolean {
  return !!r && r.identifiable && (r.kind === 'staff' || (contractors && r.kind === 'contractor'));
}

/** The coworker a fact at `offset` is about: its own subject, or (when the subject is unclear) an identifiable coworker beside it. */
function coworkerFor(post: PostText, offset: number, contractors: boolean): Reference | undefined {
  const subject = subjectAt(post, offset);
  if (isCoworker(subject, contractors)) return subject;
  if (subject && !subject.pronoun && subject.kind !== 'staff' && subject.kind !== 'contractor') return undefined;
  if (subject && !subject.pronoun && !subject.identifiable) return undefined;
  return referencesNear(post, offset, 1).find((r) => isCoworker(r, contractors));
}

export default defineRule({
  id: 'coworker-information',
  meta: {
    summary: 'Non-public or personal information about an identifiable coworker',
    inputs: ['text', 'image'],
    messages: {
      fact: 'Shares {{fact}} about {{who}}.',
      undercover: 'Points out an undercover colleague ({{how}}).',
      photo: 'Photo shows colleagues’ faces ({{cue}}).',
    },
    schema: {
      type: 'object',
      properties: {
        facts: { type: 'array', items: { enum: [...FACT_KINDS] }, uniqueItems: true, description: 'Kinds of fact about a coworker that count.' },
        contractors: { type: 'boolean', description: 'Contractors, vendors and volunteers count as coworkers.' },
        photos: { type: 'boolean', description: 'A photo showing colleagues’ faces counts on its own.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { facts: ['health', 'leave', 'discipline', 'record'], contractors: false, photos: false } as Options,
    examples: {
      flagged: [
        'Officer Lyle is back from rehab Monday, go easy on him',
        'They’re looking hard at Lt. Okafor over the missing property. IA was here all day.',
        { text: "Officer Tremblay's wife kicked him out, he's sleeping in the locker room", options: { facts: ['family'] } },
        { text: 'Spotted our guy in the Bolt jacket working the pawn-shop sting', options: { facts: ['undercover'] } },
        {
          text: 'Squad dinner 🍝 love these people',
          images: [{ filename: 'IMG_2.JPG', description: 'Six officers around a restaurant table, faces visible' }],
          options: { photos: true },
        },
      ],
      fine: [
        'Sgt. Moro runs the worst briefings',
        'Proud of my team this quarter. Long hours, good people.',
        { text: 'Squad dinner 🍝 (posted with permission)', images: [{ description: 'Six officers around a restaurant table, faces visible' }], options: { photos: true } },
        { text: 'Went undercover as a Packers fan at my in-laws’ Bears party', options: { facts: ['undercover'] } },
      ],
    },
  },
  create(context) {
    const { facts, contractors, photos } = context.options;
    const enabled = new Set<FactKind>(facts);
    return {
      done() {
        const evidence = context.evidence();
        if (evidence.some((e) => PERMISSION.test(e.parsed.folded))) return;
        // One finding per kind of fact: several words for the same thing are one concern.
        const reported = new Set<string>();
        for (const { parsed, image } of evidence) {
          const report = (messageId: 'fact' | 'undercover', data: Record<string, string>, span: { start: number; end: number }, kind: string = messageId) => {
            if (reported.has(kind)) return;
            reported.add(kind);
            if (image === undefined) context.report({ messageId, data, span: { ...span, text: parsed.text.slice(span.start, span.end) } });
            else context.report({ messageId, data, image });
          };
          const publicAt = (offset: number) => {
            const s = parsed.sentenceAt(offset);
            return !!s && (s.reported || s.hypothetical || PUBLIC_SOURCE.test(s.text));
          };
          if (enabled.has('health')) {
            for (const h of healthMentions(parsed)) {
              if (h.subject !== 'staff' && h.subject !== 'contractor') continue;
              const who = coworkerFor(parsed, h.start, contractors);
              if (who && !publicAt(h.start)) report('fact', { fact: `health details ("${h.text}")`, who: who.person?.text ?? who.text }, h, 'health');
            }
          }
          if (enabled.has('record')) {
            for (const h of recordHits(parsed)) {
              const who = coworkerFor(parsed, h.start, contractors);
              if (who && !publicAt(h.start)) report('fact', { fact: 'their criminal record', who: who.person?.text ?? who.text }, h, 'record');
            }
          }
          if (enabled.has('identifiers')) {
            for (const p of findPii(parsed)) {
              if (p.kind === 'doc-number' || p.kind === 'aba-routing') continue;
              const who = coworkerFor(parsed, p.start, contractors);
              if (who) report('fact', { fact: 'a personal identifier', who: who.person?.text ?? who.text }, p, 'identifiers');
            }
          }
          for (const [kind, re] of FACT_PATTERNS) {
            if (!enabled.has(kind)) continue;
            for (const m of parsed.find(re)) {
              if (publicAt(m.start)) continue;
              const who = coworkerFor(parsed, m.start, contractors);
              if (who) report('fact', { fact: `${kind.replace('-', ' ')} details ("${m.text}")`, who: who.person?.text ?? who.text }, m, kind);
            }
          }
          if (enabled.has('undercover')) {
            for (const m of parsed.find(UNDERCOVER)) {
              const s = parsed.sentenceAt(m.start);
              if (!s || s.hypothetical || PUBLIC_SOURCE.test(s.text)) continue;
              const window = parsed.folded.slice(parsed.sentences[Math.max(0, parsed.sentenceIndexAt(m.start) - 1)]!.start, parsed.sentences[Math.min(parsed.sentences.length - 1, parsed.sentenceIndexAt(m.start) + 1)]!.end);
              const subject = subjectAt(parsed, m.start);
              if (subject?.kind === 'self' && !THIRD_PARTY_UC.test(window)) continue;
              const named = referencesNear(parsed, m.start, 1).find((r) => r.identifiable && r.person && r.kind !== 'custody');
              const described = THIRD_PARTY_UC.test(window) ? UC_DESCRIPTION.exec(window)?.[0] : undefined;
              if (named || described) {
                report('undercover', { how: named ? `names ${named.person!.text}` : `describes them: "${described}"` }, m);
                break;
              }
            }
          }
        }
        if (photos) {
          context.images.forEach((facts, index) => {
            const described = [facts.description, ...(facts.keywords ?? [])].filter(Boolean).join('. ');
            if (!COLLEAGUE_IMAGE.test(described) || FACES_HIDDEN.test(described)) return;
            const colleaguesNamed = /\b(?:SIU|squad|partner|team|crew|shift|coworkers?|colleagues?|these guys|brothers and sisters|officers?)\b/i.test(context.text.folded) || /\b(?:officers|deputies|coworkers|colleagues|squad|uniforms)\b/i.test(described);
            if (FACES_SHOWN.test(described) && colleaguesNamed) context.report({ messageId: 'photo', data: { cue: COLLEAGUE_IMAGE.exec(described)![0] }, image: index });
          });
        }
      },
    };
  },
});
