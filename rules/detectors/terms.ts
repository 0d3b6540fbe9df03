// Term lexicons compiled once into a single case-insensitive regular expression each, so a rule
// checks a whole vocabulary in one pass over the text.
import type { PostText, Span } from '../engine/post-text';

const compiled = new Map<string, RegExp>();

function escapeTerm(term: string): string {
  return term
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    // Any run of spaces or hyphens in a term matches any run of spaces or hyphens in the text.
    .replace(/(?:\\-|\s)+/g, '[\\s\\-]+');
}

/**
 * One regex for a list of terms: whole words only (letters/digits never continue either side),
 * case-insensitive, longest alternatives first. A term ending in `*` also matches any word ending
 * ("lockdown*" → "lockdowns"); otherwise a plain "s"/"es" plural is allowed.
 */
export function compileTerms(terms: readonly string[]): RegExp {
  const key = terms.join('\u0000');
  let re = compiled.get(key);
  if (!re) {
    const alternatives = [...new Set(terms.map((t) => t.trim()).filter(Boolean))]
      .sort((a, b) => b.length - a.length)
      .map((t) => (t.endsWith('*') ? `${escapeTerm(t.slice(0, -1))}[\\p{L}\\p{N}]*` : `${escapeTerm(t)}(?:e?s)?`));
    re = alternatives.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : /(?!)/gu;
    compiled.set(key, re);
  }
  return re;
}

/** Every occurrence of any of the terms in the post. */
export function findTerms(post: PostText, terms: readonly string[]): Span[] {
  return post.find(compileTerms(terms)).map(({ start, end, text }) => ({ start, end, text }));
}

/** Whether any of the terms occurs in a plain string. */
export function hasTerm(text: string, terms: readonly string[]): boolean {
  const re = compileTerms(terms);
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

/** A built-in lexicon plus the profile's additions for that lexicon name. */
export function withProfileTerms(builtIn: readonly string[], profileTerms: Record<string, string[]>, name: string): readonly string[] {
  const extra = profileTerms[name];
  return extra && extra.length ? [...builtIn, ...extra] : builtIn;
}

/** Every lexicon compiled so far (the regex-safety test checks each one). */
export function compiledLexicons(): RegExp[] {
  return [...compiled.values()];
}
