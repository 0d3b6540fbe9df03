import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinProfile, BUILTIN_PROFILE_IDS, RULES } from '../../rules/api';
import { clausesByCategory } from '../../rules/engine/lint';
import { isCategoryId } from '../../rules/engine/types';

const ruleDir = new URL('../../rules/', import.meta.url);
const ruleFiles = readdirSync(ruleDir).filter((f) => f.endsWith('.ts') && !['index.ts', 'api.ts'].includes(f));

describe('rule registry', () => {
  it('names each rule file after a category id', () => {
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, '')).filter((id) => !isCategoryId(id))).toEqual([]);
  });

  it('registers every rule file under its own id, in sorted order', () => {
    const ids = ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort();
    expect(Object.keys(RULES)).toEqual(ids);
    for (const [id, rule] of Object.entries(RULES)) expect(rule!.id).toBe(id);
  });

  it('has a RuleTester file for every rule', () => {
    const missing = Object.keys(RULES).filter((id) => !existsSync(new URL(`./${id}.test.ts`, import.meta.url)));
    expect(missing).toEqual([]);
  });

  it('has every rule backed by at least one built-in profile', () => {
    const backed = new Set(
      BUILTIN_PROFILE_IDS.flatMap((id) => ['personal', 'official'].flatMap((a) => [...clausesByCategory(builtinProfile(id), a as 'personal').keys()])),
    );
    expect(Object.keys(RULES).filter((id) => !backed.has(id as never))).toEqual([]);
  });

  it('gives every rule a summary, messages and an options schema', () => {
    for (const rule of Object.values(RULES)) {
      expect(rule!.meta.summary.length).toBeGreaterThan(10);
      expect(Object.keys(rule!.meta.messages).length).toBeGreaterThan(0);
      expect(rule!.meta.schema).toMatchObject({ type: 'object' });
      for (const template of Object.values(rule!.meta.messages)) expect(template).not.toMatch(/\bviolat/i);
    }
  });
});
