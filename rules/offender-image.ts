import { defineRule } from './engine/define-rule';
import { compileTerms } from './detectors/terms';
import { custodyImage, PUBLIC_SOURCE } from './detectors/subjects';

// An image of an inmate or offender (background included, permission or not) or, where the profile
// says so, of a suspect or arrestee: booking, arrest and lineup photos. The agency's public look-up
// photo, costumes and TV stills do not count (labelling guide, offender-image).

interface Options {
  /** Count images of suspects and arrestees (handcuffs, lineups, the back of a patrol car), not only people in custody. */
  arrestees: boolean;
}

// When the caption is silent, a post that calls the people in the picture inmates says who they are.
const TEXT_NAMES_INMATES = compileTerms(['inmate', 'inmates', 'offender', 'offenders', 'prisoner', 'prisoners', 'convict', 'lifer', 'detainee', 'cellie', 'inmate barber', 'inmate crew', 'work crew', 'road crew']);
const IMAGE_HAS_PERSON = /\b(?:man|men|woman|women|person|people|guy|guys|face|faces|crew|group|workers?|barber|selfie|portrait)\b/i;
const NO_FACES = /\b(?:faces? (?:blurred|pixelated|hidden|covered|not visible)|from behind|no (?:people|faces?)|silhouettes?)\b/i;

export default defineRule({
  id: 'offender-image',
  meta: {
    summary: 'Photos of inmates or offenders, or of suspects and arrestees (booking, arrest and lineup photos)',
    inputs: ['image', 'text'],
    messages: {
      custody: 'Photo shows someone in custody ({{cue}}).',
      arrest: 'Photo shows a suspect or arrestee ({{cue}}).',
      captioned: 'Photo shows people and the post calls them {{word}}.',
    },
    schema: {
      type: 'object',
      properties: {
        arrestees: { type: 'boolean', description: 'Also count images of suspects and arrestees (handcuffs, lineups, patrol-car back seats).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { arrestees: true } as Options,
    examples: {
      flagged: [
        {
          text: 'Our road crew cleared six miles before lunch 💪',
          images: [{ filename: 'IMG_5510.JPG', description: 'Four men in orange jumpsuits stenciled DOC picking up litter, faces visible' }],
        },
        {
          text: 'Booked this one twice this week',
          images: [{ filename: 'Screenshot_booking.png', description: 'Booking photo of a man in front of a height chart' }],
        },
        {
          text: 'Fresh cut from my favourite inmate barber 💈',
          images: [{ filename: 'IMG_0101.JPG', description: 'Selfie in a break room, a man with clippers standing behind' }],
        },
      ],
      fine: [
        {
          text: 'Sharing from the department: please call 911 if you see him.',
          images: [{ filename: 'Screenshot_notice.png', description: "Screenshot of the agency's public website escape notice with the inmate's official photo" }],
        },
        {
          text: 'Halloween party was a hit',
          images: [{ filename: 'IMG_3131.JPG', description: 'Friends in orange prison jumpsuit costumes holding drinks' }],
        },
        {
          text: 'Career day at my kid’s school',
          images: [{ filename: 'IMG_2020.JPG', description: 'The poster in uniform talking to second graders' }],
        },
      ],
    },
  },
  create(context) {
    const publicPost = () => context.text.sentences.some((s) => PUBLIC_SOURCE.test(s.text));
    return {
      image(facts, index) {
        const found = custodyImage(facts);
        if (found && (found.subject === 'inmate' || context.options.arrestees)) {
          if (publicPost() && /screenshot|notice|website|poster/i.test(`${facts.description ?? ''} ${facts.filename ?? ''}`)) return;
          context.report({ messageId: found.subject === 'inmate' ? 'custody' : 'arrest', data: { cue: found.cue }, image: index });
          return;
        }
        const described = [facts.description, ...(facts.keywords ?? [])].filter(Boolean).join('. ');
        if (!IMAGE_HAS_PERSON.test(described) || NO_FACES.test(described)) return;
        for (const s of context.text.sentences) {
          if (s.negated || s.hypothetical || PUBLIC_SOURCE.test(s.text)) continue;
          const word = context.text.find(TEXT_NAMES_INMATES).find((m) => m.start >= s.start && m.end <= s.end);
          if (word) {
            context.report({ messageId: 'captioned', data: { word: `"${word.text}"` }, image: index, score: 0.7 });
            return;
          }
        }
      },
    };
  },
});
