// Random and hostile text never makes the engine throw, and lints in bounded time. The time limits
// are deliberately loose: they catch catastrophic (exponential) behaviour, not slowness.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILE_IDS, builtinProfile, lintPost } from '../../rules/api';
import type { ImageFacts, PostInput } from '../../rules/engine/types';
import { readShared } from '../support/shared';

const drafts = readShared('corpus/dev.jsonl').trim().split('\n').map((l) => JSON.parse(l).text as string).join('\n');

function checkResult(input: PostInput, profileId: string) {
  const result = lintPost(input, builtinProfile(profileId));
  for (const f of result.findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(input.text.length);
    expect(f.excerpt).toBe(input.text.slice(f.start, f.end));
  }
  return result;
}

const imageFacts: fc.Arbitrary<ImageFacts> = fc.record(
  {
    filename: fc.string({ maxLength: 80 }),
    description: fc.string({ unit: 'grapheme', maxLength: 300 }),
    keywords: fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }),
    gps: fc.record({ lat: fc.double({ noNaN: false }), lon: fc.double(), accuracyM: fc.double() }),
    takenAt: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
    make: fc.string(),
  },
  { requiredKeys: [] },
);

describe('engine fuzzing', () => {
  it('never throws on random Unicode posts, images and contexts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 1500 }),
        fc.constantFrom(...BUILTIN_PROFILE_IDS),
        fc.constantFrom('personal' as const, 'official' as const),
        fc.array(imageFacts, { maxLength: 3 }),
        fc.record({ onDuty: fc.boolean(), platform: fc.string(), approvedPlatforms: fc.array(fc.string()), postedAt: fc.string() }, { requiredKeys: [] }),
        (text, profileId, account, images, context) => {
          checkResult({ text, account, images, context }, profileId);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on text made of the characters rules look for', () => {
    const alphabet = fc.constantFrom(...'Sgt. Inmate #12345 ODOC @x 078-05-1120 \n\'"’“ (cell) guilty! not? if 4111 1111 1111 1111 f*ck s h i t 😂 \u200d \u202e'.split(' '));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }).map((w) => w.join(' ')), fc.constantFrom(...BUILTIN_PROFILE_IDS), (text, profileId) => {
        checkResult({ text, account: 'personal' }, profileId);
        checkResult({ text, account: 'official' }, profileId);
      }),
      { numRuns: 60 },
    );
  });

  const hostile: [string, string][] = [
    ['1 MB of real drafts', drafts.repeat(Math.ceil(1_000_000 / drafts.length)).slice(0, 1_000_000)],
    ['200 KB of distinct run-on prose', Array.from({ length: 3000 }, (_, i) => `count ${i} was late on yard ${i % 7} and nobody said why`).join(' ')],
    ['a 100,000-character word', 'a'.repeat(100_000)],
    ['pathological repetition of a name-like pattern', 'Sgt. '.repeat(20_000)],
    ['digits and separators', '1-2-3-4-'.repeat(20_000)],
    ['emoji, zero-width joiners and RTL marks', '👩‍👩‍👧‍👦\u200f\u202eabc\u200d'.repeat(20_000)],
    ['spaced letters', 'f u c k '.repeat(20_000)],
    ['unbalanced brackets and quotes', '(((("\'\'[[[{{'.repeat(20_000)],
    ['one very long line of capitalised words', 'Officer Dana Pruitt Inmate Rollins J.R. Ocasio '.repeat(5_000)],
  ];
  for (const [name, text] of hostile) {
    it(`lints ${name} without throwing, in bounded time`, () => {
      const started = performance.now();
      checkResult({ text, account: 'personal' }, 'helena-pd');
      expect(performance.now() - started).toBeLessThan(60_000);
    }, 120_000);
  }
});
