// Our own exifr build, assembled from its source modules: JPEG, HEIC/AVIF and TIFF containers;
// EXIF/GPS, XMP and IPTC segments. exifr's dist bundles either lack IPTC (mini, lite) or contain
// Node-only code (a dynamic `import(name)` for fs/zlib) that makes `web-ext lint` warn on the Firefox
// build (research/toolchain.md §6); none of those modules is imported here. PNG and WebP containers
// are walked by image-containers.ts, which hands their EXIF/XMP to the functions below.
//
// Files are read through a ByteSource (a File on the page, a file handle in the CLI) in 64 KB
// chunks, never past `maxSpan` bytes: exifr keeps what it reads in one contiguous buffer.
import { Exifr } from 'exifr/src/Exifr.mjs';
import { ChunkedReader } from 'exifr/src/file-readers/ChunkedReader.mjs';
import 'exifr/src/file-parsers/jpeg.mjs';
import 'exifr/src/file-parsers/heif.mjs';
import 'exifr/src/file-parsers/tiff.mjs';
import 'exifr/src/segment-parsers/tiff-exif.mjs';
import 'exifr/src/segment-parsers/iptc.mjs';
import Xmp from 'exifr/src/segment-parsers/xmp.mjs';
import 'exifr/src/dicts/tiff-ifd0-keys.mjs';
import 'exifr/src/dicts/tiff-exif-keys.mjs';
import 'exifr/src/dicts/tiff-gps-keys.mjs';
import 'exifr/src/dicts/iptc-keys.mjs';

/** Random access to the bytes of a file. Reads past the end return what exists. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(Math.min(offset, bytes.byteLength), Math.min(offset + length, bytes.byteLength)),
  };
}

/** exifr output with segments kept apart (`mergeOutput: false`) and raw values (`reviveValues: false`). */
export interface ExifrOutput {
  ifd0?: Record<string, unknown>;
  exif?: Record<string, unknown>;
  gps?: Record<string, unknown>;
  xmp?: Record<string, unknown>;
  iptc?: Record<string, unknown>;
  errors?: unknown[];
}

// reviveValues:false keeps DateTimeOriginal as the camera wrote it ("2018:07:25 16:34:23"): revived,
// it becomes a Date in the *runtime's* time zone, which silently shifts every photo by the machine's offset.
const OPTIONS = {
  tiff: true,
  ifd0: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  xmp: true,
  iptc: true,
  icc: false,
  jfif: false,
  makerNote: false,
  userComment: false,
  translateKeys: true,
  translateValues: false,
  reviveValues: false,
  sanitize: true,
  mergeOutput: false,
  silentErrors: true,
  chunked: true,
  firstChunkSize: 65_536,
  chunkSize: 65_536,
  chunkLimit: 8,
};

class SpanLimitError extends Error {}

/** exifr's chunked reader over a ByteSource, refusing reads that would grow its buffer past `maxSpan`. */
class SourceReader extends ChunkedReader {
  constructor(
    private readonly source: ByteSource,
    options: unknown,
    private readonly maxSpan: number,
  ) {
    super(source, options);
    this.size = source.size;
  }

  async _readChunk(offset: number, length: number): Promise<unknown> {
    if (offset + length > this.maxSpan) {
      throw new SpanLimitError(`metadata lies beyond the first ${Math.round(this.maxSpan / 1_048_576)} MB and was not read`);
    }
    const bytes = await this.source.read(offset, length);
    return this.set(bytes, offset, true);
  }
}

/** Read EXIF/GPS, XMP and IPTC from a JPEG, HEIC/AVIF or bare TIFF (EXIF) source. Never throws. */
export async function readWithExifr(source: ByteSource, maxSpan: number): Promise<{ output: ExifrOutput; problems: string[] }> {
  const problems: string[] = [];
  try {
    const exr = new Exifr(OPTIONS);
    const reader = new SourceReader(source, exr.options, maxSpan);
    exr.file = reader;
    await reader.read();
    const output = ((await exr.parse()) ?? {}) as ExifrOutput;
    for (const e of output.errors ?? []) problems.push(describe(e));
    delete output.errors;
    return { output, problems };
  } catch (e) {
    problems.push(describe(e));
    return { output: {}, problems };
  }
}

/** Parse an XMP packet (from a PNG iTXt or WebP XMP chunk). Never throws. */
export async function parseXmp(xml: string): Promise<Record<string, unknown> | undefined> {
  try {
    return await Xmp.parse(xml, {});
  } catch {
    return undefined;
  }
}

function describe(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s+/g, ' ').slice(0, 200);
}
