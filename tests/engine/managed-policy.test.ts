import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/api';
import {
  applySettingsPatch,
  mergeEffectiveProfile,
  MANAGED_KEYS,
  policyControls,
  stricterAction,
  summarizeEffectiveProfile,
  validateManagedPolicy,
  validateSettings,
  type ManagedPolicy,
} from '../../rules/engine/managed-policy';

const validate = (raw: unknown) => validateManagedPolicy(raw, { rules: RULES });
const HQ = { name: 'OSP', aliases: ['State Pen'], lat: 34.93, lon: -95.77, radiusM: 600 };
const CUSTOM = {
  id: 'okc-jail',
  extends: 'ok-doc',
  name: 'OKC Jail — social media',
  agency: 'Oklahoma County Detention Center',
  facilities: [HQ],
};

const FULL_POLICY = {
  schemaVersion: 1,
  organizationName: 'Oklahoma County',
  profile: CUSTOM,
  profileId: 'okc-jail',
  allowProfileSwitch: true,
  allowedProfileIds: ['okc-jail', 'ok-doc'],
  allowUserDisable: false,
  categoryActions: { 'offender-information': 'confirm', 'on-duty-use': 'warn' },
  facilities: [HQ],
  dutyHours: { timeZone: 'America/Chicago', windows: [{ days: ['mon', 'tue'], start: '07:00', end: '15:00' }] },
  sensitiveTerms: { 'security-information': ['Operation Nightjar'] },
  referenceImageHashes: [{ label: 'Shoulder patch', category: 'insignia-uniform', dhash: '0f0f0f0f0f0f0f0f' }],
  disclaimerText: 'My views are my own, not Oklahoma County’s.',
  supportUrl: 'https://intranet.example.gov/social-media',
  supportContact: 'helpdesk@example.gov',
  officialHandles: ['@OKCountyJail'],
};

describe('validateManagedPolicy', () => {
  it('accepts every key of a valid policy and drops nothing', () => {
    const report = validate(FULL_POLICY);
    expect(report.dropped).toEqual([]);
    expect(report.notes).toEqual([]);
    expect(new Set(report.accepted)).toEqual(new Set(MANAGED_KEYS));
    expect(report.received).toEqual(Object.keys(FULL_POLICY));
    expect(report.policy.officialHandles).toEqual(['okcountyjail']);
    expect(report.policy.profile?.id).toBe('okc-jail');
  });

  it('drops one bad facility alone and names it', () => {
    const report = validate({ facilities: [HQ, { ...HQ, name: 'Annex', lat: 'north' }, { name: 'Farm' }] });
    expect(report.policy.facilities?.map((f) => f.name)).toEqual(['OSP', 'Farm']);
    expect(report.dropped).toEqual([{ path: '/facilities/1', message: 'facility dropped: lat is a string, expected a number' }]);
    expect(report.accepted).toEqual(['facilities']);
  });

  it('ignores a list whose every item is bad instead of emptying it', () => {
    const report = validate({ facilities: [{ lat: 1 }] });
    expect(report.policy.facilities).toBeUndefined();
    expect(report.accepted).toEqual([]);
    expect(report.dropped.map((d) => d.path)).toEqual(['/facilities/0', '/facilities']);
  });

  it('keeps an explicitly empty list (the agency means "none")', () => {
    expect(validate({ facilities: [] }).policy.facilities).toEqual([]);
  });

  it('drops an unknown key and suggests the one that was meant', () => {
    const report = validate({ facilites: [HQ], organizationName: 'X' });
    expect(report.dropped).toEqual([{ path: '/facilites', message: 'unknown key (did you mean "facilities"?)' }]);
    expect(report.accepted).toEqual(['organizationName']);
  });

  it('reads the custom profile from an object or from JSON text, identically', () => {
    const fromObject = validate({ profile: CUSTOM, profileId: 'okc-jail' });
    const fromText = validate({ profile: JSON.stringify(CUSTOM), profileId: 'okc-jail' });
    expect(fromText.policy).toEqual(fromObject.policy);
    expect(fromText.dropped).toEqual([]);
    expect(fromObject.policy.profileId).toBe('okc-jail');
  });

  it('drops a bad clause of the custom profile and keeps the rest of it', () => {
    const clause = { id: 'okc/1', section: '§ 1', title: 'Inmates', quote: 'Do not post about inmates.', appliesTo: 'personal', categories: ['offender-information'], severity: 'high' };
    const report = validate({ profile: { ...CUSTOM, clauses: [clause, { ...clause, id: 'okc/2', severity: 'severe' }] } });
    expect(report.policy.profile?.clauses?.map((c) => c.id)).toEqual(['okc/1']);
    expect(report.dropped).toEqual([{ path: '/profile/clauses/1/severity', message: expect.stringMatching(/^dropped: must be one of/) }]);
  });

  it('inherits the parent list when every item of a custom profile list is bad', () => {
    const report = validate({ profile: { ...CUSTOM, clauses: [{ id: 'x' }] } });
    expect(report.policy.profile?.clauses).toBeUndefined();
    expect(report.dropped.at(-1)).toEqual({ path: '/profile/clauses', message: 'no valid item left: the list is ignored and "ok-doc"\'s is used' });
    const merged = mergeEffectiveProfile(report.policy, {});
    expect(merged?.profile.clauses.length).toBeGreaterThan(20);
  });

  it('explains a custom profile that cannot be used', () => {
    expect(validate({ profile: '{"id": "x",' }).dropped[0]).toMatchObject({ path: '/profile', message: expect.stringMatching(/^is not valid JSON text/) });
    expect(validate({ profile: { ...CUSTOM, extends: 'nope' } }).dropped).toEqual([
      { path: '/profile', message: 'custom profile ignored: profile "okc-jail" extends unknown profile "nope"' },
    ]);
    expect(validate({ profile: { ...CUSTOM, id: 'ok-doc' } }).dropped[0]?.path).toBe('/profile/id');
    expect(validate({ profile: 42 }).policy.profile).toBeUndefined();
  });

  it('drops an unknown profileId, with a hint when no custom profile arrived', () => {
    const report = validate({ profileId: 'okc-jail' });
    expect(report.policy.profileId).toBeUndefined();
    expect(report.dropped[0]?.message).toMatch(/"okc-jail" is not a known profile .*on Chrome and Edge it must be JSON text/);
    expect(validate({ profileId: 'ct-doc' }).policy.profileId).toBe('ct-doc');
  });

  it('drops bad entries of allowedProfileIds and categoryActions one by one', () => {
    const report = validate({
      allowedProfileIds: ['ok-doc', 'nope'],
      categoryActions: { 'offender-information': 'confirm', bogus: 'warn', 'on-duty-use': 'block' },
    });
    expect(report.policy.allowedProfileIds).toEqual(['ok-doc']);
    expect(report.policy.categoryActions).toEqual({ 'offender-information': 'confirm' });
    expect(report.dropped.map((d) => d.path)).toEqual(['/allowedProfileIds/1', '/categoryActions/bogus', '/categoryActions/on-duty-use']);
  });

  it('drops a bad duty window alone, and duty hours without a real time zone', () => {
    const report = validate({ dutyHours: { timeZone: 'America/Chicago', windows: [{ days: ['mon'], start: '07:00', end: '15:00' }, { days: ['mon'], start: '7am', end: '15:00' }] } });
    expect(report.policy.dutyHours?.windows).toHaveLength(1);
    expect(report.dropped[0]?.path).toBe('/dutyHours/windows/1');
    const badZone = validate({ dutyHours: { timeZone: 'America/Chicgo', windows: [] } });
    expect(badZone.policy.dutyHours).toBeUndefined();
    expect(badZone.dropped[0]).toMatchObject({ path: '/dutyHours/timeZone', message: expect.stringContaining('not a known time zone') });
  });

  it('reads registry-style values (0/1, numbers as text, JSON text) and notes it', () => {
    const report = validate({
      allowUserDisable: 0,
      allowProfileSwitch: 'true',
      schemaVersion: '1',
      facilities: JSON.stringify([{ name: 'OSP', lat: '34.93', lon: '-95.77', radiusM: '600' }]),
    });
    expect(report.policy).toMatchObject({ allowUserDisable: false, allowProfileSwitch: true, schemaVersion: 1 });
    expect(report.policy.facilities).toEqual([{ name: 'OSP', lat: 34.93, lon: -95.77, radiusM: 600 }]);
    expect(report.notes.map((n) => n.path)).toEqual(['/schemaVersion', '/allowProfileSwitch', '/allowUserDisable', '/facilities', '/facilities/0/lat', '/facilities/0/lon', '/facilities/0/radiusM']);
    expect(report.dropped).toEqual([]);
  });

  it('refuses what is not safe or not readable', () => {
    const report = validate({ supportUrl: 'javascript:alert(1)', schemaVersion: 2, allowUserDisable: 'maybe', organizationName: '  ', disclaimerText: 'x'.repeat(501) });
    expect(report.accepted).toEqual([]);
    expect(report.dropped.map((d) => d.path).sort()).toEqual(['/allowUserDisable', '/disclaimerText', '/organizationName', '/schemaVersion', '/supportUrl']);
  });

  it('never throws on junk', () => {
    for (const junk of [null, undefined, 42, 'text', [], [1, 2], { facilities: null }, { profile: null }, { dutyHours: [] }, { categoryActions: 'x' }]) {
      expect(() => validate(junk)).not.toThrow();
    }
    expect(validate([1]).dropped).toEqual([{ path: '/', message: 'the policy is a list, expected an object of keys' }]);
  });
});

describe('mergeEffectiveProfile: managed > user (where unlocked) > profile > defaults', () => {
  const policy = (raw: Record<string, unknown>): ManagedPolicy => validate(raw).policy;

  it('has no effective profile with nothing chosen and no policy', () => {
    expect(mergeEffectiveProfile(null, {})).toBeNull();
    expect(mergeEffectiveProfile({}, { paused: true })).toBeNull();
  });

  it('uses the user choice when there is no policy, and locks nothing', () => {
    const e = mergeEffectiveProfile(null, { profileId: 'ct-doc', officialHandles: ['ctdoc'] })!;
    expect(e).toMatchObject({ source: 'user', locked: [], officialHandles: ['ctdoc'], managed: false, paused: false });
    expect(e.profile.id).toBe('ct-doc');
  });

  it('a managed profileId wins over the user choice and locks it', () => {
    const e = mergeEffectiveProfile(policy({ profileId: 'mt-doc', organizationName: 'MDOC' }), { profileId: 'ct-doc' })!;
    expect(e.profile.id).toBe('mt-doc');
    expect(e).toMatchObject({ source: 'managed', organizationName: 'MDOC', managed: true });
    expect(e.locked).toContain('profileId');
  });

  it('allowProfileSwitch lets the user pick, but only among allowedProfileIds', () => {
    const p = policy({ profileId: 'mt-doc', allowProfileSwitch: true, allowedProfileIds: ['mt-doc', 'mt-state-it'] });
    expect(mergeEffectiveProfile(p, { profileId: 'mt-state-it' })).toMatchObject({ source: 'user', profile: { id: 'mt-state-it' } });
    expect(mergeEffectiveProfile(p, { profileId: 'ct-doc' })).toMatchObject({ source: 'managed', profile: { id: 'mt-doc' } });
    expect(mergeEffectiveProfile(p, {})?.locked).not.toContain('profileId');
    expect(policyControls(p).profile.options.map((o) => o.id)).toEqual(['mt-doc', 'mt-state-it']);
  });

  it('allowedProfileIds without a managed choice limits what the user may pick', () => {
    const p = policy({ allowedProfileIds: ['helena-pd'] });
    expect(mergeEffectiveProfile(p, { profileId: 'ok-doc' })).toBeNull();
    expect(mergeEffectiveProfile(p, { profileId: 'helena-pd' })?.profile.id).toBe('helena-pd');
  });

  it('a managed custom profile is selected without a profileId and extends its built-in', () => {
    const e = mergeEffectiveProfile(policy({ profile: JSON.stringify(CUSTOM) }), {})!;
    expect(e.profile).toMatchObject({ id: 'okc-jail', extends: 'ok-doc', name: CUSTOM.name, facilities: [HQ] });
    expect(e.profile.clauses.length).toBeGreaterThan(20);
  });

  it('managed facilities and duty hours replace the user’s and the profile’s, and lock them', () => {
    const mine = { name: 'My unit', lat: 1, lon: 1, radiusM: 100 };
    const userDuty = { timeZone: 'America/Denver', windows: [] };
    const unmanaged = mergeEffectiveProfile(null, { profileId: 'ok-doc', facilities: [mine], dutyHours: userDuty })!;
    expect(unmanaged.profile.facilities).toEqual([mine]);
    expect(unmanaged.profile.dutyHours).toEqual(userDuty);
    const managed = mergeEffectiveProfile(policy({ facilities: [HQ], dutyHours: FULL_POLICY.dutyHours }), { profileId: 'ok-doc', facilities: [mine], dutyHours: userDuty })!;
    expect(managed.profile.facilities).toEqual([HQ]);
    expect(managed.profile.dutyHours).toEqual(FULL_POLICY.dutyHours);
    expect(managed.locked).toEqual(expect.arrayContaining(['facilities', 'dutyHours']));
    expect(managed.source).toBe('user');
  });

  it('users may tighten a managed category action but never loosen it', () => {
    const p = policy({ profileId: 'ok-doc', categoryActions: { 'offender-information': 'warn', 'health-information': 'confirm' } });
    const e = mergeEffectiveProfile(p, { categoryActions: { 'offender-information': 'confirm', 'health-information': 'off', 'on-duty-use': 'off' } })!;
    expect(e.profile.actions).toMatchObject({ 'offender-information': 'confirm', 'health-information': 'confirm', 'on-duty-use': 'off' });
    expect(e.locked).toEqual(expect.arrayContaining(['categoryActions.offender-information', 'categoryActions.health-information']));
    expect(e.locked).not.toContain('categoryActions.on-duty-use');
    expect(stricterAction('off', 'warn')).toBe('warn');
  });

  it('allowUserDisable: false overrides a stored pause and locks it', () => {
    expect(mergeEffectiveProfile(policy({ profileId: 'ok-doc', allowUserDisable: false }), { paused: true })).toMatchObject({ paused: false, locked: expect.arrayContaining(['paused']) });
    expect(mergeEffectiveProfile(policy({ profileId: 'ok-doc' }), { paused: true })?.paused).toBe(true);
  });

  it('managed content keys override the profile: disclaimer, terms (added), reference images, handles', () => {
    const e = mergeEffectiveProfile(validate(FULL_POLICY).policy, { officialHandles: ['mine'] })!;
    expect(e.profile.disclaimer).toEqual({ text: FULL_POLICY.disclaimerText, derived: false, source: 'Oklahoma County' });
    expect(e.profile.terms['security-information']).toContain('Operation Nightjar');
    expect(e.profile.referenceImages).toHaveLength(1);
    expect(e.officialHandles).toEqual(['okcountyjail']);
    expect(e.locked).toEqual(expect.arrayContaining(['officialHandles', 'disclaimerText', 'sensitiveTerms', 'referenceImageHashes', 'supportUrl', 'supportContact']));
  });

  it('presence locks, not truthiness: an empty managed list still locks and replaces', () => {
    const e = mergeEffectiveProfile(policy({ profileId: 'ok-doc', officialHandles: [], facilities: [] }), { officialHandles: ['mine'], facilities: [HQ] })!;
    expect(e.officialHandles).toEqual([]);
    expect(e.profile.facilities).toEqual([]);
    expect(e.locked).toEqual(expect.arrayContaining(['officialHandles', 'facilities']));
  });

  it('summarises clauses per category and account type, with the managed floor', () => {
    const p = policy({ profileId: 'ok-doc', categoryActions: { 'offender-information': 'confirm' }, facilities: [HQ, { name: 'No fence' }] });
    const summary = summarizeEffectiveProfile(mergeEffectiveProfile(p, {})!, policyControls(p).categoryActions.floor);
    const offender = summary.categories.find((c) => c.category === 'offender-information')!;
    expect(offender).toMatchObject({ action: 'confirm', floor: 'confirm' });
    expect(offender.personal[0]).toMatch(/^OP-021002 §/);
    expect(summary.facilities).toEqual([{ name: 'OSP', geofence: true }, { name: 'No fence', geofence: false }]);
    expect(summary.referenceImages).toBe(0);
  });
});

describe('settings', () => {
  it('validates stored settings field by field', () => {
    const { settings, problems } = validateSettings({ profileId: 'ok-doc', paused: 'yes', officialHandles: ['@MyAgency', 7, 'X: @OKDOC', '@myagency'], categoryActions: { 'on-duty-use': 'off' }, colour: 'red' });
    expect(settings).toEqual({ profileId: 'ok-doc', officialHandles: ['myagency', 'x:okdoc'], categoryActions: { 'on-duty-use': 'off' } });
    expect(problems.map((p) => p.path)).toEqual(['/paused', '/officialHandles/1', '/colour']);
  });

  it('refuses changes the policy locks, and looser category actions', () => {
    const controls = policyControls(validate({ organizationName: 'MDOC', profileId: 'mt-doc', facilities: [HQ], allowUserDisable: false, categoryActions: { 'offender-information': 'confirm' } }).policy);
    const refused = applySettingsPatch({}, { profileId: 'ok-doc', facilities: [], paused: true, categoryActions: { 'offender-information': 'warn' } }, controls);
    expect(refused.settings).toBeNull();
    expect(refused.problems).toEqual([
      { path: '/profileId', message: 'the profile is set by MDOC' },
      { path: '/facilities', message: 'facilities are set by MDOC' },
      { path: '/paused', message: 'pausing is turned off (set by MDOC)' },
      { path: '/categoryActions/offender-information', message: 'may not be looser than "confirm" (set by MDOC)' },
    ]);
    const allowed = applySettingsPatch({ officialHandles: ['a'] }, { officialHandles: null, categoryActions: { 'offender-information': 'confirm', 'on-duty-use': 'off' } }, controls);
    expect(allowed).toEqual({ settings: { categoryActions: { 'offender-information': 'confirm', 'on-duty-use': 'off' } }, problems: [] });
  });

  it('refuses invalid values with the field path', () => {
    const controls = policyControls(null);
    expect(applySettingsPatch({}, { dutyHours: { timeZone: 'Mars/Base', windows: [] } }, controls).problems[0]?.path).toBe('/dutyHours/timeZone');
    expect(applySettingsPatch({}, { profileId: 'nope' }, controls).problems).toEqual([{ path: '/profileId', message: '"nope" is not a profile you may choose' }]);
  });
});
