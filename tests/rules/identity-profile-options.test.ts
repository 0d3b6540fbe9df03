// The per-profile readings of the identity categories live in each built-in profile's `ruleOptions`;
// they must validate against the rules' schemas, and they must change what fires.
import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { builtinProfile, BUILTIN_PROFILE_IDS, lintPost, RULES } from '../../rules/api';

describe('identity rule options in the built-in profiles', () => {
  it.each(BUILTIN_PROFILE_IDS)('%s: ruleOptions validate against each rule schema', (id) => {
    for (const [category, options] of Object.entries(builtinProfile(id).ruleOptions)) {
      const rule = RULES[category as keyof typeof RULES];
      expect(rule, category).toBeDefined();
      const result = new Validator(rule!.meta.schema as never, '2020-12', false).validate(options);
      expect(result.errors.map((e) => e.error), `${id} ${category}`).toEqual([]);
    }
  });

  const lint = (profile: string, text: string) => lintPost({ text, account: 'personal' }, builtinProfile(profile)).categories;

  it('mt-doc § III: an offender’s name with a DOC number is PPI there, offender information in Oklahoma', () => {
    const text = 'Mail for inmate R. Quillan #4471093 keeps landing on my desk';
    expect(lint('mt-doc', text)).toEqual(['protected-personal-info']);
    expect(lint('ok-doc', text)).toEqual(['offender-information']);
  });

  it('coworker information: family matters count in Connecticut and Helena, not Oklahoma', () => {
    const text = "Officer Dana Pruitt's divorce is final and she's staying at her mom's now";
    expect(lint('ok-doc', text)).not.toContain('coworker-information');
    expect(lint('ct-doc', text)).toContain('coworker-information');
    expect(lint('helena-pd', text)).toContain('coworker-information');
  });

  it('helena-pd K.5: offender details must be learned on duty', () => {
    expect(lint('helena-pd', 'Heard Marcus Webb got out of county and is staying with his mom on Larkspur Ave')).not.toContain('offender-information');
    expect(lint('ok-doc', 'Heard Marcus Webb got out of county and is staying with his mom on Larkspur Ave')).toContain('offender-information');
  });

  it('health information is backed in Oklahoma and Connecticut only; a coworker’s illness is coworker information in Helena', () => {
    const text = 'Please keep Sgt. Lorna Whitfield in your prayers. She starts chemo Monday.';
    expect(lint('ok-doc', text)).toEqual(['coworker-information', 'health-information']);
    expect(lint('ct-doc', text)).toEqual(['coworker-information', 'health-information']);
    expect(lint('helena-pd', text)).toEqual(['coworker-information']);
    expect(lint('mt-doc', text)).toEqual([]);
  });
});
