import rule from '../../rules/criminal-history';
import { RuleTester } from '../support/rule-tester';

new RuleTester().run(rule, {
  valid: [
    'My uncle did 5 years in McAlester and turned his life around',
    'Sentencing was today for the man who killed a trooper in 2019; he got life. Justice.',
    'The paper says the Hadley trial ended in 10 years.',
    'Twenty years sober this month, and eighteen since my last arrest.',
    'My brother did time in his twenties and now he runs a bakery. Proud of him.',
    'Saw on KRDB that the man who robbed the bank in 2023 got 12 years today.',
    'Y’all remember the guy who robbed the Sonic back in ’19? He works at the car wash now.',
    'Scam alert: callers say you have a warrant and want gift cards. Hang up.',
    'Class dismissed! Summer break starts now 🎉',
    'Sealed the deal on the new truck today',
    { text: 'Moved to seg for the third time this month, never change', name: 'a discipline count inside is not a record' },
    { text: 'My record for pull-ups is 22, come at me', name: 'a sports record' },
  ],
  invalid: [
    { text: 'Ran the new neighbor through NCIC lol, two DUIs and an old warrant in Billings', errors: 3 },
    { text: 'My neighbor Brad Kessler has a rap sheet a mile long, I saw it at work', errors: 1 },
    { text: 'Checked the new Little League ump in our system: three old warrants', errors: 2 },
    { text: 'Ran into my ex’s new man. Looked him up. Trent Albee: deferred for domestic in 2016, expunged in 2021.', errors: 3 },
    { text: 'Everybody thinks Harlan Pike is in for hot checks. His juvie file says otherwise.', errors: 1 },
    { text: 'pulled up the new chaplain volunteer out of curiosity. 1998 DUI and an assault charge that got dismissed.', errors: 3 },
    { text: 'Guess who came back through intake? Tommy Marchetti, third time this year.', errors: [{ messageId: 'record', excerpt: 'third time this' }] },
    { text: 'New hire on 2nd shift has a 2011 larceny out of Texas. How did that pass?', errors: 1 },
    { text: 'Because Colby Strand has two dismissed rape charges, that’s why. Not public but I’ve seen the file.', errors: 3 },
    {
      text: 'Booked this clown for the third time this month lol',
      images: [{ filename: 'Screenshot_1.png', description: 'Booking photo of a man in front of a height chart' }],
      errors: 1,
      name: 'a re-arrest count about the person in a booking photo',
    },
  ],
});
