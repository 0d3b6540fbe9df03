import { defineRule } from './engine/define-rule';
import { healthMentions, PUBLIC_SOURCE } from './detectors/subjects';

// Medical or mental-health treatment or condition of an inmate or an employee, named or not:
// suicide watch, medication, diagnosis, hospital stays, overdoses and Narcan, medical leave. Never
// the writer's own health or their family's (labelling guide, health-information).

const WHOSE = { custody: 'someone in custody', staff: 'an employee' } as const;

export default defineRule({
  id: 'health-information',
  meta: {
    summary: 'Medical or mental-health treatment or condition of an inmate or an employee',
    inputs: ['text', 'image'],
    messages: {
      health: 'Mentions a treatment or condition ("{{term}}") of {{whose}}.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    examples: {
      flagged: [
        'Officer Lyle is back from rehab Monday, go easy on him',
        'Two guys on B pod went out to the ER after Narcan last night',
        'pray for the kid on suicide watch in H unit, second time this month',
      ],
      fine: [
        "Dad's cataract surgery went great, he's already bossing the nurses around",
        'Six months of therapy and I finally sleep through the night. Talk to somebody.',
        'Flu shot clinic at work Thursday. Go get your shot!',
      ],
    },
  },
  create(context) {
    return {
      text() {
        for (const { parsed, image } of context.evidence()) {
          for (const h of healthMentions(parsed)) {
            if (h.subject !== 'custody' && h.subject !== 'staff') continue;
            const sentence = parsed.sentenceAt(h.start);
            if (sentence && (sentence.reported || PUBLIC_SOURCE.test(sentence.text))) continue;
            const data = { term: h.text.toLowerCase(), whose: h.reference?.identifiable && h.reference.person ? h.reference.person.text : WHOSE[h.subject] };
            if (image === undefined) context.report({ messageId: 'health', data, span: h });
            else context.report({ messageId: 'health', data, image });
          }
        }
      },
    };
  },
});
