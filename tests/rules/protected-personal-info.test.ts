import rule from '../../rules/protected-personal-info';
import { RuleTester } from '../support/rule-tester';

new RuleTester().run(rule, {
  valid: [
    'My card ending in 4417 got skimmed at the pump on Route 9.',
    'Last four of my social are 2210, which the bank already has.',
    'Lost cat! Call or text 405-555-0142 any time.',
    'Tracking number 1Z999AA10123456784 says delivered. Porch says otherwise.',
    'Claim #884213390 is STILL pending with the insurance company.',
    'Powerball numbers: 4-11-23-38-41, power ball 9. Retirement fund.',
    'Never give your social security number to anyone who calls you first.',
    { text: 'Ordered 3 pizzas for 14 people, the math did not math', name: 'small numbers' },
    { text: 'Account manager Jenna Vale says the new phone plan saves us money', name: 'account as a job title, no number' },
    { text: 'Gregory Faulk passed his driving test today! Proud uncle.', name: 'licence mentioned without a number' },
    { text: 'Found a Visa 4539 1488 0343 6467 in the lot, it’s at the front desk', name: 'card number alone, no code or PIN' },
    { text: 'Inmate R. Quillan #4471093 keeps sending me drawings', name: 'name + DOC number is not PPI by default' },
    { text: 'Routing 011000015 is on every check from that bank', name: 'a routing number is public' },
  ],
  invalid: [
    { text: 'Can someone tell me why HR emailed my SSN 509-38-4471 to the whole unit?', errors: [{ messageId: 'ssn', excerpt: '509-38-4471' }] },
    { text: 'his social is 912 44 0193 and he wants me to file for him', errors: [{ messageId: 'ssn' }], name: 'invalid 9xx area still fires when called an SSN' },
    { text: 'SSN: 078-05-1120 lol the famous wallet one', errors: [{ messageId: 'ssn' }], name: 'famous sample number called an SSN' },
    { text: 'Paperwork for Dana Whitlock, 531-22-8047, got left on the copier', errors: [{ messageId: 'ssn' }], name: 'valid bare 3-2-4 beside a name' },
    { text: 'Found a wallet by the feed store. Rosa M. Delgado, DL D12345678. DM me.', errors: [{ messageId: 'nameWithNumber' }] },
    { text: 'Tribal ID for Joseph Redcloud is 4471-22, he left it at the desk', errors: [{ messageId: 'nameWithNumber' }] },
    { text: 'Pay stub for Kyle Benning shows checking account 004471223958 right on it', errors: [{ messageId: 'nameWithNumber' }] },
    { text: 'Lisa Harmon’s EIN 27-1234567 is printed on every invoice she sends', errors: [{ messageId: 'nameWithNumber' }] },
    { text: 'New card! 2223 0031 2200 3222, cvv 512. Don’t steal it 😂', errors: [{ messageId: 'cardWithSecret' }], name: 'Mastercard 2-series with CVV' },
    { text: 'Amex 3782 822463 10005 and the PIN is 4471, pls buy me tacos', errors: [{ messageId: 'cardWithSecret' }] },
    { text: 'Mail for inmate R. Quillan #4471093 keeps landing on my desk', options: { offenderNameWithDocNumber: true }, errors: [{ messageId: 'offenderDocNumber' }] },
    {
      text: 'Sneak peek at the new records screen!',
      account: 'official',
      images: [{ filename: 'screen.png', description: 'Customer record showing name Dale R. Hutchins and SSN 516-44-0873' }],
      errors: [{ messageId: 'ssn', image: 0 }],
    },
    {
      text: 'First license at 16!!',
      images: [{ filename: 'IMG_1.JPG', description: "Photo of a driver's license with the name, address and license number readable" }],
      errors: [{ messageId: 'imageDocument', image: 0 }],
    },
  ],
});
