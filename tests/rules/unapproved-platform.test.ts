import rule from '../../rules/unapproved-platform';
import { RuleTester } from '../support/rule-tester';

const official = 'official' as const;

new RuleTester().run(rule, {
  valid: [
    { text: 'Road closed today.', account: official, context: { platform: 'Facebook', approvedPlatforms: ['Facebook', 'X'] } },
    { text: 'Road closed today.', account: official, context: { platform: 'facebook', approvedPlatforms: ['FACEBOOK'] }, name: 'case-insensitive' },
    { text: 'Road closed today.', account: official, context: { platform: 'X', approvedPlatforms: ['Twitter'] }, name: 'Twitter approves X' },
    { text: 'Road closed today.', account: official, context: { platform: 'Twitter', approvedPlatforms: ['X'] }, name: 'X approves Twitter' },
    { text: 'Follow us on TikTok!', account: official, context: { platform: 'TikTok' }, name: 'no list configured' },
    { text: 'Follow us on TikTok!', account: official, context: { approvedPlatforms: ['Facebook'] }, name: 'no platform known' },
    { text: 'We are now on TikTok', account: official, context: { platform: 'Facebook', approvedPlatforms: ['Facebook'] }, name: 'platform named in text only' },
    {
      text: 'Hello',
      account: official,
      context: { platform: 'Threads' },
      profile: { approvedPlatforms: ['Threads'] },
      name: 'profile list used when the context has none',
    },
  ],
  invalid: [
    { text: 'Hello', account: official, context: { platform: 'TikTok', approvedPlatforms: ['Facebook'] }, errors: [{ messageId: 'notApproved' }] },
    { text: 'Hello', account: official, context: { platform: 'Bluesky', approvedPlatforms: [] }, errors: [{ messageId: 'noneApproved' }] },
    { text: 'Hello', account: official, context: { platform: 'Reddit' }, profile: { approvedPlatforms: ['Facebook'] }, errors: 1 },
  ],
});
