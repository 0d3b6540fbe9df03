// Perceptual hashes of a photo (64-bit dHash and pHash, 16 hex digits each) and matching against
// an agency's reference images. Pure: the page and the CLI decode the pixels, reduce them to a grey
// matrix with `greyMatrix`, and hash that here, so both produce the same hashes for the same image.
//
// Global hashes find re-posts of the agency's own images (resized, recompressed, brightened,
// captioned, slightly rotated). They do not find a badge inside another photo, a crop or a
// screenshot of a post (research/detection.md §6): caption, keyword and file-name terms cover those.
import type { CategoryId, ImageFacts, ReferenceImage } from '../engine/types';

/** Grey values (0–255) of a `size` × `size` reduction of the image, row-major. */
export interface GreyMatrix {
  size: number;
  data: Float64Array;
}

/** The side of the grey matrix both hashes start from. */
export const GREY_SIZE = 64;

/** Largest Hamming distance (of 64 bits) at which a photo counts as a copy of a reference image. */
export const DEFAULT_MATCH_THRESHOLD = 10;

/**
 * Reduce RGBA pixels to a GREY_SIZE × GREY_SIZE grey matrix by area averaging (every source pixel
 * counts in proportion to how much of it falls in a target cell). Transparent pixels are seen over
 * white, as a page shows them. The aspect ratio is not kept: both hashes work on a stretched grid.
 */
export function greyMatrix(rgba: ArrayLike<number>, width: number, height: number, size = GREY_SIZE): GreyMatrix {
  if (width <= 0 || height <= 0 || rgba.length < width * height * 4) throw new RangeError('pixel data does not match its size');
  // Luma of each source row is accumulated into target columns, then rows into target cells.
  const out = new Float64Array(size * size);
  const rowSums = new Float64Array(size);
  const xScale = size / width;
  const yScale = size / height;
  for (let y = 0; y < height; y++) {
    rowSums.fill(0);
    let i = y * width * 4;
    for (let x = 0; x < width; x++, i += 4) {
      const a = rgba[i + 3]! / 255;
      const luma = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
      const grey = luma * a + 255 * (1 - a);
      spread(x, xScale, size, (cell, weight) => (rowSums[cell]! += grey * weight));
    }
    spread(y, yScale, size, (cell, weight) => {
      for (let c = 0; c < size; c++) out[cell * size + c]! += rowSums[c]! * weight;
    });
  }
  // Each cell received (width × height / size²) source pixels in total.
  const norm = (size * size) / (width * height);
  for (let k = 0; k < out.length; k++) out[k]! *= norm;
  return { size, data: out };
}

/** Split source pixel `p` (covering [p·scale, (p+1)·scale) in target units) across target cells. */
function spread(p: number, scale: number, size: number, add: (cell: number, weight: number) => void): void {
  const start = p * scale;
  const end = start + scale;
  let cell = Math.floor(start);
  while (cell < end && cell < size) {
    const overlap = Math.min(end, cell + 1) - Math.max(start, cell);
    if (overlap > 0) add(cell, overlap / scale);
    cell++;
  }
}

/** Area-average a square grey matrix down to `w` × `h` cells. */
function resample(m: GreyMatrix, w: number, h: number): Float64Array {
  const out = new Float64Array(w * h);
  const sx = w / m.size;
  const sy = h / m.size;
  const row = new Float64Array(w);
  for (let y = 0; y < m.size; y++) {
    row.fill(0);
    for (let x = 0; x < m.size; x++) {
      const v = m.data[y * m.size + x]!;
      spread(x, sx, w, (cell, weight) => (row[cell]! += v * weight));
    }
    spread(y, sy, h, (cell, weight) => {
      for (let c = 0; c < w; c++) out[cell * w + c]! += row[c]! * weight;
    });
  }
  return out;
}

/**
 * Re-orient a grey matrix by an EXIF Orientation value (1–8), as a viewer would show the photo.
 * Browsers apply the orientation when they decode; the CLI calls this so both agree.
 */
export function orient(m: GreyMatrix, orientation: number | undefined): GreyMatrix {
  if (!orientation || orientation === 1 || orientation < 1 || orientation > 8) return m;
  const n = m.size;
  const out = new Float64Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      // Where the displayed pixel (x, y) comes from in the stored image.
      let sx = x;
      let sy = y;
      switch (orientation) {
        case 2: sx = n - 1 - x; break;
        case 3: sx = n - 1 - x; sy = n - 1 - y; break;
        case 4: sy = n - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = n - 1 - x; break;
        case 7: sx = n - 1 - y; sy = n - 1 - x; break;
        case 8: sx = n - 1 - y; sy = x; break;
      }
      out[y * n + x] = m.data[sy * n + sx]!;
    }
  }
  return { size: n, data: out };
}

function bitsToHex(bits: boolean[]): string {
  let hex = '';
  for (let i = 0; i < bits.length; i += 4) {
    hex += ((bits[i]! ? 8 : 0) | (bits[i + 1]! ? 4 : 0) | (bits[i + 2]! ? 2 : 0) | (bits[i + 3]! ? 1 : 0)).toString(16);
  }
  return hex;
}

// Neighbours within one grey level count as equal: flat areas of a logo otherwise flip bits on JPEG noise.
const DHASH_EPSILON = 1;
/** Difference hash: 9 × 8 grey cells, one bit per horizontal neighbour pair (left brighter than right). */
export function dHash(m: GreyMatrix): string {
  const cells = resample(m, 9, 8);
  const bits: boolean[] = [];
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits.push(cells[y * 9 + x]! - cells[y * 9 + x + 1]! > DHASH_EPSILON);
  return bitsToHex(bits);
}

const DCT_N = 32;
let dctTable: Float64Array | undefined;

/** cos((2x+1)uπ / 2N) for the 8 lowest frequencies u, computed once. */
function cosines(): Float64Array {
  if (!dctTable) {
    dctTable = new Float64Array(8 * DCT_N);
    for (let u = 0; u < 8; u++) for (let x = 0; x < DCT_N; x++) dctTable[u * DCT_N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * DCT_N));
  }
  return dctTable;
}

/**
 * Perceptual hash: 32 × 32 grey cells → 2-D DCT → the 8 × 8 lowest frequencies → one bit per
 * coefficient above their median (the common pHash, as in the imagehash library).
 */
export function pHash(m: GreyMatrix): string {
  const cells = resample(m, DCT_N, DCT_N);
  const cos = cosines();
  // Rows first (32 × 8), then columns (8 × 8): only the low frequencies are needed.
  const rows = new Float64Array(DCT_N * 8);
  for (let y = 0; y < DCT_N; y++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let x = 0; x < DCT_N; x++) sum += cells[y * DCT_N + x]! * cos[u * DCT_N + x]!;
      rows[y * 8 + u] = sum;
    }
  }
  const low = new Float64Array(64);
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < DCT_N; y++) sum += rows[y * 8 + u]! * cos[v * DCT_N + y]!;
      low[v * 8 + u] = sum;
    }
  }
  const sorted = [...low].sort((a, b) => a - b);
  const median = (sorted[31]! + sorted[32]!) / 2;
  return bitsToHex([...low].map((c) => c > median));
}

const HEX64 = /^[0-9a-f]{16}$/;

/** Number of differing bits between two 64-bit hashes (16 hex digits); NaN when either is malformed. */
export function hammingDistance(a: string, b: string): number {
  if (!HEX64.test(a) || !HEX64.test(b)) return Number.NaN;
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}

export interface ReferenceMatch {
  reference: ReferenceImage;
  category: CategoryId;
  /** The smaller of the dHash and pHash distances that were compared (of 64). */
  distance: number;
  hash: 'dhash' | 'phash';
}

/**
 * The closest reference image within `threshold` bits of a photo (either hash counts), or null.
 * References without a hash the photo has are skipped.
 */
export function matchReference(
  facts: Pick<ImageFacts, 'dhash' | 'phash'>,
  references: readonly ReferenceImage[],
  threshold = DEFAULT_MATCH_THRESHOLD,
): ReferenceMatch | null {
  let best: ReferenceMatch | null = null;
  for (const reference of references) {
    for (const hash of ['dhash', 'phash'] as const) {
      const mine = facts[hash];
      const theirs = reference[hash];
      if (!mine || !theirs) continue;
      const distance = hammingDistance(mine, theirs);
      if (!(distance <= threshold)) continue;
      if (!best || distance < best.distance) best = { reference, category: reference.category, distance, hash };
    }
  }
  return best;
}
