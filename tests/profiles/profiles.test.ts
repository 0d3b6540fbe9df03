import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinProfile, BUILTIN_PROFILE_IDS, loadProfile } from '../../rules/api';
import { activeCategories } from '../../rules/engine/lint';
import { validateProfile } from '../../rules/engine/profile';
import { CATEGORY_IDS } from '../../rules/engine/types';
import { readShared, SEED_FILES } from '../support/shared';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const catalog = JSON.parse(readShared('policy/clauses.json')) as {
  id: string;
  disclaimer: { text: string; derived: boolean };
  clauses: Record<string, unknown>[];
}[];
const fileOf = (id: string) => new URL(`../../assets/profiles/${id}.json`, import.meta.url);

describe('built-in profiles', () => {
  it('are the five agencies of the catalog', () => {
    expect([...BUILTIN_PROFILE_IDS].sort()).toEqual(catalog.map((p) => p.id).sort());
  });

  for (const entry of catalog) {
    describe(entry.id, () => {
      const raw = JSON.parse(readFileSync(fileOf(entry.id), 'utf8'));

      it('validates against the profile schema with nothing dropped', () => {
        expect(validateProfile(raw).problems).toEqual([]);
        expect(loadProfile(raw).problems).toEqual([]);
      });

      it('is canonically formatted (2-space JSON, trailing newline)', () => {
        expect(readFileSync(fileOf(entry.id), 'utf8')).toBe(JSON.stringify(raw, null, 2) + '\n');
      });

      it('carries every catalog clause faithfully', () => {
        const fields = ['id', 'section', 'title', 'quote', 'appliesTo', 'categories', 'severity', 'exceptions'];
        const pick = (c: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, c[f]]));
        expect(raw.clauses.map(pick)).toEqual(entry.clauses.map(pick));
      });

      it('quotes every clause verbatim from its seed document', () => {
        const seed = norm(readShared(SEED_FILES[entry.id]!));
        const missing = raw.clauses.filter((c: { quote: string }) => !seed.includes(norm(c.quote))).map((c: { id: string }) => c.id);
        expect(missing).toEqual([]);
      });

      it('has the catalog disclaimer; only Oklahoma’s is verbatim, the others are marked derived', () => {
        expect(raw.disclaimer.text).toBe(entry.disclaimer.text);
        expect(raw.disclaimer.derived).toBe(entry.id !== 'ok-doc');
        if (entry.id === 'ok-doc') expect(norm(readShared(SEED_FILES['ok-doc']!))).toContain(norm(raw.disclaimer.text));
      });
    });
  }
});

describe('category gate matches ../shared/policy/coverage.md', () => {
  const table = readShared('policy/coverage.md')
    .split('\n')
    .filter((l) => /^\| [a-z-]+ \|/.test(l) && !l.startsWith('| category'));
  const columns = ['mt-doc', 'ok-doc', 'mt-state-it', 'ct-doc', 'helena-pd'].flatMap((p) => [
    [p, 'personal'],
    [p, 'official'],
  ]) as [string, 'personal' | 'official'][];

  it('lists all 30 categories', () => {
    expect(table.map((l) => l.split('|')[1]!.trim()).sort()).toEqual([...CATEGORY_IDS].sort());
  });

  for (const [profileId, account] of columns) {
    it(`${profileId} ${account}`, () => {
      const col = columns.findIndex(([p, a]) => p === profileId && a === account);
      const expected = table.filter((l) => l.split('|')[col + 2]!.trim() !== '').map((l) => l.split('|')[1]!.trim()).sort();
      expect([...activeCategories(builtinProfile(profileId), account)].sort()).toEqual(expected);
    });
  }
});

describe('profile loading', () => {
  it('extends a built-in profile, adds terms and facilities, and overrides the disclaimer', () => {
    const { profile, problems } = loadProfile({
      id: 'osp-staff',
      extends: 'ok-doc',
      disclaimer: 'My views only, not ODOC’s.',
      facilities: [{ name: 'Oklahoma State Penitentiary', aliases: ['OSP'], lat: 34.94, lon: -95.77, radiusM: 600 }],
      terms: { 'security-information': ['count time'] },
      actions: { 'offender-information': 'confirm' },
    });
    expect(problems).toEqual([]);
    expect(profile.clauses).toEqual(builtinProfile('ok-doc').clauses);
    expect(profile.disclaimer).toMatchObject({ text: 'My views only, not ODOC’s.', derived: false });
    expect(profile.facilities).toHaveLength(1);
    expect(profile.actions['offender-information']).toBe('confirm');
  });

  it('drops only the bad items and names their paths', () => {
    const { profile, problems } = loadProfile({
      id: 'mixed',
      extends: 'ct-doc',
      facilities: [
        { name: 'Good', lat: 41.5, lon: -72.6, radiusM: 300 },
        { name: 'Bad latitude', lat: 'north', lon: -72.6, radiusM: 300 },
        { name: 'Missing radius', lat: 41.5, lon: -72.6 },
      ],
      actions: { 'offender-information': 'block', 'threats-violence': 'confirm', 'not-a-category': 'warn' },
      dutyHours: { timeZone: 'America/New_York', windows: [{ days: ['mon'], start: '07:00', end: '15:00' }, { days: ['funday'], start: '7', end: '15:00' }] },
      colour: 'blue',
    });
    expect(profile.facilities.map((f) => f.name)).toEqual(['Good']);
    expect(profile.actions).toEqual({ 'threats-violence': 'confirm' });
    expect(profile.dutyHours?.windows).toHaveLength(1);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/facilities/1/lat', '/facilities/2', '/actions/offender-information', '/actions/not-a-category', '/colour']));
    expect(paths.some((p) => p.startsWith('/dutyHours/windows/1'))).toBe(true);
  });

  it('refuses a profile that extends an unknown one, or is not an object', () => {
    expect(() => loadProfile({ id: 'x', extends: 'nope' })).toThrow(/unknown profile "nope"/);
    expect(() => loadProfile([1, 2])).toThrow(/JSON object/);
    expect(() => loadProfile('no-such-profile')).toThrow(/unknown profile/);
  });

  it('stacks mt-state-it clauses onto mt-doc official posts only', () => {
    const mt = builtinProfile('mt-doc');
    expect([...activeCategories(mt, 'official')]).toContain('unapproved-platform');
    expect([...activeCategories(mt, 'personal')]).not.toContain('unapproved-platform');
  });
});
