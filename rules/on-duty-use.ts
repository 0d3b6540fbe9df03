import { isOnDuty } from './detectors/duty-hours';
import { defineRule } from './engine/define-rule';

// Only the context says whether a post is made on duty or from an agency device: never the text
// ("on my lunch break") and never photo metadata (labelling guide, on-duty-use).
export default defineRule({
  id: 'on-duty-use',
  meta: {
    summary: 'Personal social-media use while on duty or from an agency-managed device',
    inputs: ['context'],
    messages: {
      onDuty: 'You are marked as on duty while posting.',
      dutyHours: 'This is being posted during your configured duty hours ({{time}}).',
      managedDevice: 'This is being posted from an agency-managed device.',
    },
    schema: {
      type: 'object',
      properties: {
        useDutyHours: { type: 'boolean', description: 'Treat a post made inside the profile duty hours as on duty.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { useDutyHours: true },
    examples: {
      flagged: [
        { text: 'Anyone know if the ice on Hauser Lake is safe yet?', context: { onDuty: true }, note: 'context says on duty' },
        { text: 'Happy birthday to my baby sister!', context: { managedDevice: true }, note: 'agency-managed device' },
      ],
      fine: [
        { text: 'Quick post before my shift: happy birthday, sis!', note: 'the text alone never decides' },
        { text: 'On my lunch break, look at this sunset', context: { onDuty: false, managedDevice: false } },
      ],
    },
  },
  create(context) {
    return {
      context(ctx) {
        if (ctx.onDuty === true) context.report({ messageId: 'onDuty' });
        else if (ctx.onDuty === undefined && context.options.useDutyHours && context.profile.dutyHours && ctx.postedAt) {
          const when = new Date(ctx.postedAt);
          if (isOnDuty(when, context.profile.dutyHours)) {
            context.report({ messageId: 'dutyHours', data: { time: ctx.postedAt.slice(11, 16) } });
          }
        }
        if (ctx.managedDevice === true) context.report({ messageId: 'managedDevice' });
      },
    };
  },
});
