// ESLint-style RuleTester: `valid` cases must produce no report, `invalid` cases exactly the listed
// ones; the rule's own `meta.examples` run too (flagged → at least one report, fine → none).
import { describe, expect, it } from 'vitest';
import type { AnyRule, RuleExample, RuleProfile } from '../../rules/engine/define-rule';
import { runRule, type RawReport } from '../../rules/engine/lint';
import { PostText } from '../../rules/engine/post-text';
import type { CategoryId, PostInput } from '../../rules/engine/types';

export type TestCase = Exclude<RuleExample, string> & { name?: string };
export type InvalidCase = TestCase & {
  /** The number of reports, or the reports in order (each field optional). */
  errors: number | { messageId?: string; excerpt?: string; image?: number }[];
};

const MIN_SCORE = 0.5;

export function testProfile(rule: AnyRule, overrides: Partial<RuleProfile> = {}): RuleProfile {
  const active = new Set<CategoryId>([rule.id, ...(overrides.activeCategories ?? [])]);
  return {
    id: 'test',
    agency: 'Test Department of Corrections',
    agencyKind: 'corrections',
    terms: {},
    facilities: [],
    dutyHours: null,
    referenceImages: [],
    ...overrides,
    activeCategories: active,
  };
}

/** Run a rule over one case and return the reports that clear the engine's score threshold. */
export function reportsFor(rule: AnyRule, example: RuleExample): RawReport[] {
  const c: TestCase = typeof example === 'string' ? { text: example } : example;
  const input: PostInput = {
    text: c.text,
    account: c.account ?? 'personal',
    ...(c.images ? { images: c.images } : {}),
    ...(c.context ? { context: c.context } : {}),
    ...(c.facilities ? { facilities: c.facilities } : {}),
  };
  const profile = testProfile(rule, c.profile);
  const text = new PostText(c.text);
  const evidence = () => [
    { parsed: text },
    ...(c.images ?? []).map((image, i) => ({
      parsed: new PostText([image.description, image.keywords?.join(', '), image.filename].filter(Boolean).join('. ')),
      image: i,
    })),
  ];
  const reports = runRule(rule, input, { text, options: { ...rule.meta.defaultOptions, ...(c.options ?? {}) }, profile, evidence });
  for (const r of reports) {
    expect(r.why, `unfilled placeholder in message of ${r.messageId}`).not.toMatch(/\{\{/);
    if (r.span && r.image === undefined) {
      expect(r.span.text, 'span text must equal the text at its offsets').toBe(c.text.slice(r.span.start, r.span.end));
    }
  }
  return reports.filter((r) => (r.score ?? 1) >= MIN_SCORE);
}

function label(c: TestCase | string): string {
  const t = typeof c === 'string' ? c : (c.name ?? c.note ?? c.text);
  return t.length > 90 ? `${t.slice(0, 87)}…` : t;
}

export class RuleTester {
  run(rule: AnyRule, tests: { valid: (string | TestCase)[]; invalid: InvalidCase[] }): void {
    describe(rule.id, () => {
      describe('valid', () => {
        for (const c of tests.valid) {
          it(label(c), () => {
            const reports = reportsFor(rule, c);
            expect(reports.map((r) => `${r.messageId}: ${r.why} [${r.span?.text ?? ''}]`)).toEqual([]);
          });
        }
      });
      describe('invalid', () => {
        for (const c of tests.invalid) {
          it(label(c), () => {
            const reports = reportsFor(rule, c);
            if (typeof c.errors === 'number') {
              expect(reports.length, reports.map((r) => r.why).join(' | ')).toBe(c.errors);
              return;
            }
            expect(reports.length, `reports: ${reports.map((r) => `${r.messageId} [${r.span?.text ?? ''}]`).join(' | ')}`).toBe(c.errors.length);
            c.errors.forEach((want, i) => {
              const got = reports[i]!;
              if (want.messageId !== undefined) expect(got.messageId).toBe(want.messageId);
              if (want.excerpt !== undefined) expect(got.span?.text).toBe(want.excerpt);
              if (want.image !== undefined) expect(got.image).toBe(want.image);
            });
          });
        }
      });
      describe('meta.examples', () => {
        it('has at least one flagged and one fine example', () => {
          expect(rule.meta.examples.flagged.length).toBeGreaterThan(0);
          expect(rule.meta.examples.fine.length).toBeGreaterThan(0);
        });
        for (const example of rule.meta.examples.flagged) {
          it(`flags: ${label(example)}`, () => expect(reportsFor(rule, example).length).toBeGreaterThan(0));
        }
        for (const example of rule.meta.examples.fine) {
          it(`passes: ${label(example)}`, () => expect(reportsFor(rule, example).map((r) => r.why)).toEqual([]));
        }
      });
      it('uses every messageId it declares in its tests or examples', () => {
        const used = new Set<string>();
        for (const c of [...tests.invalid, ...rule.meta.examples.flagged]) for (const r of reportsFor(rule, c)) used.add(r.messageId);
        expect([...Object.keys(rule.meta.messages)].filter((id) => !used.has(id))).toEqual([]);
      });
    });
  }
}
