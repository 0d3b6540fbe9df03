// utils/image-capture.ts in real Chromium: a plain local page (no site fixture), the module bundled
// with esbuild as the content script bundles it. Checks the capture-phase listeners (file input,
// paste, drop), metadata and hashes read on the page, agreement with the CLI's hashes, and bad
// files handled with notes while the page stays responsive.
// (The site-fixture e2e — a GPS photo attached in each site's compose box raises the warning — needs
// the fixtures and compose streams; see the images stream report.)
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageFactsFromFile } from '../../cli/image-file';
import { hammingDistance } from '../../rules/detectors/image-hash';
import type { ImageFacts } from '../../rules/engine/types';
import { tinyJpeg, withExif } from '../support/images';
import { sharedPath } from '../support/shared';

let browser: Browser;
let page: Page;
let bundle: string;

const PAGE = `<!doctype html><html><body>
  <textarea id="box" aria-label="compose"></textarea>
  <input id="file" type="file" multiple accept="image/*">
  <div id="drop" style="width:200px;height:100px">drop here</div>
  <script>
    // The site's own handler stops the event, as real sites do; capture-phase listeners still see it.
    document.getElementById('file').addEventListener('change', (e) => e.stopPropagation());
  </script>
</body></html>`;

beforeAll(async () => {
  const out = await build({ entryPoints: ['utils/image-capture.ts'], bundle: true, format: 'iife', globalName: 'ImageCapture', write: false, platform: 'browser', logLevel: 'silent' });
  bundle = out.outputFiles[0]!.text;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  await page.route('http://localhost:4173/**', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto('http://localhost:4173/compose.html');
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => {
    const w = window as unknown as { seen: unknown[]; ImageCapture: typeof import('../../utils/image-capture'); stop: AbortController };
    w.seen = [];
    w.stop = new AbortController();
    w.ImageCapture.watchAttachments(document, (images, event) => w.seen.push({ images, source: event.source, target: (event.target as Element | null)?.id ?? null }), w.stop.signal);
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

type Seen = { images: ImageFacts[]; source: string; target: string | null };
const nextSeen = async (count: number): Promise<Seen[]> => {
  await page.waitForFunction((n) => (window as unknown as { seen: unknown[] }).seen.length >= n, count, { timeout: 20_000 });
  return page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
};
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Facts of a file computed in the page (factsFromFile), bypassing the listeners. */
async function factsInPage(name: string, bytes: Uint8Array, type = ''): Promise<ImageFacts> {
  return page.evaluate(
    async ({ name, data, type }) => {
      const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const w = window as unknown as { ImageCapture: typeof import('../../utils/image-capture') };
      return w.ImageCapture.factsFromFile(new File([bin], name, { type }));
    },
    { name, data: b64(bytes), type },
  );
}

describe('image capture in Chromium', () => {
  const gpsPhoto = withExif(tinyJpeg(64, 48), { lat: 46.3914, lon: -112.7597, accuracyM: 12, dateTimeOriginal: '2026:03:03 10:00:00', offset: '-07:00', model: 'Pixel 8' });
  let events = 0;

  it('reads a photo chosen in a file input, although the page stops the event', async () => {
    await page.setInputFiles('#file', [{ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: Buffer.from(gpsPhoto) }]);
    const seen = await nextSeen(++events);
    const last = seen[events - 1]!;
    expect(last.source).toBe('change');
    expect(last.target).toBe('file');
    expect(last.images).toHaveLength(1);
    expect(last.images[0]).toMatchObject({ filename: 'IMG_0001.JPG', type: 'image/jpeg', model: 'Pixel 8', takenAt: '2026-03-03T10:00:00-07:00', gps: { accuracyM: 12 } });
    expect(last.images[0]!.gps!.lat).toBeCloseTo(46.3914, 4);
    expect(last.images[0]!.dhash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads pasted and dropped images, and ignores other files', async () => {
    await page.evaluate((data) => {
      const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bin], 'pasted.jpg', { type: 'image/jpeg' }));
      transfer.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
      document.getElementById('box')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true, composed: true }));
      const dropped = new DataTransfer();
      dropped.items.add(new File([bin], 'dropped.jpg', { type: 'image/jpeg' }));
      document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true, composed: true }));
    }, b64(gpsPhoto));
    events += 2;
    const seen = await nextSeen(events);
    expect(seen.slice(-2).map((s) => [s.source, s.target, s.images.map((i) => i.filename)])).toEqual([
      ['paste', 'box', ['pasted.jpg']],
      ['drop', 'drop', ['dropped.jpg']],
    ]);
  });

  it('reads every shared camera file on the page as the CLI does', async () => {
    for (const name of ['IMG_20180725_163423.jpg', 'heic-iphone7.heic', 'png_with_exif_and_gps.png', 'iptc-staff-photographer-example.jpg', 'phone.webp', 'canon-dslr.jpg']) {
      const bytes = new Uint8Array(readFileSync(sharedPath(`images/${name}`)));
      const onPage = await factsInPage(name, bytes);
      const inNode = await imageFactsFromFile(sharedPath(`images/${name}`));
      for (const key of ['gps', 'takenAt', 'takenAtOffsetSource', 'make', 'model', 'description', 'keywords', 'width', 'height', 'type'] as const) {
        expect(onPage[key], `${name} ${key}`).toEqual(inNode[key]);
      }
    }
    const heic = await factsInPage('heic-iphone7.heic', new Uint8Array(readFileSync(sharedPath('images/heic-iphone7.heic'))));
    expect(heic.dhash).toBeUndefined();
    expect(heic.notes).toContain('picture not compared with agency images: the browser cannot decode HEIC (metadata was checked)');
    const webp = await factsInPage('phone.webp', new Uint8Array(readFileSync(sharedPath('images/phone.webp'))));
    expect(webp.dhash).toMatch(/^[0-9a-f]{16}$/);
  }, 60_000);

  it('computes hashes that agree with the CLI’s, so reference hashes made by `second-look hash` match', async () => {
    for (const badge of ['star', 'patch', 'shield']) {
      const reference = await imageFactsFromFile(sharedPath(`images/badges/${badge}_orig.png`));
      for (const variant of ['orig.png', 'resize.jpg', 'jpeg25.jpg', 'text.png']) {
        const file = `${badge}_${variant}`;
        const onPage = await factsInPage(file, new Uint8Array(readFileSync(sharedPath(`images/badges/${file}`))));
        const distance = Math.min(hammingDistance(onPage.dhash!, reference.dhash!), hammingDistance(onPage.phash!, reference.phash!));
        expect(distance, file).toBeLessThanOrEqual(8);
      }
      const unrelated = await factsInPage('dog.jpg', new Uint8Array(readFileSync(sharedPath('images/badges/unrel_Bush-dog.jpg'))));
      expect(Math.min(hammingDistance(unrelated.dhash!, reference.dhash!), hammingDistance(unrelated.phash!, reference.phash!))).toBeGreaterThan(10);
    }
  }, 60_000);

  it('handles bad files with notes, and the compose box keeps working meanwhile', async () => {
    const pixel = new Uint8Array(readFileSync(sharedPath('images/IMG_20180725_163423.jpg')));
    const results = await page.evaluate(async (data) => {
      const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const w = window as unknown as { ImageCapture: typeof import('../../utils/image-capture') };
      const box = document.getElementById('box') as HTMLTextAreaElement;
      const files = [
        new File([], 'empty.jpg', { type: 'image/jpeg' }),
        new File([bin.subarray(0, 2000)], 'cut.jpg', { type: 'image/jpeg' }),
        new File([bin.subarray(0, 400_000)], 'half.jpg', { type: 'image/jpeg' }),
        new File([crypto.getRandomValues(new Uint8Array(60_000))], 'noise.png', { type: 'image/png' }),
        // 100 MB: metadata from the head, no decode.
        new File([bin, new Uint8Array(100 * 1_048_576 - bin.length)], 'huge.jpg', { type: 'image/jpeg' }),
      ];
      // A timer stands in for the user typing: the longest gap between its ticks is how long the
      // page could not respond.
      let ticks = 0;
      let last = performance.now();
      let longestGap = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
        ticks++;
        box.value += 'x';
      }, 10);
      const started = performance.now();
      const facts = await w.ImageCapture.readAttachments(files);
      clearInterval(timer);
      return { facts, ms: performance.now() - started, ticks, longestGap, typed: box.value.length };
    }, b64(pixel));
    const [empty, cut, half, noise, huge] = results.facts;
    expect(empty!.notes).toEqual(['empty file (0 bytes): nothing to check']);
    expect(cut!.notes!.length).toBeGreaterThan(0);
    expect(half!.gps).toBeDefined();
    expect(noise!.notes![0]).toMatch(/not a recognised image format/);
    expect(huge!.gps).toBeDefined();
    expect(huge!.notes).toContain('not compared with agency images: 100 MB is over the 40 MB limit');
    // The page kept responding while the files were read: its timer never stalled for long.
    expect(results.ticks).toBeGreaterThan(0);
    expect(results.typed).toBe(results.ticks);
    expect(results.longestGap).toBeLessThan(1000);
  }, 60_000);

  it('stops calling back once the signal aborts', async () => {
    const before = (await nextSeen(events)).length;
    await page.evaluate(() => (window as unknown as { stop: AbortController }).stop.abort());
    await page.setInputFiles('#file', [{ name: 'later.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(gpsPhoto) }]);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen.length)).toBe(before);
  });
});
