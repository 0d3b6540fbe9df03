// Image facts in Node (the CLI): read the file through a bounded ByteSource, extract the metadata
// with the engine's pure extractor, and decode the pixels with pure-JS decoders (jpeg-js, pngjs,
// omggif) for the perceptual hashes. WebP, AVIF and HEIC pixels are not decoded here (the
// extension's page side decodes WebP and AVIF with the browser's own decoders).
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { PNG } from 'pngjs';
import { dHash, greyMatrix, orient, pHash } from '../rules/detectors/image-hash';
import { extractImageFacts, type ByteSource, type ImageFormat } from '../rules/engine/image-facts';
import type { ImageFacts } from '../rules/engine/types';
import { LineError, type CorpusLine } from './corpus';

export interface ImageFileLimits {
  /** Files larger than this are not decoded for hashing (default 64 MB); metadata is still read. */
  maxDecodeBytes: number;
  /** Images with more pixels than this are not decoded (default 100 megapixels). */
  maxDecodePixels: number;
}

export const DEFAULT_IMAGE_FILE_LIMITS: ImageFileLimits = { maxDecodeBytes: 64 * 1_048_576, maxDecodePixels: 100_000_000 };

const NODE_DECODABLE: ReadonlySet<ImageFormat> = new Set(['jpeg', 'png', 'gif']);

/** Read the facts (metadata and, where Node can decode the pixels, dHash/pHash) of an image file. */
export async function imageFactsFromFile(path: string, limits: Partial<ImageFileLimits> = {}): Promise<ImageFacts> {
  const { maxDecodeBytes, maxDecodePixels } = { ...DEFAULT_IMAGE_FILE_LIMITS, ...limits };
  const name = path.split(/[/\\]/).pop()!;
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const source: ByteSource = {
      size,
      async read(offset, length) {
        const len = Math.max(0, Math.min(length, size - offset));
        const buffer = new Uint8Array(len);
        if (len > 0) await handle.read(buffer, 0, len, offset);
        return buffer;
      },
    };
    const { facts, format, orientation } = await extractImageFacts(source, { name });
    const notes = [...(facts.notes ?? [])];
    if (format && NODE_DECODABLE.has(format)) {
      const pixels = (facts.width ?? 0) * (facts.height ?? 0);
      if (size > maxDecodeBytes) notes.push(`not hashed: ${mbText(size)} is over the ${mbText(maxDecodeBytes)} decoding limit`);
      else if (pixels > maxDecodePixels) notes.push(`not hashed: ${Math.round(pixels / 1e6)} megapixels is over the ${Math.round(maxDecodePixels / 1e6)} MP decoding limit`);
      else {
        try {
          const bytes = await source.read(0, size);
          Object.assign(facts, hashesOf(decodeRgba(bytes, format, maxDecodePixels), orientation));
        } catch (e) {
          notes.push(`pixels could not be decoded: ${(e as Error).message.slice(0, 160)}`);
        }
      }
    } else if (format) {
      notes.push(`not hashed: ${format.toUpperCase()} pixels are not decoded by the command line`);
    }
    if (notes.length) facts.notes = notes;
    else delete facts.notes;
    return facts;
  } finally {
    await handle.close();
  }
}

const mbText = (n: number) => `${Math.round(n / 1_048_576)} MB`;

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decode a JPEG, PNG or GIF (first frame) to RGBA. Throws on damaged data. */
export function decodeRgba(bytes: Uint8Array, format: ImageFormat, maxPixels = DEFAULT_IMAGE_FILE_LIMITS.maxDecodePixels): Rgba {
  if (format === 'jpeg') {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxPixels / 1e6, maxMemoryUsageInMB: 2048 });
    return { width: img.width, height: img.height, data: img.data };
  }
  if (format === 'png') {
    const img = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: img.width, height: img.height, data: new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength) };
  }
  if (format === 'gif') {
    const reader = new GifReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (reader.width * reader.height > maxPixels) throw new Error('GIF is too large');
    const data = new Uint8Array(reader.width * reader.height * 4);
    reader.decodeAndBlitFrameRGBA(0, data);
    return { width: reader.width, height: reader.height, data };
  }
  throw new Error(`${format} is not decoded here`);
}

/** dHash and pHash of decoded pixels, as a viewer shows them (EXIF orientation applied). */
export function hashesOf(image: Rgba, orientation?: number): Pick<ImageFacts, 'dhash' | 'phash'> {
  const grey = orient(greyMatrix(image.data, image.width, image.height), orientation);
  return { dhash: dHash(grey), phash: pHash(grey) };
}

/**
 * Corpus image entries may give a `path` (relative to the corpus file) instead of, or beside, the
 * facts (design §8). Read each such file; facts written in the line win over those read from it.
 * Throws LineError naming the entry when a file cannot be opened.
 */
export async function resolveCorpusImages(line: CorpusLine, lineNo: number, baseDir: string): Promise<ImageFacts[] | undefined> {
  if (!line.images) return undefined;
  return Promise.all(
    line.images.map(async (entry, i) => {
      const { path, ...given } = entry;
      if (path === undefined) return given;
      let read: ImageFacts;
      try {
        read = await imageFactsFromFile(resolve(baseDir, path));
      } catch (e) {
        throw new LineError(lineNo, `images[${i}].path`, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const merged: ImageFacts = { ...read, ...given };
      if (given.takenAt !== undefined) merged.takenAtOffsetSource = given.takenAtOffsetSource ?? 'given';
      return merged;
    }),
  );
}
