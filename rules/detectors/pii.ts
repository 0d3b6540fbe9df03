// Personal identifiers in the manner of Microsoft Presidio: a pattern, context words, and a
// validator. Presidio's own regexes are not copied (they accept 900-series SSNs and miss Mastercard
// 2-series; ../shared/research/detection.md § 4). Each match says which signal made it count, so a
// finding can explain itself without repeating the number.
import creditCardType from 'credit-card-type';
import type { PostText, Span } from '../engine/post-text';

export type PiiKind =
  | 'ssn'
  | 'card'
  | 'card-secret'
  | 'aba-routing'
  | 'bank-account'
  | 'drivers-licence'
  | 'state-id'
  | 'tribal-id'
  | 'tax-id'
  | 'doc-number';

export interface PiiMatch extends Span {
  kind: PiiKind;
  /** Passes the format's own rules (SSA ranges, Luhn + brand, ABA checksum, IRS prefixes). */
  valid: boolean;
  /** The context word that made the number count, as written ("social", "DL", "acct"); absent when none. */
  context?: string;
  /** Card brand (credit-card-type's niceType), for cards. */
  brand?: string;
  /** The signal in words, without the number: "an SSN-shaped number next to the word 'social'". */
  why: string;
}

// ---------------------------------------------------------------------------------------------
// Validators (pure, on digit strings)

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** SSA rules: area 001–899 except 666, group 01–99, serial 0001–9999; not a famous sample or advertising number. */
export function isValidSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return false;
  if (/^(\d)\1{8}$/.test(digits)) return false;
  // Woolworth's wallet card, the 1940s Social Security card sample, "123-45-6789", and the 987-65-4320…4329 range reserved for advertising.
  return !['078051120', '219099999', '123456789'].includes(digits) && !/^98765432\d$/.test(digits);
}

/** Luhn (mod 10) checksum. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Brands issued in the US with an exact length list; Maestro, Elo, Hiper and similar prefixes cover
// so much of the number space that a match there says little.
const CARD_BRANDS = new Set(['visa', 'mastercard', 'american-express', 'discover', 'jcb', 'diners-club', 'unionpay']);

/** The card brand whose prefix and length fit the number, or undefined. */
export function cardBrand(digits: string): string | undefined {
  for (const brand of creditCardType(digits)) {
    if (CARD_BRANDS.has(brand.type) && brand.lengths.includes(digits.length)) return brand.niceType;
  }
  return undefined;
}

/** A payment card number: 13–19 digits, a known brand's prefix and length, and Luhn. */
export function isValidCard(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) && cardBrand(digits) !== undefined;
}

/** ABA routing number: Federal Reserve prefix (00–12, 21–32, 61–72, 80) and the 3-7-1 checksum. */
export function isValidAba(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const prefix = Number(digits.slice(0, 2));
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * w[i % 3]!;
  return sum % 10 === 0;
}

// IRS campus prefixes in use for EINs (detection.md § 4).
const EIN_PREFIXES = new Set(
  '01 02 03 04 05 06 10 11 12 13 14 15 16 20 21 22 23 24 25 26 27 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 71 72 73 74 75 76 77 80 81 82 83 84 85 86 87 88 90 91 92 93 94 95 98 99'.split(' '),
);

export function isValidEin(digits: string): boolean {
  return /^\d{9}$/.test(digits) && EIN_PREFIXES.has(digits.slice(0, 2));
}

/** ITIN: 9XX, middle group 50–65, 70–88, 90–92 or 94–99. */
export function isValidItin(digits: string): boolean {
  return /^9\d{2}(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])\d{4}$/.test(digits);
}

// ---------------------------------------------------------------------------------------------
// Context windows

/** The text of up to `words` words before `index` (whole words, any punctuation kept). */
function before(text: string, index: number, words: number): string {
  const slice = text.slice(Math.max(0, index - 24 * words), index);
  const m = new RegExp(`(?:[^\\s]+\\s*){0,${words}}$`).exec(slice);
  return m ? m[0] : '';
}

/** The text of up to `words` words after `index`. */
function after(text: string, index: number, words: number): string {
  const slice = text.slice(index, index + 24 * words);
  const m = new RegExp(`^(?:\\s*[^\\s]+){0,${words}}`).exec(slice);
  return m ? m[0] : '';
}

function lastMatch(re: RegExp, text: string): string | undefined {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let found: string | undefined;
  for (let m = global.exec(text); m; m = global.exec(text)) found = m[0];
  return found;
}

const SSN_WORDS = /\b(?:ssns?|ss ?#|ss ?no\.?|soc\.? ?sec\.?(?: ?(?:no|number|#))?|social(?! (?:media|worker|work|club|hour|studies|services|event|life|circle|skills|distanc\w*|anxiety|butterfly|security (?:office|administration|check|benefits?|disability|payments?)))(?: security)?(?: (?:number|no\.?|#|card))?)/i;
// Words that make a number something other than an identifier a clause names.
const OTHER_NUMBER_WORDS = /\b(?:phone|call|calls|text|txt|cell|fax|tel|mobile|tracking|track|package|order|claim|case|ticket|invoice|policy|confirmation|conf|ref|reference|member|lotto|lottery|powerball|mega ?millions|pick ?\d|zip|badge|serial|model|part|sku|upc|isbn|flight|room|unit|lot|vin|plate|pin|route|bus|jersey|score|odds|ext|extension|po box|receipt|transaction|check ?(?:#|no|number))\b/i;
const LAST_DIGITS = /\b(?:ending in|ends in|last (?:four|4|five|5)(?: digits)?(?: (?:of|are|is))?|xxx+|\*{3,})\s*[:#-]?\s*$/i;
const ID_WORDS = /\b(?:identity|identification|id|ids|date of birth|dob|born|birth ?date|name|names|record|records|file|profile|info)\b/i;

const CARD_SECRET = /\b(?:cvv2?|cvc2?|cid|csc|security code|sec(?:urity)? ?code|(?:3|three|4|four)[- ]digit code|code on (?:the )?back|verification (?:code|number)|access code|pin(?: number| code| #| no\.?)?|passcode|pass ?word|pw)\b/i;

const DL_WORDS = /\b(?:d\.?\s?l\.?(?:\s?(?:no\.?|number|#))?|dl#|driver'?s'? licen[cs]e|drivers? licen[cs]e|driving licen[cs]e|licen[cs]e (?:no\.?|number|#|says|reads|shows)|lic\.?\s?(?:no\.?|#)|lic#|c\.?d\.?l\.?|operator'?s licen[cs]e)/i;
const STATE_ID_WORDS = /\b(?:state (?:id|i\.d\.|identification)(?: card)?(?: (?:no\.?|number|#))?|(?:id|i\.d\.) (?:card|no\.?|number|#)|identification (?:card|number|no\.?)|real id|id#)/i;
const TRIBAL_WORDS = /\b(?:tribal (?:id|i\.d\.|card|enrollment|membership|roll)(?: (?:no\.?|number|#|card))?|enrollment (?:no\.?|number|#)|enrollment|cdib(?: card)?(?: (?:no\.?|number|#))?|roll (?:no\.?|number|#))/i;
const TAX_WORDS = /\b(?:e\.?i\.?n\.?|fein|itin|tin|tax ?id(?:entification)?(?: (?:no\.?|number|#))?|taxpayer (?:id|identification)(?: (?:no\.?|number))?|employer identification(?: (?:no\.?|number))?|federal tax (?:id|number))/i;
const ACCOUNT_WORDS = /\b(?:(?:bank|checking|savings|deposit|routing(?: and)?) )?(?:account|acct|acc|a\/c)\.?(?: ?(?:no\.?|num(?:ber)?|#))?|\bchecking\b|\bsavings\b|\bacct#/i;
const ROUTING_WORDS = /\b(?:aba|routing|rtn|transit)(?: ?(?:no\.?|num(?:ber)?|#))?/i;
const CUSTODY_NUMBER_WORDS = /\b(?:inmate|offender|prisoner|detainee|doc|odoc|ctdoc|ais|booking|book-in|conweb|resident|ward|cellie|number)\b/i;

// ---------------------------------------------------------------------------------------------
// Patterns (run over the folded text; offsets are the original's)

/** 3-2-4 with one consistent separator, or 9 bare digits. */
const SSN_SHAPE = /(?<![\w$/.-])(\d{3})([- .]?)(\d{2})\2(\d{4})(?![\w/]|[.-]\d)/g;
/** 13–19 digits, bare or in groups of four (Amex 4-6-5). */
const CARD_SHAPE = /(?<![\w$/.-])(?:\d{4}([ -])\d{4}\1\d{4}\1\d{4}|\d{4}([ -])\d{6}\2\d{5}|\d{4}([ -])\d{4}\3\d{4}\3\d{1,3}|\d{13,19})(?![\w/]|[.-]\d)/g;
/** A run of digits in groups (for accounts, licences, IDs): at least 4 digits, separators inside. */
const DIGIT_RUN = /(?<![\w$/.-])[A-Z]{0,2}\d(?:[ -]?\d){3,18}(?![\w/]|[.-]\d)/g;
/** An EIN as the IRS prints it. */
const EIN_SHAPE = /(?<![\w$/.-])\d{2}-\d{7}(?![\w/]|[.-]\d)/g;
/** A custody number: '#', 'No.', 'DOC #' and so on before 4–8 digits, or bare 5–8 digits. */
const DOC_SHAPE = /(?<![\w$/.-])(?:(?:(?:ODOC|DOC|AIS|inmate|offender|booking)\s?(?:#|no\.?|number)?\s?)|#\s?|no\.\s?)?\d{4,8}(?![\w/]|[.,-]\d)/gi;

function finish(m: { start: number; end: number; text: string }, props: Omit<PiiMatch, keyof Span>): PiiMatch {
  return { start: m.start, end: m.end, text: m.text, ...props };
}

function quoteWord(word: string): string {
  return `'${word.trim().replace(/\s+/g, ' ')}'`;
}

function overlaps(a: Span, list: readonly Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

const cache = new WeakMap<PostText, PiiMatch[]>();

/**
 * Every personal identifier in the text, each once, most specific reading first: an SSN the text
 * calls one, cards (with any security code), tax IDs, routing and account numbers, licences and
 * ID cards by their context word, then custody numbers. Numbers with no reading are left out.
 */
export function findPii(post: PostText): PiiMatch[] {
  const cached = cache.get(post);
  if (cached) return cached;
  const text = post.folded;
  const out: PiiMatch[] = [];
  const taken: Span[] = [];
  const add = (m: PiiMatch) => {
    out.push(m);
    taken.push(m);
  };

  // SSNs: any SSN-shaped number the text calls an SSN counts, valid or not; otherwise only valid,
  // separated numbers that nothing else explains (the rule decides whether a name or ID context is beside it).
  for (const m of post.find(SSN_SHAPE)) {
    const digits = digitsOf(m.text);
    const pre = before(text, m.start, 8);
    const post4 = after(text, m.end, 4);
    if (LAST_DIGITS.test(pre)) continue;
    const called = lastMatch(SSN_WORDS, pre) ?? SSN_WORDS.exec(post4)?.[0];
    const valid = isValidSsn(digits);
    if (called) {
      add(finish(m, { kind: 'ssn', valid, context: called, why: `an SSN-shaped number next to the word ${quoteWord(called)}${valid ? '' : ' (not a number the SSA would issue, but written as one)'}` }));
      continue;
    }
    const near = before(text, m.start, 4);
    if (TAX_WORDS.test(near) && isValidItin(digits)) {
      add(finish(m, { kind: 'tax-id', valid: true, context: TAX_WORDS.exec(near)![0], why: `an ITIN-shaped number next to ${quoteWord(TAX_WORDS.exec(near)![0])}` }));
      continue;
    }
    const separated = m.groups[1] !== '';
    if (!valid || OTHER_NUMBER_WORDS.test(near) || DL_WORDS.test(near) || STATE_ID_WORDS.test(near) || TAX_WORDS.test(near) || ACCOUNT_WORDS.test(near) || ROUTING_WORDS.test(near)) continue;
    const idWord = ID_WORDS.exec(pre)?.[0];
    add(finish(m, {
      kind: 'ssn',
      valid,
      ...(idWord ? { context: idWord } : {}),
      why: separated ? 'a number in the SSN format (3-2-4 digits) that passes the SSA validity rules' : 'a 9-digit number that passes the SSA validity rules',
    }));
  }

  // Payment cards and their security codes.
  for (const m of post.find(CARD_SHAPE)) {
    if (overlaps(m, taken)) continue;
    const digits = digitsOf(m.text);
    if (!isValidCard(digits)) continue;
    const pre = before(text, m.start, 4);
    if (LAST_DIGITS.test(pre) || /\b(?:tracking|order|claim|confirmation|invoice|serial)\b/i.test(pre)) continue;
    const brand = cardBrand(digits)!;
    add(finish(m, { kind: 'card', valid: true, brand, why: `a ${brand} card number (brand prefix and Luhn checksum match)` }));
  }
  const cards = out.filter((p) => p.kind === 'card');
  if (cards.length > 0) {
    // The secret word, a few connectors ("is", ":", "#"), then the value; the classes are disjoint so
    // the expression cannot backtrack over the connectors.
    const secret = new RegExp(String.raw`${CARD_SECRET.source}(?:[\s:=#-]|\b(?:is|was|of)\b){0,8}"?(\d{3,8}|[^\s,.;":=#-][^\s,.;"]{3,})`, 'gi');
    for (const m of post.find(secret)) {
      const near = cards.some((c) => Math.abs(c.start - m.end) < 160 && Math.abs(m.start - c.end) < 160);
      if (!near || overlaps(m, taken)) continue;
      const word = CARD_SECRET.exec(m.text)![0];
      const value = m.groups[0] ?? '';
      // A CVV is 3–4 digits; a PIN 4–8 digits; a password anything.
      if (/cvv|cvc|cid|csc|code|verification/i.test(word) && !/^\d{3,4}$/.test(value)) continue;
      if (/^pin/i.test(word) && !/^\d{4,8}$/.test(value)) continue;
      const label = /^pin/i.test(word) ? 'PIN' : /pass|pw/i.test(word) ? 'password' : /access/i.test(word) ? 'access code' : 'security code';
      add(finish(m, { kind: 'card-secret', valid: true, context: word, why: `the card's ${label} written next to it` }));
    }
  }

  // EINs by shape and context.
  for (const m of post.find(EIN_SHAPE)) {
    if (overlaps(m, taken)) continue;
    const word = lastMatch(TAX_WORDS, before(text, m.start, 5));
    if (!word) continue;
    add(finish(m, { kind: 'tax-id', valid: isValidEin(digitsOf(m.text)), context: word, why: `a tax ID number next to ${quoteWord(word)}` }));
  }

  // Digit runs explained by the word before them: routing, account, licence, ID card, tribal ID, tax ID.
  for (const m of post.find(DIGIT_RUN)) {
    if (overlaps(m, taken)) continue;
    const digits = digitsOf(m.text);
    const pre = before(text, m.start, 7);
    if (LAST_DIGITS.test(before(text, m.start, 5))) continue;
    const near = before(text, m.start, 3);
    const letters = /^[A-Z]/.test(m.text);
    const routing = lastMatch(ROUTING_WORDS, near);
    if (routing && !letters && isValidAba(digits)) {
      add(finish(m, { kind: 'aba-routing', valid: true, context: routing, why: `a routing number next to ${quoteWord(routing)} (ABA checksum matches)` }));
      continue;
    }
    const dl = lastMatch(DL_WORDS, pre);
    if (dl && digits.length >= 6 && digits.length <= 14) {
      const shape = licenceShape(m.text);
      add(finish(m, { kind: 'drivers-licence', valid: shape !== undefined, context: dl, why: `a licence number next to ${quoteWord(dl)}${shape ? ` (${shape} format)` : ''}` }));
      continue;
    }
    const tribal = lastMatch(TRIBAL_WORDS, pre);
    if (tribal && digits.length >= 3) {
      add(finish(m, { kind: 'tribal-id', valid: true, context: tribal, why: `a tribal ID number next to ${quoteWord(tribal)}` }));
      continue;
    }
    const stateId = lastMatch(STATE_ID_WORDS, pre);
    if (stateId && digits.length >= 6 && digits.length <= 14) {
      add(finish(m, { kind: 'state-id', valid: licenceShape(m.text) !== undefined, context: stateId, why: `an ID card number next to ${quoteWord(stateId)}` }));
      continue;
    }
    const tax = lastMatch(TAX_WORDS, near);
    if (tax && digits.length === 9 && !letters) {
      add(finish(m, { kind: 'tax-id', valid: isValidEin(digits) || isValidItin(digits), context: tax, why: `a tax ID number next to ${quoteWord(tax)}` }));
      continue;
    }
    const account = lastMatch(ACCOUNT_WORDS, near);
    const besideRouting = out.some((p) => p.kind === 'aba-routing' && Math.abs(p.end - m.start) < 40);
    if ((account || besideRouting) && !letters && digits.length >= 8 && digits.length <= 17 && !/\b(?:twitter|instagram|facebook|tiktok|x|email|e-mail|social|fake|new|my own|parody)\s+(?:account|acct)/i.test(near)) {
      const word = account ?? 'routing number';
      add(finish(m, { kind: 'bank-account', valid: true, context: word, why: `an account number next to ${quoteWord(word)}` }));
    }
  }

  // Custody numbers: a '#'/'DOC' number, or bare digits, near a custody word. Whether a name is
  // beside it is the rule's call (findPeople); here the number only needs to look like one.
  for (const m of post.find(DOC_SHAPE)) {
    if (overlaps(m, taken)) continue;
    const prefixed = /^(?:ODOC|DOC|AIS|inmate|offender|booking)/i.test(m.text);
    const hashed = /^(?:#|no\.)/i.test(m.text);
    const pre = before(text, m.start, 5);
    const pre2 = before(text, m.start, 2);
    if (OTHER_NUMBER_WORDS.test(pre2) || LAST_DIGITS.test(pre) || /\$\s*$/.test(pre2)) continue;
    const custody = prefixed ? m.text.match(/^[A-Za-z]+/)![0] : lastMatch(CUSTODY_NUMBER_WORDS, pre) ?? CUSTODY_NUMBER_WORDS.exec(after(text, m.end, 3))?.[0];
    if (!prefixed && !hashed && !custody) continue;
    const digits = digitsOf(m.text);
    if (!prefixed && !custody && digits.length < 4) continue;
    // Years and times are not custody numbers.
    if (!prefixed && !hashed && /^(?:19|20)\d\d$/.test(digits)) continue;
    add(finish(m, {
      kind: 'doc-number',
      valid: true,
      ...(custody ? { context: custody } : {}),
      why: custody ? `a custody number next to ${quoteWord(custody)}` : 'a #-number written like an inmate number',
    }));
  }

  out.sort((a, b) => a.start - b.start);
  cache.set(post, out);
  return out;
}

/** Which of the Montana, Oklahoma and Connecticut licence formats (NTSI table) a number fits, if any. */
export function licenceShape(raw: string): string | undefined {
  const compact = raw.replace(/[\s-]/g, '').toUpperCase();
  if (/^[A-Z]\d{8}$/.test(compact)) return 'Montana';
  if (/^[A-Z]\d{9}$/.test(compact)) return 'Oklahoma';
  if (/^\d{9}$/.test(compact)) return 'Montana, Oklahoma or Connecticut';
  if (/^\d{13,14}$/.test(compact)) return 'Montana';
  return undefined;
}
