// The engine's image steps: reference-image matching (a reference names its category, gated by the
// profile like any rule), capture times read in the profile's time zone, notes, and the rule that
// photo GPS or capture time alone never fires work-media, employment-disclosure or on-duty-use.
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILE_IDS, builtinProfile, lintPost, loadProfile } from '../../rules/api';
import { defineRule } from '../../rules/engine/define-rule';
import { lint, referenceImageReports } from '../../rules/engine/lint';
import type { ImageFacts, Profile, ReferenceImage } from '../../rules/engine/types';

const patch: ReferenceImage = { label: 'DOC patch', category: 'insignia-uniform', dhash: '71d4b2ccccb2d471', phash: 'eec1a0c5859e933e' };
const gate: ReferenceImage = { label: 'Main gate photo', category: 'facility-layout', dhash: 'f0f0f0f00f0f0f0f' };
// Four bits away from the patch's dHash.
const patchCopy: ImageFacts = { filename: 'repost.jpg', dhash: '71d4b2ccccb2d47e', phash: '0000000000000000' };

const withReferences = (base: string, referenceImages: ReferenceImage[], extra: Record<string, unknown> = {}): Profile =>
  loadProfile({ id: `${base}-agency`, extends: base, referenceImages, ...extra }).profile;

describe('reference images', () => {
  it('raises the reference’s category with a finding that names the photo, the reference and the distance', () => {
    const result = lintPost({ text: 'Throwback', account: 'personal', images: [{ filename: 'cat.jpg' }, patchCopy] }, withReferences('ct-doc', [patch]));
    expect(result.categories).toEqual(['insignia-uniform']);
    expect(result.findings[0]).toMatchObject({
      category: 'insignia-uniform',
      clause: 'ct-doc/5.c',
      image: 1,
      start: 0,
      end: 0,
      excerpt: '',
      why: "Photo 2 looks like the agency's reference image 'DOC patch' (distance 4/64)",
    });
  });

  it('stays silent where the profile does not back the category (mt-doc has no insignia clause)', () => {
    const result = lintPost({ text: 'Throwback', account: 'personal', images: [patchCopy] }, withReferences('mt-doc', [patch]));
    expect(result.findings).toEqual([]);
  });

  it('stays silent on official accounts when the clause covers personal posts only', () => {
    const result = lintPost({ text: 'Throwback', account: 'official', images: [patchCopy] }, withReferences('helena-pd', [patch]));
    expect(result.categories).not.toContain('insignia-uniform');
  });

  it('respects an action of "off" for the category', () => {
    const profile = withReferences('ct-doc', [patch], { actions: { 'insignia-uniform': 'off' } });
    expect(lintPost({ text: 'x', account: 'personal', images: [patchCopy] }, profile).findings).toEqual([]);
  });

  it('does not match photos beyond the threshold or without hashes', () => {
    const profile = withReferences('ct-doc', [patch, gate]);
    expect(referenceImageReports({ text: '', account: 'personal', images: [{ dhash: '8e2b4d33334d2b8e' }, { filename: 'no-hash.heic' }] }, profile)).toEqual([]);
  });

  it('a facility photo reference raises facility-layout where the profile backs it', () => {
    const result = lintPost({ text: 'Home sweet home', account: 'personal', images: [{ dhash: 'f0f0f0f00f0f0f0f' }] }, withReferences('helena-pd', [gate]));
    expect(result.findings.map((f) => [f.category, f.why])).toEqual([['facility-layout', "Photo 1 looks like the agency's reference image 'Main gate photo' (distance 0/64)"]]);
  });

  it('a profile with a malformed reference hash drops that reference with a message', () => {
    const { problems, profile } = loadProfile({ id: 'x', extends: 'ct-doc', referenceImages: [patch, { label: 'bad', category: 'insignia-uniform', dhash: 'XYZ' }] });
    expect(profile.referenceImages).toEqual([patch]);
    expect(problems[0]!.path).toBe('/referenceImages/1/dhash');
  });
});

describe('capture time in the profile’s time zone', () => {
  const seen: (ImageFacts | undefined)[] = [];
  const spy = defineRule({
    id: 'work-media',
    meta: { summary: 'test rule recording image facts', inputs: ['image'], messages: { m: 'm' }, schema: { type: 'object' }, defaultOptions: {}, examples: { flagged: [], fine: [] } },
    create: () => ({ image: (facts) => void seen.push(facts) }),
  });

  it('gives an offset-less capture time the offset of the profile’s duty-hours zone', () => {
    const profile = loadProfile({ id: 'hpd', extends: 'helena-pd', dutyHours: { timeZone: 'America/Denver', windows: [] } }).profile;
    seen.length = 0;
    lint({ text: '', account: 'personal', images: [{ takenAt: '2026-07-04T09:00:00' }, { takenAt: '2026-07-04T09:00:00+02:00', takenAtOffsetSource: 'exif' }] }, profile, { 'work-media': spy });
    expect(seen.map((f) => [f?.takenAt, f?.takenAtOffsetSource])).toEqual([
      ['2026-07-04T09:00:00-06:00', 'profile'],
      ['2026-07-04T09:00:00+02:00', 'exif'],
    ]);
  });
});

describe('notes about unreadable images', () => {
  it('are listed per photo', () => {
    const result = lintPost({ text: 'hi', account: 'personal', images: [{ filename: 'a.jpg' }, { filename: 'b.jpg', notes: ['empty file (0 bytes): nothing to check'] }] }, builtinProfile('ok-doc'));
    expect(result.notes).toEqual(['Photo 2: empty file (0 bytes): nothing to check']);
  });
});

describe('photo metadata alone never fires work-media, employment-disclosure or on-duty-use', () => {
  // A photo taken inside a facility, during the shift, on a phone: facts only, nothing in the text.
  const facility = { name: 'Test Facility', lat: 46.6, lon: -112.0, radiusM: 500 };
  const duty = { timeZone: 'America/Denver', windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }] };
  const image: ImageFacts = { filename: 'IMG_0042.JPG', gps: { lat: 46.6001, lon: -112.0001, accuracyM: 5 }, takenAt: '2026-03-03T10:00:00-07:00', make: 'Apple', model: 'iPhone 15' };
  for (const id of BUILTIN_PROFILE_IDS) {
    for (const account of ['personal', 'official'] as const) {
      it(`${id}, ${account}`, () => {
        const profile = loadProfile({ id: `${id}-test`, extends: id, facilities: [facility], dutyHours: duty }).profile;
        const result = lintPost({ text: 'Nice day.', account, images: [image], context: { onDuty: false, managedDevice: false } }, profile);
        for (const category of ['work-media', 'employment-disclosure', 'on-duty-use'] as const) expect(result.categories).not.toContain(category);
        // Only facility-layout may fire, and exactly where the profile backs it (ct-doc, helena-pd personal).
        const backsLayout = ['ct-doc', 'helena-pd'].includes(id) && account === 'personal';
        expect(result.categories).toEqual(backsLayout ? ['facility-layout'] : []);
      });
    }
  }
});
