import { describe, expect, it } from 'vitest';
import { compileTerms, findTerms, hasTerm, withProfileTerms } from '../../rules/detectors/terms';
import { PostText } from '../../rules/engine/post-text';

describe('term lexicons', () => {
  const lexicon = ['count time', 'key control', 'shakedown', 'lockdown*', 'C.O.'];

  it('matches whole words, any case, with plurals and flexible spacing or hyphens', () => {
    const hits = findTerms(new PostText('Count  time moved; KEY-CONTROL logs and two shakedowns during lockdowns by a C.O.'), lexicon);
    expect(hits.map((h) => h.text)).toEqual(['Count  time', 'KEY-CONTROL', 'shakedowns', 'lockdowns', 'C.O.']);
  });

  it('does not match inside other words', () => {
    expect(hasTerm('the discount timer', lexicon)).toBe(false);
    expect(hasTerm('shakedownery', ['shakedown'])).toBe(false);
  });

  it('compiles each list once and tolerates an empty list', () => {
    expect(compileTerms(lexicon)).toBe(compileTerms([...lexicon]));
    expect(hasTerm('anything', [])).toBe(false);
  });

  it('adds a profile’s own terms to a built-in lexicon', () => {
    const merged = withProfileTerms(['count time'], { security: ['Operation Bluebird'] }, 'security');
    expect(hasTerm('Operation Bluebird starts', merged)).toBe(true);
    expect(withProfileTerms(['a1'], {}, 'security')).toEqual(['a1']);
  });
});
