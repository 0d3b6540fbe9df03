// Image facts for a 12 MP JPEG (metadata + dHash/pHash), generated here with GPS and a capture time.
// image12mp_ms is the extension's path: utils/image-capture.ts in headless Chromium (metadata read in
// 64 KB slices, pixels decoded and scaled by createImageBitmap, hashed in JS). image12mp_node_ms is
// the CLI's path (pure-JS jpeg-js decode of the whole frame), reported beside it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import jpeg from 'jpeg-js';
import { imageFactsFromFile } from '../../cli/image-file';
import { round, summary } from './stats';

const WIDTH = 4000;
const HEIGHT = 3000;

/** A 12 MP photo-like JPEG (gradients, a disc, mild noise: about 4 MB, like a phone photo) with EXIF GPS. */
function photo12mp(): Uint8Array {
  const data = new Uint8Array(WIDTH * HEIGHT * 4);
  let seed = 1;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const noise = (seed >>> 29) - 4; // mild sensor noise: the file comes out near a phone photo's size
      const i = (y * WIDTH + x) * 4;
      const disc = (x - 2400) ** 2 + (y - 1300) ** 2 < 700 ** 2;
      data[i] = disc ? 180 + noise : (x * 255) / WIDTH + noise;
      data[i + 1] = disc ? 40 + noise : (y * 255) / HEIGHT + noise;
      data[i + 2] = ((x ^ y) & 0xff) / 2 + noise + 60;
      data[i + 3] = 255;
    }
  }
  const frame = new Uint8Array(jpeg.encode({ data, width: WIDTH, height: HEIGHT }, 85).data);
  // APP1 Exif with IFD0 → GPS IFD (latitude 46°23'29"N, longitude 112°45'35"W) and DateTimeOriginal.
  const tiff = exifTiff();
  const app1 = new Uint8Array(10 + tiff.length);
  app1.set([0xff, 0xe1, ((app1.length - 2) >> 8) & 0xff, (app1.length - 2) & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]);
  app1.set(tiff, 10);
  const out = new Uint8Array(frame.length + app1.length);
  out.set(frame.subarray(0, 2));
  out.set(app1, 2);
  out.set(frame.subarray(2), 2 + app1.length);
  return out;
}

function exifTiff(): Uint8Array {
  const b = new Uint8Array(256);
  const v = new DataView(b.buffer);
  b.set([0x49, 0x49, 0x2a, 0x00]);
  v.setUint32(4, 8, true);
  // IFD0 at 8: ExifIFD (0x8769) → 26, GPS IFD (0x8825) → 56.
  v.setUint16(8, 2, true);
  [[0x8769, 44], [0x8825, 74]].forEach(([tag, at], k) => {
    v.setUint16(10 + k * 12, tag!, true);
    v.setUint16(12 + k * 12, 4, true);
    v.setUint32(14 + k * 12, 1, true);
    v.setUint32(18 + k * 12, at!, true);
  });
  // EXIF IFD at 44: DateTimeOriginal (ASCII, 20 bytes at 200).
  v.setUint16(44, 1, true);
  v.setUint16(46, 0x9003, true);
  v.setUint16(48, 2, true);
  v.setUint32(50, 20, true);
  v.setUint32(54, 200, true);
  b.set([...'2026:03:03 10:00:00\0'].map((c) => c.charCodeAt(0)), 200);
  // GPS IFD at 74: LatitudeRef, Latitude (rational × 3 at 130), LongitudeRef, Longitude (at 154).
  v.setUint16(74, 4, true);
  const entry = (k: number, tag: number, type: number, count: number, value: number) => {
    v.setUint16(76 + k * 12, tag, true);
    v.setUint16(78 + k * 12, type, true);
    v.setUint32(80 + k * 12, count, true);
    v.setUint32(84 + k * 12, value, true);
  };
  entry(0, 1, 2, 2, 0x4e); // "N"
  entry(1, 2, 5, 3, 130);
  entry(2, 3, 2, 2, 0x57); // "W"
  entry(3, 4, 5, 3, 154);
  [46, 1, 23, 1, 29, 1].forEach((x, i) => v.setUint32(130 + i * 4, x, true));
  [112, 1, 45, 1, 35, 1].forEach((x, i) => v.setUint32(154 + i * 4, x, true));
  return b.slice(0, 230);
}

export async function measure() {
  const dir = mkdtempSync(join(tmpdir(), 'second-look-bench-image-'));
  try {
    const bytes = photo12mp();
    const path = join(dir, 'IMG_12MP.jpg');
    writeFileSync(path, bytes);

    const nodeRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const facts = await imageFactsFromFile(path);
      nodeRuns.push(performance.now() - t);
      if (!facts.gps || !facts.dhash) throw new Error(`the generated JPEG did not give GPS and a hash: ${JSON.stringify(facts)}`);
    }

    const bundle = (await build({ entryPoints: ['utils/image-capture.ts'], bundle: true, format: 'iife', globalName: 'ImageCapture', write: false, platform: 'browser', minify: true, logLevel: 'silent' })).outputFiles[0]!.text;
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      await page.route('http://localhost:4174/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
      await page.goto('http://localhost:4174/');
      await page.addScriptTag({ content: bundle });
      const browserRuns = await page.evaluate(async (data) => {
        const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const file = new File([bin], 'IMG_12MP.jpg', { type: 'image/jpeg' });
        const w = window as unknown as { ImageCapture: typeof import('../../utils/image-capture') };
        const full: number[] = [];
        const metadata: number[] = [];
        for (let i = 0; i < 7; i++) {
          let t = performance.now();
          const facts = await w.ImageCapture.factsFromFile(file);
          full.push(performance.now() - t);
          if (!facts.gps || !facts.dhash) throw new Error(`no GPS or hash on the page: ${JSON.stringify(facts)}`);
          t = performance.now();
          await w.ImageCapture.factsFromFile(file, { maxDecodeBytes: 0 });
          metadata.push(performance.now() - t);
        }
        return { full, metadata };
      }, Buffer.from(bytes).toString('base64'));
      // The first run includes one-time JIT and decoder start-up; the median of the rest is the figure.
      return {
        image12mp_ms: summary(browserRuns.full.slice(1)).p50,
        image12mp_first_ms: round(browserRuns.full[0]!),
        image12mp_metadata_ms: summary(browserRuns.metadata.slice(1)).p50,
        image12mp_node_ms: summary(nodeRuns).p50,
        image12mp_bytes: bytes.length,
      };
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
