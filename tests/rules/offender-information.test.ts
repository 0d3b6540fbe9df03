import rule from '../../rules/offender-information';
import { RuleTester } from '../support/rule-tester';

const helena = { dutySourced: true };

new RuleTester().run(rule, {
  valid: [
    'Book club pick: a memoir by a former inmate who became a chef. Cried twice.',
    'Finished Gen Pop season 3 last night, that warden would be fired in a week.',
    'Sharing from ODOC: Cody Brannum walked away from the work center last night. Do NOT approach him.',
    'Drove four hours to see my little brother today. Two more years and he’s home.',
    'Per the Courier, the guy who walked off from the halfway house was picked up last night.',
    'Art show this weekend, some of these guys are SO talented. Here’s Ramon with his horse painting.',
    { text: 'Sgt. Bell in B unit lost his temper at the briefing again', name: 'a staff member, not an offender' },
    { text: 'Taylor Swift released her new album and I cried in the car', name: 'a famous name with "released" is not custody' },
    { text: 'The inmate who attacked two of our officers, Lyle Brewington, will face charges.', account: 'official', name: 'agency notice of charges on the official account' },
    { text: 'Marcus got out of county last week and is staying with his mom on Larkspur', options: helena, name: 'helena: neighbourhood gossip, not learned on duty' },
    { text: 'Jury selection starts Monday for the guy who beat his girlfriend in October.', name: 'unidentified defendant' },
  ],
  invalid: [
    { text: 'Corwin Tate in 3 West lost his visits again', errors: 1 },
    { text: 'Kelvin Dutro, #714402. Guess who’s on my pod now', errors: [{ messageId: 'nameWithNumber', excerpt: 'Kelvin Dutro, #714402' }] },
    { text: 'If inmate Yancey throws one more tray at me I swear', errors: [{ messageId: 'detail' }], name: 'conduct of a named inmate, even as an "if"' },
    { text: 'Release date for my favorite pain in the neck, J.R. Ocasio: May 19.', errors: 1 },
    { text: 'Guess who paroles to his sister’s place on Alder St next week? Wade Hollister.', errors: 1 },
    { text: 'inmate on my tier who killed that family in Stonebridge in 2004 gets visits from his daughter every sunday', errors: 1, name: 'a notorious case singles the inmate out' },
    { text: 'Prisoner Dale Hix keeps spitting at the night crew. Third write-up this week.', errors: 1 },
    { text: 'Our welder Marcus T. came to us with 14 prior arrests and just got certified. Proud of our vocational program.', errors: 1, name: 'record of an identifiable program participant' },
    {
      text: 'This genius tried to hide under a boat trailer. Found him in 3 minutes 😂',
      images: [{ filename: 'IMG_0871.JPG', description: 'Man in handcuffs sitting on a curb, face visible' }],
      options: helena,
      errors: [{ messageId: 'photoDetail', image: 0 }],
    },
    {
      text: 'This guy argued with me for twenty minutes over a $90 ticket',
      images: [{ filename: 'IMG_0899.JPG', description: 'Photo of a traffic citation showing driver name Colton R. Sayre and plate number' }],
      options: helena,
      errors: 1,
    },
    { text: 'Marcus Dunmore got released from the detention center this morning. He’s staying with his girlfriend on Larkspur.', options: helena, errors: 1 },
  ],
});
