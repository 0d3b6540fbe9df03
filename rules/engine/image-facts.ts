// Facts about one attached photo, read from the file itself: what the engine's image rules see.
// Pure (no DOM): the page passes a File-backed ByteSource, the CLI a file-handle one, tests bytes.
// Pixel hashes are added by the caller after decoding (utils/image-capture.ts, cli/image-file.ts).
import { bytesSource, parseXmp, readWithExifr, type ByteSource, type ExifrOutput } from './exifr';
import {
  DEFAULT_WALK_LIMITS,
  FORMAT_MIME,
  formatFromName,
  gifSize,
  jpegSize,
  sniffFormat,
  walkPng,
  walkWebp,
  type ContainerInfo,
  type ImageFormat,
  type WalkLimits,
} from './image-containers';
import { captureTime } from './capture-time';
import type { ImageFacts } from './types';

export { bytesSource, type ByteSource, type ImageFormat };
export { captureTime, resolveTakenAt } from './capture-time';

export interface FileInfo {
  /** The file name as the user picked it. */
  name?: string;
  /** The MIME type the browser or caller declared. */
  type?: string;
}

export interface ExtractOptions extends Partial<WalkLimits> {
  /** exifr never reads past this many bytes into a JPEG/HEIC/AVIF/TIFF (default 16 MB). */
  maxMetadataSpan?: number;
}

export interface ExtractedImage {
  facts: ImageFacts;
  /** The format the bytes are in (null when not a recognised image). */
  format: ImageFormat | null;
  /** EXIF Orientation (1–8) for callers that decode pixels themselves. */
  orientation?: number;
}

/** Formats whose pixels a browser can decode (HEIC: metadata only, research/detection.md §6). */
export const DECODABLE_IN_BROWSER: ReadonlySet<ImageFormat> = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'bmp']);

const MAX_TEXT = 2000;
const MAX_KEYWORDS = 100;

/**
 * Read the facts of one image. Never throws: whatever cannot be read becomes a note, and the facts
 * keep what could be read (at least file name, type and size).
 */
export async function extractImageFacts(source: ByteSource, file: FileInfo = {}, options: ExtractOptions = {}): Promise<ExtractedImage> {
  const limits: WalkLimits = { ...DEFAULT_WALK_LIMITS, ...stripUndefined(options) };
  const facts: ImageFacts = {};
  const notes: string[] = [];
  if (file.name) facts.filename = file.name;
  if (file.type) facts.type = file.type;
  facts.byteSize = source.size;
  if (source.size === 0) {
    notes.push('empty file (0 bytes): nothing to check');
    return { facts: { ...facts, notes }, format: null };
  }
  let format: ImageFormat | null = null;
  let orientation: number | undefined;
  try {
    const head = await source.read(0, 64);
    format = sniffFormat(head);
    const named = formatFromName(file.name);
    if (!format) {
      notes.push(`not a recognised image format${named ? ` (named .${file.name!.split('.').pop()} but the content is not ${named.toUpperCase()})` : ''}: skipped`);
      return { facts: { ...facts, notes }, format: null };
    }
    facts.type = FORMAT_MIME[format];
    if (named && named !== format) notes.push(`named .${file.name!.split('.').pop()} but the content is ${format.toUpperCase()}: read as ${format.toUpperCase()}`);

    let container: ContainerInfo = { texts: {}, notes: [] };
    let exifr: ExifrOutput = {};
    const maxSpan = options.maxMetadataSpan ?? 16 * 1_048_576;
    if (format === 'png' || format === 'webp') {
      container = format === 'png' ? await walkPng(source, limits) : await walkWebp(source, limits);
      if (container.exif) {
        const r = await readWithExifr(bytesSource(container.exif), container.exif.byteLength);
        exifr = r.output;
        notes.push(...r.problems.map((p) => `metadata partly unreadable: ${p}`));
      }
      if (container.xmp) mergeXmp(exifr, await parseXmp(container.xmp));
    } else if (format === 'gif') {
      const size = gifSize(head);
      if (size) Object.assign(container, size);
    } else if (format === 'bmp') {
      // No metadata in BMP; the size is all there is.
      if (head.length >= 26) Object.assign(container, { width: Math.abs(dataView(head).getInt32(18, true)), height: Math.abs(dataView(head).getInt32(22, true)) });
    } else {
      const r = await readWithExifr(source, maxSpan);
      exifr = r.output;
      notes.push(...r.problems.map((p) => `metadata partly unreadable: ${p}`));
      if (format === 'jpeg') {
        const size = await jpegSize(source, limits);
        if (size) Object.assign(container, size);
        else notes.push('no JPEG frame header found (the file may be damaged)');
      }
    }
    notes.push(...container.notes);
    const normalised = normaliseMetadata(exifr, container);
    Object.assign(facts, normalised.facts);
    orientation = normalised.orientation;
    if (!hasMetadata(facts)) notes.push('no camera metadata (no date, location, camera or caption)');
  } catch (e) {
    notes.push(`could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (notes.length) facts.notes = notes;
  return { facts, format, ...(orientation ? { orientation } : {}) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function dataView(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function hasMetadata(f: ImageFacts): boolean {
  return Boolean(f.takenAt || f.gps || f.make || f.model || f.description || f.keywords?.length);
}

/** exifr puts XMP namespaces beside the EXIF blocks (the XMP `exif` namespace into `exif`); do the same. */
function mergeXmp(into: ExifrOutput, xmp: Record<string, unknown> | undefined): void {
  if (!xmp) return;
  const target = into as Record<string, Record<string, unknown> | undefined>;
  for (const [ns, value] of Object.entries(xmp)) {
    if (ns === 'xmlns' || !isRecord(value)) continue;
    const key = ns === 'tiff' ? 'ifd0' : ns;
    target[key] = { ...value, ...(target[key] ?? {}) };
  }
}

// ---------------------------------------------------------------------------------------------
// Normalisation: exifr's raw output → ImageFacts

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A clean string: XMP lang-alt objects give their value; control characters and padding go. */
function text(v: unknown): string | undefined {
  if (isRecord(v) && 'value' in v) return text(v.value);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s.slice(0, MAX_TEXT);
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(list);
  const s = text(v);
  return s ? s.split(/\s*[;,]\s*/).filter(Boolean) : [];
}

/** Descriptions cameras write on their own; they say nothing about the picture. */
const CAMERA_BOILERPLATE = /^(?:olympus digital camera|sony dsc|digital camera|konica minolta digital camera|minolta digital camera|samsung|lg electronics|default|image|photo|picture|dcim|untitled|exif_jpeg_\d+|\s*)$/i;

/** Distinct texts, dropping camera boilerplate and any text another one already contains. */
function distinctTexts(values: (string | undefined)[]): string[] {
  const kept = values.filter((v): v is string => v !== undefined && !CAMERA_BOILERPLATE.test(v));
  const lower = kept.map((v) => v.toLowerCase().replace(/[.\s]+$/, ''));
  return kept
    .filter((_, i) => !lower.some((other, j) => j !== i && (other.includes(lower[i]!) && (other !== lower[i] || j < i))))
    .map((v) => v.replace(/[.\s]+$/, ''));
}

export interface NormalisedMetadata {
  facts: Partial<ImageFacts>;
  orientation?: number;
}

/** Turn exifr's segments (and a container walk's findings) into facts. Pure and total. */
export function normaliseMetadata(raw: ExifrOutput, container: Partial<ContainerInfo> = {}): NormalisedMetadata {
  const r = raw as Record<string, unknown>;
  const ifd0 = isRecord(r.ifd0) ? r.ifd0 : {};
  const exif = isRecord(r.exif) ? r.exif : {};
  const gps = isRecord(r.gps) ? r.gps : {};
  const iptc = isRecord(r.iptc) ? r.iptc : {};
  const dc = isRecord(r.dc) ? r.dc : {};
  const photoshop = isRecord(r.photoshop) ? r.photoshop : {};
  const texts = container.texts ?? {};
  const facts: Partial<ImageFacts> = {};

  const width = container.width ?? num(exif.ExifImageWidth) ?? num(exif.PixelXDimension) ?? num(ifd0.ImageWidth);
  const height = container.height ?? num(exif.ExifImageHeight) ?? num(exif.PixelYDimension) ?? num(ifd0.ImageHeight) ?? num(ifd0.ImageLength);
  if (width && height && width > 0 && height > 0) Object.assign(facts, { width, height });

  const make = text(ifd0.Make);
  const model = text(ifd0.Model);
  if (make) facts.make = make;
  if (model) facts.model = model;

  const descriptions = distinctTexts([
    text(dc.description),
    text(iptc.Caption),
    text(ifd0.ImageDescription),
    text(iptc.Headline),
    text(photoshop.Headline),
    text(texts.Description),
    text(texts.Title),
    text(texts.Comment),
    text(texts.Subject),
  ]);
  if (descriptions.length) facts.description = descriptions.join('. ').slice(0, MAX_TEXT);

  const keywords = uniqueExact([...list(dc.subject), ...list(iptc.Keywords), ...list(texts.Keywords)]).slice(0, MAX_KEYWORDS);
  if (keywords.length) facts.keywords = keywords.map((k) => k.slice(0, 100));

  const position = gpsPosition(gps);
  if (position) facts.gps = position;

  const taken = captureTime({
    dateTimeOriginal: text(exif.DateTimeOriginal) ?? text(photoshop.DateCreated) ?? iptcDateTime(iptc) ?? text(exif.CreateDate),
    offsetTimeOriginal: text(exif.OffsetTimeOriginal) ?? text(exif.OffsetTime),
    gpsDateStamp: text(gps.GPSDateStamp),
    gpsTimeStamp: gps.GPSTimeStamp,
  });
  if (taken) {
    facts.takenAt = taken.takenAt;
    if (taken.source) facts.takenAtOffsetSource = taken.source;
  }

  const orientation = num(ifd0.Orientation);
  return { facts, ...(orientation && orientation >= 1 && orientation <= 8 ? { orientation } : {}) };
}

function uniqueExact(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Degrees from exifr's computed latitude/longitude, or from the raw [d, m, s] and reference. */
function gpsPosition(gps: Record<string, unknown>): ImageFacts['gps'] | undefined {
  const lat = num(gps.latitude) ?? dms(gps.GPSLatitude, gps.GPSLatitudeRef, 'S');
  const lon = num(gps.longitude) ?? dms(gps.GPSLongitude, gps.GPSLongitudeRef, 'W');
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  // 0,0 is what a phone writes when it had no fix.
  if (lat === 0 && lon === 0) return undefined;
  const accuracy = num(gps.GPSHPositioningError);
  return { lat: round(lat, 7), lon: round(lon, 7), ...(accuracy !== undefined && accuracy >= 0 ? { accuracyM: round(accuracy, 1) } : {}) };
}

function dms(v: unknown, ref: unknown, negative: string): number | undefined {
  if (!Array.isArray(v) || v.length < 3 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) return undefined;
  const deg = (v[0] as number) + (v[1] as number) / 60 + (v[2] as number) / 3600;
  return ref === negative ? -deg : deg;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** IPTC DateCreated "20070419" + TimeCreated "110315-0600" as ISO-8601. */
function iptcDateTime(iptc: Record<string, unknown>): string | undefined {
  const date = text(iptc.DateCreated)?.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!date) return undefined;
  const time = text(iptc.TimeCreated)?.match(/^(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?$/);
  if (!time) return undefined;
  const offset = time[4] ? `${time[4]}${time[5]}:${time[6]}` : '';
  return `${date[1]}-${date[2]}-${date[3]}T${time[1]}:${time[2]}:${time[3]}${offset}`;
}

/** Facts of an in-memory file. */
export function extractFromBytes(bytes: Uint8Array, file: FileInfo = {}, options: ExtractOptions = {}): Promise<ExtractedImage> {
  return extractImageFacts(bytesSource(bytes), file, options);
}
