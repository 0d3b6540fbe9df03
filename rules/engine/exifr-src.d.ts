// Types for the exifr source modules that rules/engine/exifr.ts assembles into our own build (the
// package ships types for its dist bundles only).
declare module 'exifr/src/Exifr.mjs' {
  export class Exifr {
    constructor(options: Record<string, unknown>);
    options: Record<string, unknown>;
    file: unknown;
    parse(): Promise<Record<string, unknown> | undefined>;
  }
}
declare module 'exifr/src/file-readers/ChunkedReader.mjs' {
  export class ChunkedReader {
    constructor(input: unknown, options: unknown);
    size: number | undefined;
    read(): Promise<void>;
    set(bytes: Uint8Array, offset: number, canExtend?: boolean): unknown;
  }
}
declare module 'exifr/src/segment-parsers/xmp.mjs' {
  const Xmp: { parse(input: string, options?: Record<string, unknown>): Promise<Record<string, unknown> | undefined> };
  export default Xmp;
}
declare module 'exifr/src/file-parsers/jpeg.mjs';
declare module 'exifr/src/file-parsers/heif.mjs';
declare module 'exifr/src/file-parsers/tiff.mjs';
declare module 'exifr/src/segment-parsers/tiff-exif.mjs';
declare module 'exifr/src/segment-parsers/iptc.mjs';
declare module 'exifr/src/dicts/tiff-ifd0-keys.mjs';
declare module 'exifr/src/dicts/tiff-exif-keys.mjs';
declare module 'exifr/src/dicts/tiff-gps-keys.mjs';
declare module 'exifr/src/dicts/iptc-keys.mjs';
