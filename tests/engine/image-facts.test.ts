// Image facts read from real camera files (../shared/images, expected values in its README) and
// from damaged or hostile files generated here.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { captureTime, extractFromBytes, normaliseMetadata, resolveTakenAt } from '../../rules/engine/image-facts';
import type { ByteSource } from '../../rules/engine/exifr';
import { extractImageFacts } from '../../rules/engine/image-facts';
import { sharedPath } from '../support/shared';
import { crc32, pngChunk, tinyJpeg, tinyPng, withExif } from '../support/images';

const image = (name: string) => new Uint8Array(readFileSync(sharedPath(`images/${name}`)));
const facts = async (name: string) => (await extractFromBytes(image(name), { name })).facts;

/** Degrees from the README's degrees, minutes and seconds. */
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

describe('facts from the shared camera files', () => {
  it('Pixel JPEG: GPS, camera, and an offset derived from the GPS UTC time', async () => {
    const f = await facts('IMG_20180725_163423.jpg');
    expect(f.gps!.lat).toBeCloseTo(dms(50, 17, 58.57), 6);
    expect(f.gps!.lon).toBeCloseTo(dms(14, 49, 13.06), 6);
    expect(f.gps!.accuracyM).toBeUndefined();
    expect(f).toMatchObject({ make: 'Google', model: 'Pixel', type: 'image/jpeg', width: 4048, height: 3036, byteSize: 4055536 });
    // DateTimeOriginal 16:34:23 local, GPS 14:34:23 UTC → +02:00 (Czech summer time).
    expect(f.takenAt).toBe('2018-07-25T16:34:23+02:00');
    expect(f.takenAtOffsetSource).toBe('gps');
    expect(f.description).toBeUndefined();
    expect(f.notes).toBeUndefined();
  });

  it('iPhone HEIC: metadata (no pixels), OffsetTimeOriginal, GPS accuracy', async () => {
    const f = await facts('heic-iphone7.heic');
    expect(f.gps!.lat).toBeCloseTo(dms(38, 2, 47.91), 6);
    expect(f.gps!.lon).toBeCloseTo(dms(12, 59, 39.88), 6);
    expect(f.gps!.accuracyM).toBeCloseTo(6.0, 1);
    expect(f).toMatchObject({ make: 'Apple', model: 'iPhone 7', type: 'image/heic', takenAt: '2019-10-20T18:34:30+02:00', takenAtOffsetSource: 'exif' });
  });

  it('PNG with an eXIf chunk after the image data', async () => {
    const f = await facts('png_with_exif_and_gps.png');
    expect(f.gps!.lat).toBeCloseTo(dms(50, 17, 58.57), 6);
    expect(f.gps!.lon).toBeCloseTo(dms(14, 49, 13.06), 6);
    expect(f).toMatchObject({ make: 'Canon', model: 'Canon PowerShot S40', type: 'image/png' });
    // The GPS stamp is from 2018 and the camera clock from 2003: no plausible offset, so none is claimed.
    expect(f.takenAt).toBe('2003-12-14T12:01:44');
    expect(f.takenAtOffsetSource).toBeUndefined();
  });

  it('IPTC JPEG: keywords, XMP dc:subject, caption and a -06:00 capture time', async () => {
    const f = await facts('iptc-staff-photographer-example.jpg');
    expect(f.description).toContain('Jim Moore hops off');
    expect(f.keywords).toEqual(expect.arrayContaining(['agriculture', 'farmer', 'tractor', 'onions']));
    // IPTC Keywords and XMP dc:subject repeat each other: each keyword appears once.
    expect(new Set(f.keywords).size).toBe(f.keywords!.length);
    expect(f.takenAt).toBe('2007-04-19T11:03:15-06:00');
    expect(f.gps).toBeUndefined();
  });

  it('WebP through the RIFF adapter: XMP subject, ImageDescription, OffsetTimeOriginal, GPS', async () => {
    const f = await facts('phone.webp');
    expect(f.keywords).toEqual(['inmate', 'badge']);
    expect(f.description).toBe('Shift change at MSP, Unit B');
    expect(f.takenAt).toBe('2018-07-25T16:34:23-06:00');
    expect(f.takenAtOffsetSource).toBe('exif');
    expect(f.gps!.lat).toBeCloseTo(dms(50, 17, 58.57), 6);
    expect(f).toMatchObject({ type: 'image/webp', width: 4048, height: 3036, make: 'Google' });
  });

  it('Canon DSLR JPEG without GPS', async () => {
    const f = await facts('canon-dslr.jpg');
    expect(f).toMatchObject({ make: 'Canon', model: 'Canon EOS 1300D', width: 5184, height: 3456 });
    expect(f.gps).toBeUndefined();
    expect(f.takenAt).toBe('2019-10-26T16:07:24');
  });

  it('a badge PNG with no metadata says so in a note', async () => {
    const f = await facts('badges/star_orig.png');
    expect(f).toMatchObject({ type: 'image/png', width: 600, height: 600 });
    expect(f.notes).toEqual(['no camera metadata (no date, location, camera or caption)']);
  });

  it('reads a 4 MB JPEG in a few 64 KB reads, not whole', async () => {
    const bytes = image('IMG_20180725_163423.jpg');
    let read = 0;
    const source: ByteSource = {
      size: bytes.length,
      read: async (o, l) => {
        read += Math.min(l, bytes.length - o);
        return bytes.subarray(o, o + l);
      },
    };
    const { facts: f } = await extractImageFacts(source, { name: 'x.jpg' });
    expect(f.gps).toBeDefined();
    expect(read).toBeLessThan(512 * 1024);
  });
});

describe('capture time and its offset', () => {
  it('uses OffsetTimeOriginal when the camera wrote it', () => {
    expect(captureTime({ dateTimeOriginal: '2019:10:20 18:34:30', offsetTimeOriginal: '+02:00', gpsDateStamp: '2019:10:20', gpsTimeStamp: [3, 0, 0] })).toEqual({
      takenAt: '2019-10-20T18:34:30+02:00',
      source: 'exif',
    });
  });

  it('takes an offset written inside an ISO date (XMP, IPTC)', () => {
    expect(captureTime({ dateTimeOriginal: '2007-04-19T11:03:15-06:00' })).toEqual({ takenAt: '2007-04-19T11:03:15-06:00', source: 'exif' });
    expect(captureTime({ dateTimeOriginal: '2020-01-02T03:04:05Z' })).toEqual({ takenAt: '2020-01-02T03:04:05+00:00', source: 'exif' });
  });

  it('derives the offset from the GPS UTC stamp, rounded to 15 minutes', () => {
    expect(captureTime({ dateTimeOriginal: '2018:07:25 16:34:23', gpsDateStamp: '2018:07:25', gpsTimeStamp: [14, 34, 20] })?.takenAt).toBe('2018-07-25T16:34:23+02:00');
    // Denver in winter, across midnight UTC.
    expect(captureTime({ dateTimeOriginal: '2026:01:09 20:15:00', gpsDateStamp: '2026:01:10', gpsTimeStamp: [3, 14, 31] })).toEqual({ takenAt: '2026-01-09T20:15:00-07:00', source: 'gps' });
    // India (+05:30) and Nepal (+05:45).
    expect(captureTime({ dateTimeOriginal: '2024:03:01 12:00:00', gpsDateStamp: '2024:03:01', gpsTimeStamp: [6, 30, 5] })?.takenAt).toBe('2024-03-01T12:00:00+05:30');
    expect(captureTime({ dateTimeOriginal: '2024:03:01 12:00:00', gpsDateStamp: '2024:03:01', gpsTimeStamp: [6, 15, 0] })?.takenAt).toBe('2024-03-01T12:00:00+05:45');
  });

  it('finds the GPS day when the date stamp is missing', () => {
    expect(captureTime({ dateTimeOriginal: '2026:01:09 20:15:00', gpsTimeStamp: [3, 15, 0] })?.takenAt).toBe('2026-01-09T20:15:00-07:00');
  });

  it('ignores an implausible GPS offset (stale fix, wrong clock) and claims none', () => {
    expect(captureTime({ dateTimeOriginal: '2003:12:14 12:01:44', gpsDateStamp: '2018:07:25', gpsTimeStamp: [14, 34, 23] })).toEqual({ takenAt: '2003-12-14T12:01:44' });
    expect(captureTime({ dateTimeOriginal: '2003:12:14 12:01:44', gpsTimeStamp: ['x', 1, 2] })).toEqual({ takenAt: '2003-12-14T12:01:44' });
  });

  it('rejects malformed dates and offsets', () => {
    expect(captureTime({ dateTimeOriginal: '0000:00:00 00:00:00' })).toBeUndefined();
    expect(captureTime({ dateTimeOriginal: 'yesterday' })).toBeUndefined();
    expect(captureTime({ dateTimeOriginal: '2020:01:01 10:00:00', offsetTimeOriginal: '+25:00' })).toEqual({ takenAt: '2020-01-01T10:00:00' });
  });

  it('falls back to the profile’s time zone, with daylight saving time', () => {
    expect(resolveTakenAt({ takenAt: '2026-07-04T09:00:00' }, 'America/Chicago')).toEqual({ takenAt: '2026-07-04T09:00:00-05:00', takenAtOffsetSource: 'profile' });
    expect(resolveTakenAt({ takenAt: '2026-01-04T09:00:00' }, 'America/Chicago').takenAt).toBe('2026-01-04T09:00:00-06:00');
    expect(resolveTakenAt({ takenAt: '2026-03-08T03:30:00' }, 'America/Denver').takenAt).toBe('2026-03-08T03:30:00-06:00');
  });

  it('leaves a time that has an offset, and an unknown zone, alone', () => {
    const withOffset = { takenAt: '2026-07-04T09:00:00+02:00', takenAtOffsetSource: 'exif' as const };
    expect(resolveTakenAt(withOffset, 'America/Chicago')).toBe(withOffset);
    expect(resolveTakenAt({ takenAt: '2026-07-04T09:00:00' }, 'Mars/Olympus_Mons')).toEqual({ takenAt: '2026-07-04T09:00:00' });
  });
});

describe('normaliseMetadata', () => {
  it('skips camera boilerplate descriptions and a 0,0 position', () => {
    const { facts: f } = normaliseMetadata({ ifd0: { ImageDescription: 'OLYMPUS DIGITAL CAMERA         ' }, gps: { latitude: 0, longitude: 0 } });
    expect(f.description).toBeUndefined();
    expect(f.gps).toBeUndefined();
  });

  it('computes degrees from raw DMS with S/W references', () => {
    const { facts: f } = normaliseMetadata({ gps: { GPSLatitude: [33, 52, 4.2], GPSLatitudeRef: 'S', GPSLongitude: [151, 12, 36], GPSLongitudeRef: 'W' } });
    expect(f.gps!.lat).toBeCloseTo(-33.8678333, 6);
    expect(f.gps!.lon).toBeCloseTo(-151.21, 6);
  });

  it('strips control characters and caps long captions', () => {
    const { facts: f } = normaliseMetadata({ ifd0: { ImageDescription: 'Yard\u0000 view\u0007' + 'x'.repeat(5000) } });
    expect(f.description!.startsWith('Yard view')).toBe(true);
    expect(f.description!.length).toBeLessThanOrEqual(2000);
  });
});

describe('bad input: skipped or partly read, with a note, never a throw', () => {
  it('zero bytes', async () => {
    const r = await extractFromBytes(new Uint8Array(0), { name: 'empty.jpg', type: 'image/jpeg' });
    expect(r.format).toBeNull();
    expect(r.facts).toMatchObject({ filename: 'empty.jpg', byteSize: 0, notes: ['empty file (0 bytes): nothing to check'] });
  });

  it('not an image at all', async () => {
    const r = await extractFromBytes(new TextEncoder().encode('%PDF-1.7 not a photo'), { name: 'scan.jpg' });
    expect(r.format).toBeNull();
    expect(r.facts.notes![0]).toMatch(/not a recognised image format \(named \.jpg but the content is not JPEG\)/);
  });

  it('a wrong extension is read as what the bytes are', async () => {
    const r = await extractFromBytes(image('png_with_exif_and_gps.png'), { name: 'holiday.jpg', type: 'image/jpeg' });
    expect(r.format).toBe('png');
    expect(r.facts.type).toBe('image/png');
    expect(r.facts.gps).toBeDefined();
    expect(r.facts.notes).toContain('named .jpg but the content is PNG: read as PNG');
  });

  it('a JPEG cut off inside its EXIF block', async () => {
    const r = await extractFromBytes(image('IMG_20180725_163423.jpg').subarray(0, 3000), { name: 'cut.jpg' });
    expect(r.format).toBe('jpeg');
    expect(r.facts.byteSize).toBe(3000);
    expect(r.facts.notes?.length).toBeGreaterThan(0);
  });

  it('a JPEG cut off after its metadata still gives its metadata', async () => {
    const r = await extractFromBytes(image('IMG_20180725_163423.jpg').subarray(0, 200_000), { name: 'half.jpg' });
    expect(r.facts.gps).toBeDefined();
    expect(r.facts.takenAt).toBe('2018-07-25T16:34:23+02:00');
  });

  it('random bytes behind a JPEG or PNG signature', async () => {
    let seed = 7;
    const noise = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    for (const magic of [[0xff, 0xd8, 0xff, 0xe1], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...'RIFF'].map((c) => c.charCodeAt(0))]) {
      const bytes = new Uint8Array([...magic, ...noise(50_000)]);
      if (magic[0] === 0x52) bytes.set([...'WEBP'].map((c) => c.charCodeAt(0)), 8);
      const r = await extractFromBytes(bytes, { name: 'noise' });
      expect(r.facts.byteSize).toBe(bytes.length);
      expect(r.facts.gps).toBeUndefined();
    }
  });

  it('a PNG with a huge text chunk skips the chunk and keeps the rest', async () => {
    const huge = new Uint8Array(6 * 1_048_576).fill(0x41);
    const png = tinyPng([pngChunk('tEXt', new Uint8Array([...new TextEncoder().encode('Comment\0'), ...huge])), pngChunk('tEXt', new TextEncoder().encode('Description\0Fence line behind the gym'))]);
    const r = await extractFromBytes(png, { name: 'big-text.png' });
    expect(r.facts.description).toBe('Fence line behind the gym');
    expect(r.facts.notes).toContain('skipped a 6.0 MB PNG tEXt chunk (over the 1.0 MB limit)');
  });

  it('a PNG whose chunk lengths point past the end', async () => {
    const png = tinyPng([]);
    const broken = new Uint8Array(png.length + 12);
    broken.set(png.subarray(0, png.length - 12));
    broken.set([0x7f, 0xff, 0xff, 0xff, ...new TextEncoder().encode('eXIf')], png.length - 12);
    const r = await extractFromBytes(broken, { name: 'broken.png' });
    expect(r.format).toBe('png');
    expect(r.facts.notes!.join(' ')).toMatch(/skipped a 2048 MB PNG eXIf chunk|truncated/);
  });

  it('a JPEG with EXIF written by us (GPS, time, accuracy) round-trips', async () => {
    const jpeg = withExif(tinyJpeg(), { lat: -33.8568, lon: 151.2153, accuracyM: 12, dateTimeOriginal: '2026:02:03 01:18:00', offset: '+11:00' });
    const r = await extractFromBytes(jpeg, { name: 'opera.jpg' });
    expect(r.facts.gps).toEqual({ lat: expect.closeTo(-33.8568, 4), lon: expect.closeTo(151.2153, 4), accuracyM: 12 });
    expect(r.facts.takenAt).toBe('2026-02-03T01:18:00+11:00');
  });

  it('a 200 MB HEIC whose metadata box claims to be 4 GB is refused at the span limit, not read', async () => {
    const head = image('heic-iphone7.heic').slice(0, 64 * 1024);
    // The box after ftyp is "meta"; make its 32-bit size absurd.
    const metaAt = new DataView(head.buffer).getUint32(0);
    new DataView(head.buffer).setUint32(metaAt, 0xfffffff0);
    let largestRead = 0;
    const source: ByteSource = {
      size: 200 * 1_048_576,
      read: async (offset, length) => {
        largestRead = Math.max(largestRead, length);
        const out = new Uint8Array(Math.min(length, 1_048_576));
        out.set(head.subarray(offset, offset + out.length));
        return out;
      },
    };
    const r = await extractImageFacts(source, { name: 'odd.heic' }, { maxMetadataSpan: 1_048_576 });
    expect(r.format).toBe('heic');
    expect(r.facts.gps).toBeUndefined();
    expect(r.facts.notes!.join(' ')).toMatch(/metadata lies beyond the first 1 MB and was not read/);
    expect(largestRead).toBeLessThanOrEqual(65_536);
  });

  it('checks the CRC helper the PNG builder uses', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(deflateSync(new Uint8Array(1)).length).toBeGreaterThan(0);
  });
});
