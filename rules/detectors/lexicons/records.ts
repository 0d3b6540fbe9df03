// Criminal-history vocabulary: a person's non-public record (sealed, expunged, juvenile, dismissed
// or unfiled matters, priors, warrants, counts of re-arrest) and looking someone up in work systems.

/** Words that by themselves name a non-public record (sealed, expunged, juvenile, dismissed, priors, warrants). */
export const RECORD_TERMS = [
  'expunged', 'expungement', 'juvie', 'juvie file', 'juvie record', 'juvenile record', 'juvenile file', 'sealed record*',
  'sealed file', 'sealed juvenile', 'record is sealed', 'records are sealed', 'file is sealed', "it's sealed", 'was sealed',
  'charges dropped', 'charge was dropped', 'never charged', 'never filed', 'no-billed', 'nolle prossed', 'deferred for',
  'deferred sentence', 'deferred adjudication', 'deferred prosecution', 'pretrial diversion', 'priors', 'prior arrest*',
  'prior conviction*', 'prior record', 'prior charges', 'prior felon*', 'rap sheet', 'criminal record', 'criminal history',
  'has a record', "he's got a record", "she's got a record", 'got a record', 'felony record', 'arrest record', 'old warrant*',
  'outstanding warrant*', 'active warrant*', 'open warrant*', 'bench warrant*', 'warrants out', 'did time', 'did a stint',
  'served time', 'prison stint', 'been to prison', 'been in prison', 'done time', 'ex-con', 'convicted felon', 'registered sex offender',
  'on the registry', 'never made it to court', 'record check',
];

/** Dismissed or dropped charges, and prison terms: "an assault charge that got dismissed", "did 6 years in Lansing". */
export const RECORD_PATTERN =
  /\b(?:(?:charges?|case|counts?|complaint)\b[^.!?]{0,30}\b(?:dismissed|dropped|thrown out|pled down)|dismissed\s+(?:\w+\s+){0,2}charges?|(?:did|served|doing|pulled)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a couple|a few)\s+(?:years?|months?)\s+(?:in|at|for|upstate|federal|fed)|(?:two|three|four|five|\d+)\s+(?:old\s+)?warrants)\b/i;

/** Looking a person up in a work system (NCIC, OSBI, the offender system, "ran him"). */
export const LOOKUP_PATTERN =
  /\b(?:looked (?:him|her|them|it|[A-Z][a-z]+) up|look(?:ed|ing)? up (?:the|my|our|his|her|that|this)\b|ran (?:him|her|them|his name|her name|his plates?|her plates?)|run (?:him|her|his name)|pulled up (?:the|my|our|his|her|that|this|[A-Z][a-z]+)|pulled (?:his|her) (?:file|record|sheet|history)|checked (?:him|her|them|the [a-z ]{2,30}?) (?:in|on|against|through) (?:our|the) (?:system|database|computer)|in (?:our|the) system|NCIC|OSBI|CJIS|triple I|III check|background (?:check|search) on|I'?ve (?:seen|read) (?:the|his|her) (?:file|record|jacket)|(?:it's|its) not public|not public but)\b/i;

/** A count of re-arrests or re-admissions: "third time this year", "back for the 4th time". */
export const REPEAT_COUNT_PATTERN =
  /\b(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+time\s+(?:this|since|in)\b|\d+\s+times\s+(?:this|since|in)\b|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\s+(?:prior\s+)?(?:arrests|bookings|convictions|charges|DUIs|stints))/i;

/** Arrest, booking or re-admission words that make a repeat count a record ("came back through intake"). */
export const ARREST_CONTEXT_PATTERN =
  /\b(?:arrest\w*|book(?:ed|ing)|picked (?:him|her|them)? ?up|came back|back in|back through|intake|locked up|in county|jail|warrant|came to us|rebooked|violat\w+|revoked)\b/i;

/** An earlier crime with a year: "a 2011 larceny", "1998 DUI". */
export const DATED_OFFENCE_PATTERN =
  /\b(?:(?:19|20)\d\d|'\d\d)\s+(?:DUI|DWI|larceny|theft|burglary|robbery|assault|battery|possession|drug charge|domestic|felony|misdemeanor|arrest|conviction|charge|warrant|forgery|fraud|shoplifting|stalking|harassment)\b/i;
