// Custody vocabulary: who is held or arrested, where they are held, and the kinds of detail about
// them that policies call non-public (housing, release, discipline, visits, money, address, what
// they did). Compiled with `compileTerms`: whole words, any case, plain plurals; `*` = any ending.

/** Nouns for a person in custody or under supervision (not staff). */
export const CUSTODY_PEOPLE = [
  'inmate', 'offender', 'prisoner', 'convict', 'detainee', 'arrestee', 'parolee', 'probationer',
  'lifer', 'cellie', 'celly', 'cellmate', 'bunkie', 'trustee', 'trusty', 'frequent flyer', 'frequent flier',
  'I/M', 'inmate worker', 'work crew', 'road crew', 'youth offender', 'juvenile offender', 'my probationers',
  'one of my parolees', 'on my caseload', 'on probation', 'on parole', 'in custody', 'suspect', 'the defendant',
];

/** Places and statuses of custody: being here makes a named person someone held or supervised. */
export const CUSTODY_PLACES = [
  'cell', 'cellblock', 'cell block', 'bunk', 'pod', 'tier', 'cell house', 'dorm', 'seg', 'segregation', 'the hole', 'SHU',
  'solitary', 'restrictive housing', 'protective custody', 'gen pop', 'general population', 'intake', 'R&R',
  'infirmary', 'med line', 'pill line', 'sick call', 'chow hall', 'commissary', 'visiting room', 'visitation',
  'rec yard', 'on the yard', 'detention center', 'detention', 'county jail', 'jail', 'lockup', 'holding cell',
  'booking photo', 'drunk tank', 'suicide watch', 'on watch', 'supermax', 'death row', 'halfway house',
  'pre-release', 'prerelease', 'work release', 'vocational program', 'reentry program', 'GED program', 'in county',
  'back in county', 'locked up', 'behind bars', 'doing time', 'serving time', 'his sentence', 'her sentence',
];

/** Housing written with a number or letter: "cell 14", "Bed 22", "H unit", "4 East", "2 South", "top tier", "moved to seg". */
export const HOUSING_PATTERN = new RegExp(
  [
    // "cell 14", "Bed 22", "pod C", "unit 3B" (the label is digits or one capital letter, so "side for" is not housing)
    String.raw`\b(?:[Cc]ell|[Bb]unk|[Bb]ed|[Pp]od|[Tt]ier|[Bb]lock|[Dd]orm|[Uu]nit|[Ww]ing|[Rr]ange|[Hh]ousing unit)\s*#?\s*(?:\d{1,3}[A-Z]?|[A-Z]\d?)\b`,
    // "H unit", "B-pod", "C block", "2 South", "4 East" (not a street: "4 East Main St")
    String.raw`\b(?:[A-Z]|\d{1,2})[- ]?(?:[Uu]nit|[Pp]od|[Bb]lock|[Ww]ing|[Dd]orm|[Tt]ier|[Hh]ouse|[Ss]ide|[Rr]un)\b`,
    String.raw`\b\d{1,2}\s?(?:North|South|East|West|[NSEW])\b(?!\s+(?:[Ss]t|[Ss]treet|[Aa]ve|[Aa]venue|[Rr]d|[Rr]oad|[Ll]n|[Dd]r|[Cc]t|[Bb]lvd|[A-Z][a-z]+ (?:St|Street|Ave|Rd|Ln|Dr|Ct)|\d))`,
    String.raw`\b(?:[Tt]op|[Bb]ottom|[Uu]pper|[Ll]ower) (?:tier|bunk|range)\b`,
    String.raw`\b(?:moved|transferred|sent|shipped|went|going|back|locked) (?:to|into|in) (?:seg|segregation|the hole|SHU|solitary|max|medical|the infirmary|PC|protective custody|another (?:unit|facility|yard))\b`,
    String.raw`\b(?:transfer(?:red|ring)?|shipped) (?:to|from|out)\b`,
  ].join('|'),
);

/** Release, parole and transfer timing. */
export const RELEASE_TERMS = [
  'release date', 'released', 'releases', 'getting out', 'gets out', 'get out', 'paroling', 'paroles out', 'paroled', 'parole date',
  'parole hearing', 'up for parole', 'parole board', 'discharge date', 'discharges', 'maxes out', 'maxing out', 'max out date',
  'going home on', 'goes home', 'sentence modification', 'sentence reduction', 'commutation', 'transfer date', 'transferring',
  'transferred', 'clemency', 'walks out', 'kicked loose', 'bonded out', 'bailed out', 'made bail', 'out on bond',
];

/** Discipline and conduct inside or during an arrest. */
export const CONDUCT_TERMS = [
  'write-up', 'written up', 'wrote him up', 'wrote her up', 'misconduct', 'infraction', 'disciplinary', 'sanction*',
  'lost his visits', 'lost her visits', 'lost visits', 'lost his phone', 'lost commissary', 'lost privileges', 'lost his privileges',
  'keeps trying', 'keeps writing', 'keeps asking', 'keeps calling', 'keeps throwing', 'keeps flashing', 'throws', 'threw', 'throwing',
  'spit', 'spits', 'spitting', 'gassed', 'gassing', 'flash', 'flashing', 'exposed himself', 'jumped', 'fight', 'fighting',
  'assaulted', 'attacked', 'bragging', 'brags', 'bragged', 'acting up', 'refusing', 'refused', 'hunger strike', 'caught with',
  'swung on', 'resisted', 'resisting', 'argued', 'argue', 'arguing', 'cussed', 'tried to hide', 'tried to run', 'ran from',
  'hid in', 'hiding in', 'puked', 'peed', 'pissed', 'cup of piss', 'crying', 'cried', 'begging', 'threatened',
];

/** Visits, family, money and mail. */
export const VISITS_FAMILY_MONEY_TERMS = [
  'visits', 'visit', 'visited', 'visitor', 'visitors', 'visitation', 'his mom', 'his mama', 'his mother', 'his dad', 'his father',
  'his daughter', 'his son', 'his kids', 'his wife', 'his girlfriend', 'his baby mama', 'his family', 'his brother', 'his sister',
  'her mom', 'her mother', 'her kids', 'her husband', 'her boyfriend', 'her family', 'commissary', 'on his books', 'on her books',
  'money on his books', 'canteen', 'phone calls', 'letters', 'mail', 'his lawyer',
];

/** Where someone lives or stays. */
export const ADDRESS_PATTERN =
  /\b(?:(?:staying|living|lives|stays|paroling|moving|moved in) (?:with|at|on|in|to)\b|\d{1,5} [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:St|Street|Ave|Avenue|Rd|Road|Ln|Lane|Dr|Drive|Ct|Court|Blvd|Way|Pl|Place|Loop|Cir|Circle|Trl|Trail|Hwy)\b|(?:house|place|trailer|apartment|apt) (?:on|at) [A-Z][a-z]+|(?:on|off) [A-Z][a-z]+ (?:St|Street|Ave|Avenue|Rd|Road|Ln|Lane|Dr|Drive|Ct|Court|Blvd|Way|Loop)\b)/;

/** What the person did: crimes and arrests. */
export const CRIME_TERMS = [
  'killed', 'murdered', 'robbed', 'raped', 'molested', 'shot', 'stabbed', 'burned down', 'beat', 'stole', 'assaulted', 'attacked',
  'carjacked', 'kidnapped', 'in for', 'locked up for', 'doing time for', 'convicted of', 'charged with', 'arrested for',
  'picked up for', 'picked up on', 'booked for', 'booked on', 'DUI', 'DWI', 'hot checks', 'meth', 'dope', 'fentanyl',
  'on a warrant', 'warrant', 'failed his UA', 'failed a UA', 'dirty UA',
];

/**
 * The writer's own arrest, stop or booking: the detail was learned on duty ("we picked him up",
 * "booked this clown", "found him in 4 minutes", "argued with me over a ticket").
 */
export const DUTY_SOURCE_PATTERN =
  /\b(?:(?:i|we) (?:just |finally )?(?:arrested|booked|picked (?:him|her|them) up|picked up|pulled (?:him|her|them) over|stopped|cited|ticketed|cuffed|transported|found (?:him|her|them)|caught (?:him|her|them)|tased|chased|ran (?:him|her|his plates?)|took (?:him|her) (?:in|to jail))|booked (?:this|that|him|her)|found (?:him|her) in|argued with me|swung on me|(?:my|our) (?:call|stop|arrest|traffic stop|shift|booking)|on (?:a|my) (?:call|stop)|when we picked|after we picked|dispatch|ticket|citation|mugshot|booking photo|in county|released from (?:the )?(?:detention|jail|county))/i;
