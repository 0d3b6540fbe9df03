// Image files made in tests: small JPEGs and PNGs, an EXIF (TIFF) writer for GPS/time/captions, and
// PNG chunk helpers for damaged files. Nothing large is committed; big files are generated on demand.
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0) & 0xff));

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** RGBA pixels of a simple test picture: a dark disc on a light background, with a gradient. */
export function testPicture(width: number, height: number, seed = 1): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  const r = Math.min(width, height) * (0.25 + 0.1 * (seed % 3));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inside = (x - width / 2) ** 2 + (y - height / 2) ** 2 < r * r;
      const v = inside ? 40 + ((x * seed) % 30) : 200 + Math.round((55 * x) / width);
      data[i] = v;
      data[i + 1] = inside ? 20 : v;
      data[i + 2] = inside ? 20 : v;
      data[i + 3] = 255;
    }
  }
  return data;
}

/** An 8-bit RGBA PNG (default 16 × 16) with extra chunks inserted before IDAT. */
export function tinyPng(extra: Uint8Array[] = [], width = 16, height = 16, pixels = testPicture(width, height)): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...extra,
    pngChunk('IDAT', new Uint8Array(deflateSync(raw))),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A baseline JPEG (default 16 × 16) from jpeg-js. */
export function tinyJpeg(width = 16, height = 16, quality = 90, pixels = testPicture(width, height)): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: pixels, width, height }, quality).data);
}

export interface ExifFields {
  lat?: number;
  lon?: number;
  accuracyM?: number;
  /** "YYYY:MM:DD HH:MM:SS" */
  dateTimeOriginal?: string;
  /** "+02:00" */
  offset?: string;
  /** [h, m, s] UTC and "YYYY:MM:DD" */
  gpsTime?: [number, number, number];
  gpsDate?: string;
  make?: string;
  model?: string;
  description?: string;
  orientation?: number;
}

type Entry = { tag: number; type: 1 | 2 | 3 | 4 | 5; values: number[] | string };

/** A little-endian TIFF structure with IFD0, an EXIF IFD and a GPS IFD holding the given fields. */
export function exifTiff(f: ExifFields): Uint8Array {
  const ifd0: Entry[] = [];
  const exif: Entry[] = [];
  const gps: Entry[] = [];
  if (f.description) ifd0.push({ tag: 0x010e, type: 2, values: f.description });
  if (f.make) ifd0.push({ tag: 0x010f, type: 2, values: f.make });
  if (f.model) ifd0.push({ tag: 0x0110, type: 2, values: f.model });
  if (f.orientation) ifd0.push({ tag: 0x0112, type: 3, values: [f.orientation] });
  if (f.dateTimeOriginal) exif.push({ tag: 0x9003, type: 2, values: f.dateTimeOriginal });
  if (f.offset) exif.push({ tag: 0x9011, type: 2, values: f.offset });
  const rational = (x: number) => [Math.round(x * 10000), 10000];
  const dmsOf = (x: number) => {
    const a = Math.abs(x);
    const d = Math.floor(a);
    const m = Math.floor((a - d) * 60);
    const s = (a - d - m / 60) * 3600;
    return [d, 1, m, 1, ...rational(s)];
  };
  if (f.lat !== undefined && f.lon !== undefined) {
    gps.push({ tag: 0x0000, type: 1, values: [2, 3, 0, 0] });
    gps.push({ tag: 0x0001, type: 2, values: f.lat < 0 ? 'S' : 'N' });
    gps.push({ tag: 0x0002, type: 5, values: dmsOf(f.lat) });
    gps.push({ tag: 0x0003, type: 2, values: f.lon < 0 ? 'W' : 'E' });
    gps.push({ tag: 0x0004, type: 5, values: dmsOf(f.lon) });
  }
  if (f.gpsTime) gps.push({ tag: 0x0007, type: 5, values: f.gpsTime.flatMap((x) => [x, 1]) });
  if (f.gpsDate) gps.push({ tag: 0x001d, type: 2, values: f.gpsDate });
  if (f.accuracyM !== undefined) gps.push({ tag: 0x001f, type: 5, values: rational(f.accuracyM) });

  // Layout: header (8) | IFD0 | EXIF IFD | GPS IFD | data area.
  const blocks: Entry[][] = [ifd0, exif, gps];
  if (exif.length) ifd0.push({ tag: 0x8769, type: 4, values: [0] });
  if (gps.length) ifd0.push({ tag: 0x8825, type: 4, values: [0] });
  for (const b of blocks) b.sort((a, c) => a.tag - c.tag);
  const ifdSize = (b: Entry[]) => (b.length ? 2 + b.length * 12 + 4 : 0);
  const offsets = [8, 8 + ifdSize(ifd0), 8 + ifdSize(ifd0) + ifdSize(exif)];
  let dataOffset = offsets[2]! + ifdSize(gps);
  const buf = new Uint8Array(4096);
  const v = new DataView(buf.buffer);
  buf.set(ascii('II*\0'));
  v.setUint32(4, 8, true);
  const size = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8 } as const;
  blocks.forEach((b, bi) => {
    if (!b.length) return;
    let o = offsets[bi]!;
    v.setUint16(o, b.length, true);
    o += 2;
    for (const e of b) {
      if (e.tag === 0x8769) e.values = [offsets[1]!];
      if (e.tag === 0x8825) e.values = [offsets[2]!];
      const bytes = typeof e.values === 'string' ? ascii(e.values + '\0') : null;
      const count = bytes ? bytes.length : e.type === 5 ? e.values.length / 2 : e.values.length;
      v.setUint16(o, e.tag, true);
      v.setUint16(o + 2, e.type, true);
      v.setUint32(o + 4, count, true);
      const byteLength = count * size[e.type];
      const target = byteLength <= 4 ? o + 8 : dataOffset;
      if (byteLength > 4) {
        v.setUint32(o + 8, dataOffset, true);
        dataOffset += byteLength + (byteLength & 1);
      }
      if (bytes) buf.set(bytes, target);
      else
        (e.values as number[]).forEach((x, i) => {
          if (e.type === 1) v.setUint8(target + i, x);
          else if (e.type === 3) v.setUint16(target + i * 2, x, true);
          else v.setUint32(target + i * 4, x, true);
        });
      o += 12;
    }
    v.setUint32(o, 0, true);
  });
  return buf.slice(0, dataOffset);
}

/** The JPEG with an APP1 "Exif" segment (made by exifTiff) right after SOI. */
export function withExif(jpegBytes: Uint8Array, fields: ExifFields): Uint8Array {
  const tiff = exifTiff(fields);
  const app1 = new Uint8Array(4 + 6 + tiff.length);
  app1.set([0xff, 0xe1, ((app1.length - 2) >> 8) & 0xff, (app1.length - 2) & 0xff]);
  app1.set(ascii('Exif\0\0'), 4);
  app1.set(tiff, 10);
  // Drop a JFIF APP0 if jpeg-js wrote one, so EXIF is the first segment as cameras write it.
  let rest = jpegBytes.subarray(2);
  if (rest[0] === 0xff && rest[1] === 0xe0) rest = rest.subarray(2 + ((rest[2]! << 8) | rest[3]!));
  return concat([jpegBytes.subarray(0, 2), app1, rest]);
}

/** A PNG with an eXIf chunk (made by exifTiff). */
export function pngWithExif(fields: ExifFields, width = 16, height = 16): Uint8Array {
  return tinyPng([pngChunk('eXIf', exifTiff(fields))], width, height);
}
