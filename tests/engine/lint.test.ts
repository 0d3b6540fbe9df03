import { describe, expect, it } from 'vitest';
import { builtinProfile, lintPost, loadProfile } from '../../rules/api';
import { defineRule } from '../../rules/engine/define-rule';
import { lint } from '../../rules/engine/lint';
import type { CategoryId } from '../../rules/engine/types';

// A rule that reports the word "secret", to test the engine without depending on real rules.
const secretRule = (id: CategoryId) =>
  defineRule({
    id,
    meta: {
      summary: 'test rule that reports the word secret',
      inputs: ['text'],
      messages: { secret: 'Mentions "{{word}}".', weak: 'weak' },
      schema: { type: 'object' },
      defaultOptions: {},
      examples: { flagged: ['secret'], fine: ['public'] },
    },
    create(context) {
      return {
        text(post) {
          for (const hit of post.find(/\bsecret\b/i)) context.report({ messageId: 'secret', span: hit, data: { word: hit.text } });
          for (const hit of post.find(/\bhint\b/i)) context.report({ messageId: 'weak', span: hit, score: 0.2 });
        },
      };
    },
  });

describe('lint', () => {
  const okDoc = builtinProfile('ok-doc');

  it('cites the profile clause for a category it backs, with offsets and excerpt', () => {
    const result = lint({ text: 'The key code is SECRET.', account: 'personal' }, okDoc, { 'security-information': secretRule('security-information') });
    expect(result.categories).toEqual(['security-information']);
    expect(result.findings[0]).toMatchObject({
      category: 'security-information',
      clause: 'ok-doc/IV.C.4.d',
      clauses: ['ok-doc/IV.C.4.d'],
      section: 'OP-021002 § IV.C.4.d',
      severity: 'high',
      action: 'warn',
      start: 16,
      end: 22,
      excerpt: 'SECRET',
      why: 'Mentions "SECRET".',
    });
    expect(result.findings[0]!.message).toBe(`May risk OP-021002 § IV.C.4.d — ${result.findings[0]!.title}`);
  });

  it('never fires an official-only category on a personal post, or a personal-only one on an official post', () => {
    const rules = { 'political-activity': secretRule('political-activity'), 'coworker-information': secretRule('coworker-information') };
    expect(lint({ text: 'secret', account: 'personal' }, okDoc, rules).categories).toEqual(['coworker-information']);
    expect(lint({ text: 'secret', account: 'official' }, okDoc, rules).categories).toEqual(['political-activity']);
  });

  it('fires nothing on an mt-state-it personal post', () => {
    const rules = { 'security-information': secretRule('security-information'), 'protected-personal-info': secretRule('protected-personal-info') };
    expect(lint({ text: 'secret', account: 'personal' }, builtinProfile('mt-state-it'), rules).findings).toEqual([]);
    expect(lint({ text: 'secret', account: 'official' }, builtinProfile('mt-state-it'), rules).categories).toEqual(['protected-personal-info', 'security-information']);
  });

  it('drops weak reports and honours per-category actions', () => {
    const { profile } = loadProfile({ id: 'strict', extends: 'ok-doc', actions: { 'security-information': 'confirm', 'coworker-information': 'off' } });
    const rules = { 'security-information': secretRule('security-information'), 'coworker-information': secretRule('coworker-information') };
    const result = lint({ text: 'a hint, then a secret', account: 'personal' }, profile, rules);
    expect(result.findings.map((f) => [f.category, f.action, f.excerpt])).toEqual([['security-information', 'confirm', 'secret']]);
  });

  it('cites every backing clause, the most severe first', () => {
    const result = lint({ text: 'secret', account: 'personal' }, okDoc, { 'employment-disclosure': secretRule('employment-disclosure') });
    expect(result.findings[0]!.clauses).toEqual(['ok-doc/IV-intro', 'ok-doc/IV.A']);
    expect(result.findings[0]!.clause).toBe('ok-doc/IV.A');
  });

  it('passes image notes through and never throws on empty input', () => {
    const result = lintPost({ text: '', account: 'personal', images: [{ notes: ['could not be read (truncated JPEG)'] }] }, okDoc);
    expect(result.notes).toEqual(['Photo 1: could not be read (truncated JPEG)']);
  });
});
