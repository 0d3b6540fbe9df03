// Linting after edits (parse cache warm, as while typing) must give exactly what a fresh lint of the
// same text gives (cache cleared).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILE_IDS, builtinProfile, lintPost } from '../../rules/api';
import { clearParseCache, PostText } from '../../rules/engine/post-text';
import { readShared } from '../support/shared';

const drafts = readShared('corpus/dev.jsonl').trim().split('\n').map((l) => JSON.parse(l).text as string);
const base = drafts.slice(0, 12).join('\n\n') + ' ' + drafts.slice(12, 24).join(' ');

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('insert', 'delete', 'newline'), char: fc.constantFrom('e', ' ', '.', 'X', '7', '’') });

function apply(text: string, e: { at: number; kind: string; char: string }): string {
  const at = Math.floor(e.at * text.length);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + (e.kind === 'newline' ? '\n' : e.char) + text.slice(at);
}

function snapshot(post: PostText) {
  return {
    tokens: post.tokens.map((t) => [t.start, t.end, t.normal, [...t.tags].sort().join(','), t.sentence]),
    sentences: post.sentences.map((s) => [s.start, s.end, s.negated, s.question, s.hypothetical, s.reported]),
    people: post.people(),
    finds: post.find(/\b[A-Z][a-z]+ #?\d{4,8}\b/),
    matches: post.match('#Person+ (is|was) #Adjective'),
  };
}

describe('incremental parsing', () => {
  it('gives the same tokens, sentences and matches after random edits as a fresh parse', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let text = base;
        new PostText(text);
        for (const e of edits) {
          text = apply(text, e);
          const warm = snapshot(new PostText(text));
          clearParseCache();
          expect(snapshot(new PostText(text))).toEqual(warm);
        }
      }),
      { numRuns: 12 },
    );
  }, 180_000);

  it('gives the same findings after random edits as a fresh lint, for every built-in profile', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.constantFrom(...BUILTIN_PROFILE_IDS), fc.constantFrom('personal', 'official'), (edits, profileId, account) => {
        const profile = builtinProfile(profileId);
        let text = base;
        lintPost({ text, account }, profile);
        for (const e of edits) {
          text = apply(text, e);
          const warm = lintPost({ text, account, context: { onDuty: true } }, profile);
          clearParseCache();
          expect(lintPost({ text, account, context: { onDuty: true } }, profile)).toEqual(warm);
        }
      }),
      { numRuns: 10 },
    );
  }, 180_000);
});
