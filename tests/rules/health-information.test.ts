import rule from '../../rules/health-information';
import { RuleTester } from '../support/rule-tester';

new RuleTester().run(rule, {
  valid: [
    'Grandpa was released from the hospital today after his stroke 🙏',
    'My daughter had surgery on her knee, recovering at home',
    'Pray for my grandma, she gets her hip replaced Tuesday at Redbud Regional 🙏',
    'Six months of therapy and I’m finally sleeping through the night.',
    'Five years ago my heart stopped in a parking lot. Cardiac arrest survivor. Learn CPR.',
    'Flu shot clinic at work Thursday. Go get your shot, the nurses have stickers.',
    'My husband starts chemo next week, thank you all for the casseroles',
    'If you’re feeling depressed, please talk to somebody. It’s not weakness.',
    'Great panel on trauma-informed care in reentry programs today.',
    'The things I would let the new nurse on 2nd shift do to me 🥵',
    { text: 'Saw on the news that the senator is in the hospital after a fall', name: 'public news about a public figure' },
    { text: 'Sick of this weather. Send soup.', name: 'everyday "sick" is not a condition' },
  ],
  invalid: [
    { text: 'Lt. Mendes is out on FMLA for his back surgery, somebody cover his Tuesday shifts', errors: 2 },
    { text: 'Inmate Garza on C pod tried to hang himself last night, he is on watch now', errors: 1 },
    { text: 'Officer Lyle is back from rehab Monday, go easy on him', errors: 1 },
    { text: 'Please keep Sgt. Lorna Whitfield in your prayers. She starts chemo Monday.', errors: [{ messageId: 'health', excerpt: 'chemo' }] },
    { text: 'Two guys on B pod went out to the ER last night, Narcan both times', errors: 2 },
    { text: 'pray for the kid on suicide watch in H unit', errors: 1 },
    { text: 'Heads up night shift: the guy in the infirmary with hep C is refusing his meds again.', errors: 3 },
    { text: 'One of our officers is on medical leave after a breakdown, keep him in your thoughts', errors: 2, name: 'an employee, named or not' },
    { text: 'Inmate Rollins came back from the hospital with a colostomy bag', errors: 2 },
    {
      text: 'Wild night',
      images: [{ filename: 'IMG_1.JPG', description: 'Inmate on a stretcher in the infirmary with an oxygen mask' }],
      errors: [{ messageId: 'health', image: 0 }],
    },
  ],
});
