// Image containers: recognise the format from the first bytes, and walk the PNG, WebP, GIF and JPEG
// structures for the pixel size and the metadata blocks exifr cannot reach on its own (exifr has no
// WebP support, and its PNG module carries Node-only code). Every walk is bounded: a chunk count,
// a number of bytes scanned, and a size cap for any block that is read whole.
import type { ByteSource } from './exifr';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'avif' | 'tiff' | 'bmp';

export const FORMAT_MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  avif: 'image/avif',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
};

/** File-name extensions each format is usually saved with. */
const EXTENSIONS: Record<ImageFormat, string[]> = {
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png', 'apng'],
  webp: ['webp'],
  gif: ['gif'],
  heic: ['heic', 'heif', 'hif'],
  avif: ['avif'],
  tiff: ['tif', 'tiff', 'dng'],
  bmp: ['bmp', 'dib'],
};

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** The format of a file from its first bytes (at least 32), or null when it is not a known image. */
export function sniffFormat(head: Uint8Array): ImageFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (head.length >= 6 && /^GIF8[79]a$/.test(ascii(head, 0, 6))) return 'gif';
  if (head.length >= 2 && ascii(head, 0, 2) === 'BM') return 'bmp';
  if (head.length >= 4 && (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*')) return 'tiff';
  if (head.length >= 12 && ascii(head, 4, 4) === 'ftyp') {
    const boxSize = readU32BE(head, 0);
    const brands: string[] = [ascii(head, 8, 4)];
    for (let o = 16; o + 4 <= Math.min(boxSize, head.length); o += 4) brands.push(ascii(head, o, 4));
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
    if (brands.some((b) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(b))) return 'heic';
  }
  return null;
}

/** The format a file name's extension suggests, if any. */
export function formatFromName(name: string | undefined): ImageFormat | null {
  const ext = name?.match(/\.([a-z0-9]{2,5})$/i)?.[1]?.toLowerCase();
  if (!ext) return null;
  for (const [format, list] of Object.entries(EXTENSIONS) as [ImageFormat, string[]][]) if (list.includes(ext)) return format;
  return null;
}

export function readU32BE(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}
const readU32LE = (b: Uint8Array, o: number) => ((b[o + 3]! << 24) | (b[o + 2]! << 16) | (b[o + 1]! << 8) | b[o]!) >>> 0;
const readU24LE = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16);
const readU16LE = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const readU16BE = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;

export interface WalkLimits {
  /** Stop walking after this many bytes of the file have been passed over (default 256 MB). */
  maxScanBytes: number;
  /** Stop after this many chunks or segments (default 20,000). */
  maxChunks: number;
  /** A metadata block (EXIF, XMP, text) larger than this is skipped with a note (default 1 MB). */
  maxBlockBytes: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxScanBytes: 256 * 1_048_576, maxChunks: 20_000, maxBlockBytes: 1_048_576 };

/** What a container walk found. */
export interface ContainerInfo {
  width?: number;
  height?: number;
  /** EXIF as a bare TIFF structure ("II*\0…" or "MM\0*…"). */
  exif?: Uint8Array;
  /** The XMP packet. */
  xmp?: string;
  /** PNG text chunks by keyword (Title, Description, Comment…). */
  texts: Record<string, string>;
  notes: string[];
}

const WINDOW = 65_536;

/** Small reads served from one cached 64 KB window, so walking many small chunk headers stays cheap. */
class Cursor {
  private start = 0;
  private window: Uint8Array = new Uint8Array(0);
  constructor(private readonly source: ByteSource) {}

  async bytes(offset: number, length: number): Promise<Uint8Array> {
    if (offset >= this.start && offset + length <= this.start + this.window.length) {
      return this.window.subarray(offset - this.start, offset - this.start + length);
    }
    if (length > WINDOW) return this.source.read(offset, length);
    this.start = offset;
    this.window = await this.source.read(offset, WINDOW);
    return this.window.subarray(0, Math.min(length, this.window.length));
  }
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(n >= 10 * 1_048_576 ? 0 : 1)} MB`;
const latin1 = (b: Uint8Array) => String.fromCharCode(...b);

/** UTF-8 to string (rules/ has no TextDecoder type: it is type-checked without the DOM library). */
function utf8(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >> 5 === 6 ? 1 : c >> 4 === 14 ? 2 : c >> 3 === 30 ? 3 : -1;
    if (n < 0 || i + n >= b.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = n === 0 ? c : c & (0x3f >> n);
    for (let k = 1; k <= n; k++) cp = (cp << 6) | (b[i + k]! & 0x3f);
    out += String.fromCodePoint(cp > 0x10ffff ? 0xfffd : cp);
    i += n + 1;
  }
  return out;
}

/** Strings longer than the stack allows for String.fromCharCode(...bytes). */
function latin1Long(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += latin1(b.subarray(i, i + 8192));
  return s;
}

/** EXIF blocks sometimes keep JPEG's "Exif\0\0" prefix; exifr wants the TIFF structure itself. */
function tiffStart(block: Uint8Array): Uint8Array | undefined {
  const at = block.length >= 6 && latin1(block.subarray(0, 6)) === 'Exif\0\0' ? 6 : 0;
  const tiff = block.subarray(at);
  const magic = latin1(tiff.subarray(0, 4));
  return magic === 'II*\0' || magic === 'MM\0*' ? tiff : undefined;
}

const PNG_TEXT_KEYS = new Set(['Title', 'Description', 'Comment', 'Subject', 'Keywords']);

/**
 * PNG: IHDR for the size; eXIf (EXIF), iTXt "XML:com.adobe.xmp" (XMP), tEXt/iTXt captions. Text
 * chunks come before or after the image data (exiftool writes them after), so the walk runs to IEND,
 * jumping over the image data without reading it.
 */
export async function walkPng(source: ByteSource, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<ContainerInfo> {
  const info: ContainerInfo = { texts: {}, notes: [] };
  const cursor = new Cursor(source);
  let offset = 8;
  for (let count = 0; offset + 12 <= source.size; count++) {
    if (count >= limits.maxChunks || offset > limits.maxScanBytes) {
      info.notes.push(`stopped reading PNG chunks after ${count} chunks (${mb(offset)})`);
      break;
    }
    const head = await cursor.bytes(offset, 8);
    if (head.length < 8) break;
    const length = readU32BE(head, 0);
    const type = latin1(head.subarray(4, 8));
    if (!/^[A-Za-z]{4}$/.test(type)) {
      info.notes.push(`PNG structure is damaged at byte ${offset}`);
      break;
    }
    const dataStart = offset + 8;
    if (type === 'IEND') break;
    if (dataStart + length > source.size) info.notes.push(`file is truncated (PNG ${type} chunk runs past the end)`);
    if (type === 'IHDR' && length >= 8) {
      const d = await cursor.bytes(dataStart, 8);
      info.width = readU32BE(d, 0);
      info.height = readU32BE(d, 4);
    } else if (type === 'eXIf' || type === 'tEXt' || type === 'iTXt' || type === 'zTXt') {
      if (length > limits.maxBlockBytes) {
        info.notes.push(`skipped a ${mb(length)} PNG ${type} chunk (over the ${mb(limits.maxBlockBytes)} limit)`);
      } else {
        const data = await source.read(dataStart, length);
        readPngBlock(type, data, info);
      }
    }
    offset = dataStart + length + 4;
  }
  return info;
}

function readPngBlock(type: string, data: Uint8Array, info: ContainerInfo): void {
  if (type === 'eXIf') {
    const tiff = tiffStart(data);
    if (tiff) info.exif ??= tiff;
    else info.notes.push('PNG eXIf chunk is not a TIFF structure');
    return;
  }
  const nul = data.indexOf(0);
  if (nul <= 0) return;
  const keyword = latin1(data.subarray(0, nul));
  if (type === 'tEXt') {
    if (PNG_TEXT_KEYS.has(keyword)) info.texts[keyword] = latin1Long(data.subarray(nul + 1));
    return;
  }
  if (type === 'iTXt') {
    // keyword \0 compressionFlag compressionMethod languageTag \0 translatedKeyword \0 text
    const compressed = data[nul + 1] === 1;
    const lang = data.indexOf(0, nul + 3);
    const translated = lang < 0 ? -1 : data.indexOf(0, lang + 1);
    if (translated < 0) return;
    if (compressed) return; // zlib-compressed text is rare in photos; not worth an inflater on the page
    const text = utf8(data.subarray(translated + 1));
    if (keyword === 'XML:com.adobe.xmp') info.xmp ??= text;
    else if (PNG_TEXT_KEYS.has(keyword)) info.texts[keyword] = text;
  }
  // zTXt is compressed: skipped for the same reason.
}

/**
 * WebP (RIFF): VP8X for the canvas size (else the VP8/VP8L frame header), EXIF and XMP chunks,
 * which come after the image data. This is the "small RIFF adapter" exifr lacks.
 */
export async function walkWebp(source: ByteSource, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<ContainerInfo> {
  const info: ContainerInfo = { texts: {}, notes: [] };
  const cursor = new Cursor(source);
  const riffHead = await cursor.bytes(0, 12);
  const riffEnd = Math.min(source.size, 8 + readU32LE(riffHead, 4));
  if (8 + readU32LE(riffHead, 4) > source.size) info.notes.push('file is truncated (RIFF size is larger than the file)');
  let offset = 12;
  for (let count = 0; offset + 8 <= riffEnd; count++) {
    if (count >= limits.maxChunks || offset > limits.maxScanBytes) {
      info.notes.push(`stopped reading WebP chunks after ${count} chunks (${mb(offset)})`);
      break;
    }
    const head = await cursor.bytes(offset, 8);
    const fourcc = latin1(head.subarray(0, 4));
    const size = readU32LE(head, 4);
    const dataStart = offset + 8;
    if (!/^[A-Za-z0-9 ]{4}$/.test(fourcc)) {
      info.notes.push(`WebP structure is damaged at byte ${offset}`);
      break;
    }
    if (fourcc === 'VP8X' && size >= 10) {
      const d = await cursor.bytes(dataStart, 10);
      info.width = readU24LE(d, 4) + 1;
      info.height = readU24LE(d, 7) + 1;
    } else if (fourcc === 'VP8 ' && info.width === undefined && size >= 10) {
      const d = await cursor.bytes(dataStart, 10);
      // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
      if (d[3] === 0x9d && d[4] === 0x01 && d[5] === 0x2a) {
        info.width = readU16LE(d, 6) & 0x3fff;
        info.height = readU16LE(d, 8) & 0x3fff;
      }
    } else if (fourcc === 'VP8L' && info.width === undefined && size >= 5) {
      const d = await cursor.bytes(dataStart, 5);
      if (d[0] === 0x2f) {
        const bits = readU32LE(d, 1);
        info.width = (bits & 0x3fff) + 1;
        info.height = ((bits >>> 14) & 0x3fff) + 1;
      }
    } else if (fourcc === 'EXIF' || fourcc === 'XMP ') {
      if (size > limits.maxBlockBytes) {
        info.notes.push(`skipped a ${mb(size)} WebP ${fourcc.trim()} chunk (over the ${mb(limits.maxBlockBytes)} limit)`);
      } else {
        const data = await source.read(dataStart, size);
        if (fourcc === 'EXIF') {
          const tiff = tiffStart(data);
          if (tiff) info.exif ??= tiff;
          else info.notes.push('WebP EXIF chunk is not a TIFF structure');
        } else info.xmp ??= utf8(data);
      }
    }
    offset = dataStart + size + (size & 1);
  }
  return info;
}

/** GIF: the logical screen size from the header. */
export function gifSize(head: Uint8Array): { width: number; height: number } | null {
  return head.length >= 10 ? { width: readU16LE(head, 6), height: readU16LE(head, 8) } : null;
}

/** JPEG: the frame size from the first SOFn segment, walking segment headers up to the image data. */
export async function jpegSize(source: ByteSource, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<{ width: number; height: number } | null> {
  const cursor = new Cursor(source);
  let offset = 2;
  for (let count = 0; count < limits.maxChunks && offset + 4 <= Math.min(source.size, limits.maxScanBytes); count++) {
    const head = await cursor.bytes(offset, 4);
    if (head[0] !== 0xff) return null;
    const marker = head[1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data or end before any frame header
    const length = readU16BE(head, 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const d = await cursor.bytes(offset + 5, 4);
      return d.length === 4 ? { height: readU16BE(d, 0), width: readU16BE(d, 2) } : null;
    }
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}
