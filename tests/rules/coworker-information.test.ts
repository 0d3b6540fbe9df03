import rule from '../../rules/coworker-information';
import { RuleTester } from '../support/rule-tester';

const ct = { facts: ['health', 'leave', 'discipline', 'record', 'family', 'address', 'identifiers', 'sex-rumour'], contractors: true };
const helena = { facts: ['health', 'leave', 'discipline', 'record', 'family', 'address', 'identifiers', 'sex-rumour', 'assignment', 'incident-role', 'undercover'], photos: true };

new RuleTester().run(rule, {
  valid: [
    'Coach Bryant got fired after the season, about time',
    { text: 'Officer Reyes gave a great talk at the school today, kids loved her', options: helena, name: 'praise is not information' },
    'Sgt. Moro runs the worst briefings',
    'Captain Delacroix is a spineless sack of sh*t and every officer on nights knows it.',
    'Proud of my team this quarter. Long hours, good people, real results.',
    'Deputy Warden Ransford has been skimming from the canteen fund for years. Ask anyone.',
    'First day back from leave and they gave me the best view on the compound',
    'IA pulled my whole shift today over the missing cash. I didn’t take it.',
    { text: 'Officer Dana Pruitt’s divorce is final', name: 'ok-doc reading: family matters are not in IV.C.4' },
    { text: 'The volunteer chaplain has two old DUIs on his record', name: 'ok-doc: a volunteer is not a coworker' },
    { text: 'Lieutenant Sosa in those uniform pants 🔥', options: ct, name: 'a remark, not a rumour' },
    { text: 'Went undercover as a Packers fan at my in-laws’ Bears party', options: helena },
    { text: 'Finally shaved the UC beard. 18 months on the task force and my own mom didn’t recognize me', options: helena, name: 'the writer’s own cover' },
    { text: 'Squad dinner 🍝 (posted with permission)', images: [{ description: 'Six officers around a restaurant table, faces visible' }], options: helena },
    { text: 'Qual day ✅', images: [{ description: 'Paper target held up at an outdoor range, other shooters in the background' }], options: helena },
  ],
  invalid: [
    { text: 'Officer Grant’s wife left him for the mailman, he is a wreck', options: ct, errors: 1 },
    { text: 'Officer Lyle is back from rehab Monday, go easy on him', errors: 2 },
    { text: 'Got interviewed by IA today. They’re looking hard at Lt. Okafor over the missing property.', errors: [{ messageId: 'fact', excerpt: 'IA' }] },
    { text: 'New hire on 2nd shift has a 2011 larceny out of Texas', errors: 1 },
    { text: "Officer Tremblay's wife kicked him out, he's sleeping in the locker room", options: ct, errors: [{ messageId: 'fact' }] },
    { text: 'Lt. Ferreira lives at 14 Birchwood Ln, in case anybody wants to stop by', options: ct, errors: [{ messageId: 'fact', excerpt: 'lives at' }] },
    { text: 'The kitchen supervisor and the food service guy were going at it in the walk-in again', options: ct, errors: 1 },
    { text: 'Happy birthday to the best partner a guy could ask for, Officer Mike Tran. Ten years riding together!', options: helena, errors: [{ messageId: 'fact', excerpt: 'best partner' }] },
    { text: 'Spotted our guy in the Bolt jacket working the pawn-shop sting', options: helena, errors: [{ messageId: 'undercover' }] },
    { text: 'Narcotics just brought in a new UC. Blonde, mid-30s, drives a green Subaru.', options: helena, errors: [{ messageId: 'undercover' }] },
    { text: 'SIU family BBQ 🍔 love these guys', images: [{ description: 'Eight men and women around a grill, faces visible' }], options: helena, errors: [{ messageId: 'photo', image: 0 }] },
  ],
});
