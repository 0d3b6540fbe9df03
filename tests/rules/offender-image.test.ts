import rule from '../../rules/offender-image';
import { RuleTester } from '../support/rule-tester';

const photo = (description: string, filename = 'IMG_1000.JPG') => [{ filename, description }];

new RuleTester().run(rule, {
  valid: [
    { text: 'Sunday drive to the lake', images: photo('Sunset over a calm lake with a wooden dock') },
    { text: 'Halloween party!', images: photo('Friends in orange prison jumpsuit costumes holding drinks') },
    { text: 'Sharing from ODOC, call 911 if you see him', images: photo("Screenshot of the ODOC public website escape notice with the inmate's official photo", 'Screenshot_1.png') },
    { text: 'Binge night', images: photo('Still from a prison drama series showing two actors in a cell') },
    { text: 'Career day at my kid’s school', images: photo('The poster in uniform talking to second graders') },
    { text: 'Arrest training day', images: photo('Two officers practicing handcuffing on each other at the academy, faces visible'), options: { arrestees: false }, name: 'no arrestees under a custody-only reading' },
    { text: 'Prime suspect in the case of the missing cookies', images: photo('Little girl with chocolate on her face holding an empty cookie jar'), name: 'a "suspect" joke about a child' },
    { text: 'Gym selfie', images: photo('Man flexing in a gym mirror') },
  ],
  invalid: [
    { text: 'Road crew crushed it today', images: photo('Four men in orange jumpsuits stenciled DOC picking up litter, faces visible'), errors: [{ messageId: 'custody', image: 0 }] },
    { text: 'Merry Christmas from B-shift!', images: photo('Six staff posing by a tree; two inmates mopping in the background, faces visible'), errors: [{ messageId: 'custody' }] },
    { text: 'Booked this clown again', images: photo('Booking photo of a man with a face tattoo in front of a height chart', 'Screenshot_2.png'), errors: [{ messageId: 'custody' }] },
    { text: 'Long day', images: photo("Desk with an open case file showing a photo lineup of six men's faces"), errors: [{ messageId: 'arrest' }] },
    { text: 'Caught him', images: photo('Man in handcuffs in the back seat of a patrol car, looking at the camera'), errors: [{ messageId: 'arrest' }] },
    { text: 'lol', images: photo('Blurry photo of a page', 'mugshot_2026_0211.jpg'), errors: 1, name: 'a file name naming a mugshot' },
    { text: 'Fresh cut from my favourite inmate barber 💈', images: photo('Selfie in a break room with a man holding clippers behind'), errors: [{ messageId: 'captioned' }] },
  ],
});
