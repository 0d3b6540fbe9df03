import rule from '../../rules/victim-identity';
import { RuleTester } from '../support/rule-tester';

new RuleTester().run(rule, {
  valid: [
    'The victim in that true crime podcast was from Tulsa, creepy',
    'Gave to the victim-services fund today. Every dollar matters.',
    'Fell victim to the air fryer hype. No regrets.',
    'Crime victims can register for free notification about an offender’s custody status.',
    'Jury selection starts Monday for the guy who beat his girlfriend half to death.',
    'April is Sexual Assault Awareness Month. Believe survivors.',
    'MISSING: Evelyn Marsh, 82, last seen near Juniper Ct in a red coat. Call 911.',
    { text: 'We stand with Officer Jenna Kohl and her family. The man who assaulted her is in custody.', account: 'official', name: 'an officer named in the agency’s statement of support' },
    { text: 'According to the Courier, the woman robbed on 5th Ave is recovering.', name: 'reported news' },
    { text: 'Someone got scammed out of gift cards again. Call your grandparents.', name: 'no one could pick the victim out' },
  ],
  invalid: [
    { text: 'The woman assaulted downtown Friday is a cashier at the Albertsons on Euclid', errors: 1 },
    { text: "The boy hurt in Saturday's stabbing is the Pellerin kid from Lincoln Middle", errors: 1 },
    { text: 'Parole hearing for the Ybarra case is coming up. The victim’s sister Carla still lives on 4th St.', errors: 1 },
    { text: 'That inmate who writes letters to the girl he assaulted? She’s 16 now and goes to Mesquite Ridge High.', errors: 1 },
    { text: 'Sad call tonight: 79-year-old widower on Aspen Ct got scammed out of $40k.', errors: 1 },
    { text: 'Praying for Janelle R. tonight. She’s the one who testified against her stepdad.', errors: 1 },
    { text: 'Update: the victim, a 19-year-old college sophomore from Pine Hollow, is recovering.', account: 'official', errors: 1 },
    { text: 'The 14-year-old in the sleepover case is my neighbor’s granddaughter.', options: { sexualOffenceAnyDetail: true }, errors: 1 },
  ],
});
