import rule from '../../rules/on-duty-use';
import type { DutyHours } from '../../rules/engine/types';
import { RuleTester } from '../support/rule-tester';

const shift: DutyHours = { timeZone: 'America/Chicago', windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '15:00' }] };
const night: DutyHours = { timeZone: 'America/Denver', windows: [{ days: ['fri'], start: '22:00', end: '06:00' }] };

new RuleTester().run(rule, {
  valid: [
    'Quick post before my shift starts!',
    { text: 'On my lunch break at work, love this job', name: 'the text never decides' },
    { text: 'Sunset over the lake', context: { onDuty: false, managedDevice: false } },
    {
      text: 'Monday morning coffee',
      context: { postedAt: '2026-03-02T06:59:00-06:00' },
      profile: { dutyHours: shift },
      name: 'a minute before the shift starts',
    },
    {
      text: 'Monday coffee',
      context: { postedAt: '2026-03-02T10:00:00-06:00', onDuty: false },
      profile: { dutyHours: shift },
      name: 'an explicit onDuty:false wins over duty hours',
    },
    {
      text: 'Monday coffee',
      context: { postedAt: '2026-03-02T10:00:00-06:00' },
      options: { useDutyHours: false },
      profile: { dutyHours: shift },
      name: 'duty hours switched off by option',
    },
    {
      text: 'Saturday breakfast',
      context: { postedAt: '2026-03-07T07:00:00-07:00' },
      profile: { dutyHours: night },
      name: 'overnight window ends at 06:00 the next day',
    },
  ],
  invalid: [
    { text: 'Is the ice on the lake safe yet?', context: { onDuty: true }, errors: [{ messageId: 'onDuty' }] },
    { text: 'Happy birthday sis', context: { managedDevice: true }, errors: [{ messageId: 'managedDevice' }] },
    { text: 'Both', context: { onDuty: true, managedDevice: true }, errors: [{ messageId: 'onDuty' }, { messageId: 'managedDevice' }] },
    {
      text: 'Tuesday lunch pic',
      context: { postedAt: '2026-03-03T12:30:00-06:00' },
      profile: { dutyHours: shift },
      errors: [{ messageId: 'dutyHours' }],
      name: 'inside configured duty hours',
    },
    {
      text: 'Night shift snack',
      context: { postedAt: '2026-03-07T05:30:00-07:00' },
      profile: { dutyHours: night },
      errors: [{ messageId: 'dutyHours' }],
      name: 'Saturday 05:30 is inside Friday’s overnight window',
    },
  ],
});
