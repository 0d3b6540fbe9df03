// Photos the user attaches to a post, read on the page before upload (the sites strip metadata from
// what they publish, so the original file is the only place to check). Capture-phase listeners on
// the root for `change` (file inputs), `paste` and `drop` see the files even when the site's own
// handlers stop the event. Only files the user attached are read; only JSON facts leave this module.
//
// Bounded: at most `maxFiles` per event, metadata reads of a few 64 KB chunks (rules/engine/exifr.ts),
// pixels decoded only under a size cap, by the browser (createImageBitmap decodes off the main
// thread and resizes to 256 × 256 at once), and a timeout per file. Nothing here blocks the event.
import { dHash, greyMatrix, pHash } from '../rules/detectors/image-hash';
import { DECODABLE_IN_BROWSER, extractImageFacts, type ByteSource } from '../rules/engine/image-facts';
import type { ImageFacts } from '../rules/engine/types';

export interface CaptureOptions {
  /** Files read per event; more are reported with a note only (default 10). */
  maxFiles: number;
  /** Files larger than this are not decoded for hashing (default 40 MB); metadata is still read. */
  maxDecodeBytes: number;
  /** Images with more pixels than this are not decoded (default 100 MP). */
  maxDecodePixels: number;
  /** Time allowed for one file's metadata, and again for its pixels (default 4 s each). */
  timeoutMs: number;
}

export const DEFAULT_CAPTURE_OPTIONS: CaptureOptions = { maxFiles: 10, maxDecodeBytes: 40 * 1_048_576, maxDecodePixels: 100_000_000, timeoutMs: 4000 };

export type AttachmentSource = 'change' | 'paste' | 'drop';

export interface AttachmentEvent {
  source: AttachmentSource;
  /** The file input, or the element the paste or drop went to (to find the compose box it belongs to). */
  target: EventTarget | null;
}

/** The side of the square the browser scales a photo to before hashing (the hash itself uses 64 × 64). */
const DECODE_SIZE = 256;

/** A File read in slices, never whole. */
export function fileSource(file: Blob): ByteSource {
  return {
    size: file.size,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  };
}

class Timeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** dHash and pHash of an image the browser can decode; throws when it cannot. */
export async function hashImage(file: Blob): Promise<Pick<ImageFacts, 'dhash' | 'phash'>> {
  // The browser applies the EXIF orientation while decoding; the CLI does the same by hand.
  const bitmap = await createImageBitmap(file, { resizeWidth: DECODE_SIZE, resizeHeight: DECODE_SIZE, resizeQuality: 'high' });
  try {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(DECODE_SIZE, DECODE_SIZE) : Object.assign(document.createElement('canvas'), { width: DECODE_SIZE, height: DECODE_SIZE });
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, DECODE_SIZE, DECODE_SIZE);
    const grey = greyMatrix(data, DECODE_SIZE, DECODE_SIZE);
    return { dhash: dHash(grey), phash: pHash(grey) };
  } finally {
    bitmap.close();
  }
}

/** The facts of one attached file: metadata, and perceptual hashes where the browser can decode it. Never throws. */
export async function factsFromFile(file: File, options: Partial<CaptureOptions> = {}): Promise<ImageFacts> {
  const o = { ...DEFAULT_CAPTURE_OPTIONS, ...options };
  let facts: ImageFacts;
  let format: string | null = null;
  try {
    const extracted = await withTimeout(extractImageFacts(fileSource(file), { name: file.name, type: file.type }), o.timeoutMs);
    facts = extracted.facts;
    format = extracted.format;
  } catch (e) {
    const why = e instanceof Timeout ? `stopped reading after ${o.timeoutMs / 1000} s` : `could not be read: ${(e as Error).message}`;
    return { filename: file.name, type: file.type, byteSize: file.size, notes: [why] };
  }
  const notes = [...(facts.notes ?? [])];
  if (format && DECODABLE_IN_BROWSER.has(format as never)) {
    const pixels = (facts.width ?? 0) * (facts.height ?? 0);
    if (file.size > o.maxDecodeBytes) notes.push(`not compared with agency images: ${Math.round(file.size / 1_048_576)} MB is over the ${Math.round(o.maxDecodeBytes / 1_048_576)} MB limit`);
    else if (pixels > o.maxDecodePixels) notes.push(`not compared with agency images: ${Math.round(pixels / 1e6)} megapixels is over the ${Math.round(o.maxDecodePixels / 1e6)} MP limit`);
    else {
      try {
        Object.assign(facts, await withTimeout(hashImage(file), o.timeoutMs));
      } catch (e) {
        notes.push(e instanceof Timeout ? `picture not compared with agency images: decoding took over ${o.timeoutMs / 1000} s` : 'picture could not be decoded (the file may be damaged)');
      }
    }
  } else if (format === 'heic') {
    notes.push('picture not compared with agency images: the browser cannot decode HEIC (metadata was checked)');
  }
  if (notes.length) facts.notes = notes;
  else delete facts.notes;
  return facts;
}

/** Attached files that may be images (by type, or by name when the browser gives no type). */
function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((f) => f.type.startsWith('image/') || (f.type === '' && /\.(jpe?g|png|webp|gif|heic|heif|avif|tiff?|bmp)$/i.test(f.name)));
}

/** Read the files of one attachment event, one after another (bounded memory), and report their facts. */
export async function readAttachments(files: File[], options: Partial<CaptureOptions> = {}): Promise<ImageFacts[]> {
  const o = { ...DEFAULT_CAPTURE_OPTIONS, ...options };
  const out: ImageFacts[] = [];
  for (const file of files.slice(0, o.maxFiles)) out.push(await factsFromFile(file, o));
  if (files.length > o.maxFiles) {
    const last = out[out.length - 1]!;
    last.notes = [...(last.notes ?? []), `only the first ${o.maxFiles} of ${files.length} photos were checked`];
  }
  return out;
}

/**
 * Watch a document (or shadow root) for photos the user attaches, and call `onImages` with their
 * facts, once per attachment event, in the order events happen. Stops when `signal` aborts; a
 * callback after the abort is never made. The listeners never cancel or delay the site's handling.
 */
export function watchAttachments(
  root: Document | ShadowRoot | Element,
  onImages: (images: ImageFacts[], event: AttachmentEvent) => void,
  signal: AbortSignal,
  options: Partial<CaptureOptions> = {},
): void {
  let queue = Promise.resolve();
  const handle = (source: AttachmentSource, target: EventTarget | null, files: File[]) => {
    if (files.length === 0 || signal.aborted) return;
    queue = queue
      .then(() => readAttachments(files, options))
      .then((images) => {
        if (!signal.aborted) onImages(images, { source, target });
      })
      .catch(() => undefined);
  };
  const listen = { capture: true, passive: true, signal };
  // The innermost target, also inside open shadow roots (paste and drop cross them; change does not,
  // so a compose box inside a shadow root is watched by passing that root).
  const targetOf = (event: Event) => event.composedPath()[0] ?? event.target;
  root.addEventListener(
    'change',
    (event) => {
      const input = targetOf(event) as HTMLInputElement | null;
      if (input && input.tagName === 'INPUT' && input.type === 'file') handle('change', input, imageFiles(input.files));
    },
    listen,
  );
  root.addEventListener('paste', (event) => handle('paste', targetOf(event), imageFiles((event as ClipboardEvent).clipboardData?.files)), listen);
  root.addEventListener('drop', (event) => handle('drop', targetOf(event), imageFiles((event as DragEvent).dataTransfer?.files)), listen);
}
