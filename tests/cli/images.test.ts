// The CLI reads photos itself: `check --image PATH`, corpus image entries with "path" (relative to the
// corpus file, design §8), and `hash IMAGE...` for an agency's reference images.
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageFactsFromFile } from '../../cli/image-file';
import { runCli } from '../support/cli';
import { tinyJpeg, tinyPng, pngChunk, withExif } from '../support/images';
import { sharedPath } from '../support/shared';

const dir = mkdtempSync(join(tmpdir(), 'second-look-images-'));
const write = (name: string, content: Uint8Array | string) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};
const badge = (name: string) => sharedPath(`images/badges/${name}`);

// A facility and a photo taken 100 m inside it, with a ±12 m fix.
const facility = { name: 'Montana State Prison', lat: 46.3905, lon: -112.7597, radiusM: 600 };
const insidePhoto = withExif(tinyJpeg(32, 24), { lat: 46.3914, lon: -112.7597, accuracyM: 12, dateTimeOriginal: '2026:03:03 10:00:00', make: 'Apple', model: 'iPhone 15' });
const profilePath = write('agency.json', JSON.stringify({ id: 'msp-agency', extends: 'ct-doc', facilities: [facility] }));

describe('second-look check --image', () => {
  it('reads GPS from the photo and reports which photo and which fact fired', async () => {
    const photo = write('IMG_0001.JPG', insidePhoto);
    const { code, out } = await runCli(['check', '--profile', profilePath, '--json', '--image', photo, 'Quiet morning']);
    expect(code).toBe(2);
    const result = JSON.parse(out);
    expect(result.categories).toEqual(['facility-layout']);
    expect(result.findings[0]).toMatchObject({ category: 'facility-layout', image: 0, why: 'Photo 1: location is inside Montana State Prison (±12 m)' });
  });

  it('takes several images and names the one that fired', async () => {
    const lake = write('lake.jpg', withExif(tinyJpeg(), { lat: 46.5, lon: -112.0 }));
    const photo = write('IMG_0002.JPG', insidePhoto);
    const { code, out } = await runCli(['check', '--profile', profilePath, '--image', lake, '--image', photo, 'Two pictures']);
    expect(code).toBe(2);
    expect(out).toContain('why: Photo 2: location is inside Montana State Prison (±12 m)');
    expect(out).not.toContain('Photo 1:');
  });

  it('says nothing for a photo outside every facility', async () => {
    const lake = write('lake2.jpg', withExif(tinyJpeg(), { lat: 46.5, lon: -112.0 }));
    const { code } = await runCli(['check', '--profile', profilePath, '--image', lake, 'Lake day']);
    expect(code).toBe(0);
  });

  it('exits 1 with a message when an image file cannot be opened', async () => {
    const { code, err } = await runCli(['check', '--profile', 'ct-doc', '--image', join(dir, 'missing.jpg'), 'hi']);
    expect(code).toBe(1);
    expect(err).toMatch(/cannot read image .*missing\.jpg: ENOENT/);
  });

  it('documents --image in its help', async () => {
    const { out } = await runCli(['check', '--help']);
    expect(out).toMatch(/--image PATH/);
    expect(out).toMatch(/"path" \(relative to the corpus file\)/);
  });
});

describe('bad image files in the CLI: notes, never a crash', () => {
  const check = async (path: string) => JSON.parse((await runCli(['check', '--profile', 'ct-doc', '--json', '--image', path, 'photo'])).out);

  it('zero bytes', async () => {
    const r = await check(write('empty.jpg', new Uint8Array(0)));
    expect(r.notes).toEqual(['Photo 1: empty file (0 bytes): nothing to check']);
  });

  it('a wrong extension', async () => {
    const r = await check(write('actually-png.jpg', tinyPng()));
    expect(r.notes).toContain('Photo 1: named .jpg but the content is PNG: read as PNG');
  });

  it('a truncated JPEG keeps its metadata and notes the undecodable pixels', async () => {
    const full = readFileSync(sharedPath('images/IMG_20180725_163423.jpg'));
    const facts = await imageFactsFromFile(write('cut.jpg', full.subarray(0, 300_000)));
    expect(facts.gps).toBeDefined();
    expect(facts.notes!.join(' ')).toMatch(/pixels could not be decoded/);
  });

  it('a 100 MB file is read for metadata and not decoded', async () => {
    const path = write('huge.jpg', readFileSync(sharedPath('images/IMG_20180725_163423.jpg')));
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, 100 * 1_048_576); // sparse: nothing large is written to disk
    closeSync(fd);
    const started = performance.now();
    const facts = await imageFactsFromFile(path);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(facts.byteSize).toBe(100 * 1_048_576);
    expect(facts.gps).toBeDefined();
    expect(facts.dhash).toBeUndefined();
    expect(facts.notes).toContain('not hashed: 100 MB is over the 64 MB decoding limit');
  });

  it('a PNG with a huge text chunk', async () => {
    const huge = new Uint8Array(8 * 1_048_576).fill(0x61);
    const facts = await imageFactsFromFile(write('text-bomb.png', tinyPng([pngChunk('tEXt', new Uint8Array([...new TextEncoder().encode('Comment\0'), ...huge]))])));
    expect(facts.notes).toContain('skipped a 8.0 MB PNG tEXt chunk (over the 1.0 MB limit)');
    expect(facts.dhash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a PNG that claims to be 100,000 × 100,000 pixels is not decoded', async () => {
    const png = tinyPng();
    new DataView(png.buffer).setUint32(16, 100_000);
    new DataView(png.buffer).setUint32(20, 100_000);
    const facts = await imageFactsFromFile(write('giant.png', png));
    expect(facts.notes).toContain('not hashed: 10000 megapixels is over the 100 MP decoding limit');
  });
});

describe('corpus image entries with "path"', () => {
  write('corpus/photos/IMG_0003.JPG', insidePhoto);
  const line = (o: Record<string, unknown>) => JSON.stringify({ profile: 'ct-doc', account: 'personal', text: 'Quiet morning', facilities: [facility], ...o });

  it('reads the file relative to the corpus file and extracts its facts', async () => {
    const corpus = write('corpus/lines.jsonl', [line({ id: 'p1', images: [{ path: 'photos/IMG_0003.JPG' }] }), line({ id: 'p2', images: [{ filename: 'x.jpg' }] })].join('\n'));
    const cwd = process.cwd();
    process.chdir(tmpdir()); // the path must not depend on the working directory
    try {
      const { code, out, err } = await runCli(['check', '--jsonl', corpus]);
      expect(err).toBe('');
      expect(code).toBe(0);
      const rows = out.split('\n').map((l) => JSON.parse(l));
      expect(rows[0]).toMatchObject({ id: 'p1', categories: ['facility-layout'] });
      expect(rows[0].findings[0]).toMatchObject({ image: 0, why: 'Photo 1: location is inside Montana State Prison (±12 m)' });
      expect(rows[1]).toMatchObject({ id: 'p2', categories: [] });
    } finally {
      process.chdir(cwd);
    }
  });

  it('lets facts written in the line win over the file’s', async () => {
    const corpus = write('corpus/override.jsonl', line({ id: 'p3', images: [{ path: 'photos/IMG_0003.JPG', gps: { lat: 46.5, lon: -112.0 } }] }));
    const { out } = await runCli(['check', '--jsonl', corpus]);
    expect(JSON.parse(out).categories).toEqual([]);
  });

  it('names the line and field when a path cannot be read, and checks the other lines', async () => {
    const corpus = write('corpus/missing.jsonl', [line({ id: 'm1', images: [{ path: 'photos/nope.jpg' }] }), line({ id: 'm2', images: [{ path: 'photos/IMG_0003.JPG' }] })].join('\n'));
    const { code, out, err } = await runCli(['check', '--jsonl', corpus]);
    expect(code).toBe(1);
    expect(err).toMatch(/line 1, field "images\[0\]\.path": cannot read photos\/nope\.jpg: ENOENT/);
    expect(out.split('\n').map((l) => JSON.parse(l).id)).toEqual(['m2']);
  });

  it('eval reads path entries too', async () => {
    const corpus = write('corpus/eval.jsonl', line({ id: 'e1', images: [{ path: 'photos/IMG_0003.JPG' }], expect: ['facility-layout'] }));
    const { code, out } = await runCli(['eval', corpus, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).micro).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });
});

describe('second-look hash', () => {
  it('prints referenceImages entries for each image', async () => {
    const { code, out, err } = await runCli(['hash', badge('star_orig.png'), badge('patch_orig.png')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const entries = JSON.parse(out);
    expect(entries).toEqual([
      { label: 'star_orig', category: 'insignia-uniform', dhash: expect.stringMatching(/^[0-9a-f]{16}$/), phash: expect.stringMatching(/^[0-9a-f]{16}$/) },
      { label: 'patch_orig', category: 'insignia-uniform', dhash: expect.stringMatching(/^[0-9a-f]{16}$/), phash: expect.stringMatching(/^[0-9a-f]{16}$/) },
    ]);
  });

  it('pasted into a profile, the hashes make a resized copy of the patch raise insignia-uniform', async () => {
    const { out } = await runCli(['hash', '--label', 'DOC patch', badge('patch_orig.png')]);
    const agency = write('patch-agency.json', JSON.stringify({ id: 'patch-agency', extends: 'ct-doc', referenceImages: JSON.parse(out) }));
    const copy = join(dir, 'repost.jpg');
    copyFileSync(badge('patch_resize.jpg'), copy);
    const { code, out: report } = await runCli(['check', '--profile', agency, '--json', '--image', copy, 'Throwback']);
    expect(code).toBe(2);
    const result = JSON.parse(report);
    expect(result.categories).toEqual(['insignia-uniform']);
    expect(result.findings[0].why).toMatch(/^Photo 1 looks like the agency's reference image 'DOC patch' \(distance \d\/64\)$/);
  });

  it('takes a category and numbers labels for several images', async () => {
    const { out } = await runCli(['hash', '--category', 'facility-layout', '--label', 'Main gate', badge('star_orig.png'), badge('shield_orig.png')]);
    expect(JSON.parse(out).map((e: { label: string; category: string }) => [e.label, e.category])).toEqual([
      ['Main gate 1', 'facility-layout'],
      ['Main gate 2', 'facility-layout'],
    ]);
  });

  it('names images it cannot hash, prints the rest, and exits 1', async () => {
    const { code, out, err } = await runCli(['hash', sharedPath('images/heic-iphone7.heic'), badge('star_orig.png'), join(dir, 'nope.png')]);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toHaveLength(1);
    expect(err).toMatch(/heic-iphone7\.heic: not hashed: HEIC pixels are not decoded by the command line/);
    expect(err).toMatch(/nope\.png: cannot read \(ENOENT\)/);
  });

  it('rejects a category a reference image cannot raise, and has help', async () => {
    const bad = await runCli(['hash', '--category', 'defamation', badge('star_orig.png')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--category must be one of insignia-uniform, facility-layout/);
    expect((await runCli(['hash', '--help'])).out).toMatch(/referenceImages/);
    expect((await runCli(['--help'])).out).toMatch(/hash\s+Reference hashes/);
  });
});
