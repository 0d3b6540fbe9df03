import { defineRule } from './engine/define-rule';
import type { PostText } from './engine/post-text';
import { findPii, type PiiMatch } from './detectors/pii';
import { peopleIn } from './detectors/people';

// Protected personal information: an SSN; a name with a licence, state or tribal ID, tax ID or bank
// account number; a card number with its security code, PIN or password. Anyone's data counts, the
// writer's own included (labelling guide, protected-personal-info). Last four digits, phone,
// tracking, claim and lottery numbers never count (pii.ts leaves them out).

interface Options {
  /** mt-doc § III counts an offender's name or initials with their DOC number as PPI. */
  offenderNameWithDocNumber: boolean;
}

const OWNED_KINDS = new Set<PiiMatch['kind']>(['drivers-licence', 'state-id', 'tribal-id', 'tax-id', 'bank-account']);
const KIND_NAMES: Record<PiiMatch['kind'], string> = {
  ssn: 'Social Security number',
  card: 'card number',
  'card-secret': 'card security code',
  'aba-routing': 'routing number',
  'bank-account': 'bank account number',
  'drivers-licence': "driver's licence number",
  'state-id': 'ID card number',
  'tribal-id': 'tribal ID number',
  'tax-id': 'tax ID number',
  'doc-number': 'DOC number',
};
const SECRET_NAMES: [RegExp, string][] = [
  [/pin/i, 'PIN'],
  [/pass|pw/i, 'password'],
  [/access/i, 'access code'],
  [/cvv|cvc|cid|csc|security|code|verification/i, 'security code'],
];

/** "name", "my", "his" or a person's name in the same sentence as the number: whose it is. */
function ownerOf(post: PostText, m: PiiMatch): string | undefined {
  const sentence = post.sentenceAt(m.start);
  const from = sentence?.start ?? 0;
  const to = sentence?.end ?? post.text.length;
  const person = peopleIn(post).find((p) => p.start >= from && p.end <= to && p.kind !== 'mention');
  if (person) return `the name ${person.text}`;
  const around = post.folded.slice(from, to);
  if (/\b(?:name|named|cardholder|holder|owner|issued to|belongs to|says)\b/i.test(around) && /\b[A-Z][a-zA-Z'-]+\s+(?:[A-Z]\.?\s+)?[A-Z][a-zA-Z'-]+/.test(around)) return 'a name';
  if (/\b(?:my|mine)\b/i.test(around)) return 'the writer';
  return undefined;
}

/** A name or initials directly before the DOC number (within a few characters: "T.J. Rowe #3049177", "Rollins (#66120)"). */
function nameBeside(post: PostText, m: PiiMatch): string | undefined {
  const person = peopleIn(post).find((p) => p.end <= m.start && m.start - p.end <= 4 && p.kind !== 'mention');
  if (person) return person.text;
  const after = peopleIn(post).find((p) => p.start >= m.end && p.start - m.end <= 3 && p.kind !== 'mention');
  return after?.text;
}

export default defineRule({
  id: 'protected-personal-info',
  meta: {
    summary: "Social Security numbers, a name with an ID or account number, or a card number with its code",
    inputs: ['text', 'image'],
    messages: {
      ssn: 'Shows a Social Security number: {{signal}}.',
      nameWithNumber: 'Shows {{owner}} with a {{kind}}: {{signal}}.',
      cardWithSecret: 'Shows a full card number ({{brand}}) together with its {{secret}}.',
      offenderDocNumber: "Shows an offender's name ({{name}}) with their DOC number.",
      imageDocument: 'Photo shows {{document}} with its number readable.',
    },
    schema: {
      type: 'object',
      properties: {
        offenderNameWithDocNumber: {
          type: 'boolean',
          description: "Count an offender's name or initials with their DOC number as protected personal information (Montana DOC § III).",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { offenderNameWithDocNumber: false } as Options,
    examples: {
      flagged: [
        'Scam alert: someone has my probationer Dustin Krall’s SSN (518-06-2273) and is opening cards in his name.',
        'Found a wallet at the feed store. License says Gregory P. Faulk, DL 047882315. Message me!',
        'Whoever dropped a debit card in the lot: card 5412 7530 1187 2293, the code on the back is 044. It’s at the front desk.',
        { text: 'Mail for inmate R. Quillan #4471093 keeps landing on my desk', options: { offenderNameWithDocNumber: true }, note: 'mt-doc § III reading' },
      ],
      fine: [
        'My card ending in 4417 got skimmed at a gas pump. Check your statements, folks.',
        'LOST DOG: brown lab mix, answers to treats. Call or text 406-555-0186.',
        'Someone called pretending to be from the IRS and asked for my social security number. Hung up. Never give it out.',
        { text: 'Mail for inmate R. Quillan #4471093 keeps landing on my desk', note: 'name + DOC number is offender information, not PPI, outside Montana' },
      ],
    },
  },
  create(context) {
    const { offenderNameWithDocNumber } = context.options;
    return {
      text() {
        for (const { parsed, image } of context.evidence()) {
          const pii = findPii(parsed);
          for (const m of pii) {
            const where = image === undefined ? { span: { start: m.start, end: m.end, text: m.text } } : { image };
            if (m.kind === 'ssn') {
              // A number the text calls an SSN always counts; a bare valid one needs a name or an ID context beside it.
              if (m.context && /ss|soc/i.test(m.context)) {
                context.report({ messageId: 'ssn', data: { signal: m.why }, ...where });
              } else {
                const owner = ownerOf(parsed, m);
                if (owner || m.context) {
                  context.report({ messageId: 'ssn', data: { signal: `${m.why}, with ${owner ?? `the word '${m.context}'`} beside it` }, score: 0.8, ...where });
                }
              }
            } else if (OWNED_KINDS.has(m.kind)) {
              const owner = ownerOf(parsed, m);
              if (owner) context.report({ messageId: 'nameWithNumber', data: { owner, kind: KIND_NAMES[m.kind], signal: m.why }, score: m.valid ? 1 : 0.9, ...where });
            } else if (m.kind === 'card-secret') {
              const card = pii.find((c) => c.kind === 'card');
              const secret = SECRET_NAMES.find(([re]) => re.test(m.context ?? ''))?.[1] ?? 'security code';
              if (card) {
                const span = image === undefined ? { span: { start: Math.min(card.start, m.start), end: Math.max(card.end, m.end), text: '' } } : { image };
                if (span.span) span.span.text = parsed.text.slice(span.span.start, span.span.end);
                context.report({ messageId: 'cardWithSecret', data: { brand: card.brand ?? 'card', secret }, ...span });
              }
            } else if (m.kind === 'doc-number' && offenderNameWithDocNumber) {
              const name = nameBeside(parsed, m);
              if (name) context.report({ messageId: 'offenderDocNumber', data: { name }, ...where });
            }
          }
        }
      },
      image(facts, index) {
        // A photo of an ID or card whose description says the number can be read (no digits in the text).
        const description = [facts.description, ...(facts.keywords ?? [])].filter(Boolean).join('. ');
        const document = /\b(social security card|driver'?s licen[cs]e|state id(?: card)?|tribal (?:id|enrollment) card|cdib card|passport|(?:debit|credit|bank) card)\b/i.exec(description);
        if (!document) return;
        const readable = /\b(?:number|digits|ssn|card number|licen[cs]e number)\b[^.]{0,40}\b(?:visible|readable|legible|shown|showing|clear)\b|\b(?:showing|shows|with|readable|visible|legible)\b[^.]{0,60}\b(?:full )?(?:number|ssn|digits)\b/i.test(description);
        const hidden = /\b(?:blurred|covered|redacted|masked|hidden|cropped out|not visible|unreadable|illegible|last (?:four|4))\b/i.test(description);
        const card = /card$/i.test(document[1]!) && !/social security|id|cdib|tribal/i.test(document[1]!);
        const secret = /\b(?:security code|cvv|cvc|pin)\b/i.test(description);
        if (readable && !hidden && (!card || secret)) context.report({ messageId: 'imageDocument', data: { document: `a ${document[1]!.toLowerCase()}` }, image: index, score: 0.8 });
      },
    };
  },
});
