// The practice compose boxes behave like the real ones, in real Chromium: typing lands in the
// editor's own model, the submit control follows the model, sending records the text, and the
// researched page-world insertion recipe appends exactly one copy without breaking the editor.
import { SURFACES } from './fixtures/surfaces';
import { appendWithRecipe, appendWithSetRangeText } from './support/insertion';
import { isSubmitEnabled, modelText, openSurface, submitted, typeInto, type OpenSurface } from './support/surfaces';
import { expect, test } from './support/test';

const ORIGINAL = 'Original post text.';
const ADDED = ' Views are my own.';

/** The model settles on `expected`, stays there (no late duplicate) and the DOM shows the addition once. */
async function expectSettled(box: OpenSurface, expected: string) {
  await expect.poll(() => modelText(box.page, box.editor)).toBe(expected);
  await box.page.waitForTimeout(250);
  expect(await modelText(box.page, box.editor)).toBe(expected);
  const shown = await box.editor.evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));
  expect(shown.split(ADDED.trim()).length - 1).toBe(1);
}

for (const spec of SURFACES) {
  test.describe(`${spec.site}/${spec.name} (${spec.kind})`, () => {
    test('typing lands in the model, submit follows it, sending records the text', async ({ page }) => {
      const box = await openSurface(page, spec.site, spec.name);
      expect(await modelText(page, box.editor)).toBe('');
      await expect(box.submit).toBeDisabled();

      await typeInto(box.editor, '   ');
      expect(await modelText(page, box.editor)).toBe('   ');
      await expect(box.submit).toBeDisabled();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');

      await typeInto(box.editor, 'Hello, world! ½ café');
      expect(await modelText(page, box.editor)).toBe('Hello, world! ½ café');
      await expect(box.submit).toBeEnabled();
      expect(await isSubmitEnabled(page, box.editor)).toBe(true);

      await box.submit.click();
      expect(await submitted(page)).toEqual(['Hello, world! ½ café']);
      if (spec.afterSubmit === 'closes') {
        await expect(box.editor).toHaveCount(0);
      } else {
        await expect.poll(() => modelText(page, box.editor)).toBe('');
        await expect(box.submit).toBeDisabled();
      }
    });

    if (spec.sendKey) {
      const sendKey = spec.sendKey;
      test(`${sendKey} sends${sendKey === 'Enter' ? ', Shift+Enter starts a new line' : ''}`, async ({ page }) => {
        const box = await openSurface(page, spec.site, spec.name);
        await typeInto(box.editor, 'first line');
        if (sendKey === 'Enter') {
          await page.keyboard.press('Shift+Enter');
          await page.keyboard.type('second line');
          expect(await modelText(page, box.editor)).toBe('first line\nsecond line');
          expect(await submitted(page)).toEqual([]);
        }
        const expected = sendKey === 'Enter' ? 'first line\nsecond line' : 'first line';
        await page.keyboard.press(sendKey);
        expect(await submitted(page)).toEqual([expected]);
      });
    }

    if (spec.sendKey !== 'Enter') {
      test('Enter starts a new line in the model', async ({ page }) => {
        const box = await openSurface(page, spec.site, spec.name);
        await typeInto(box.editor, 'line one\nline two');
        // Lexical's rich text (Facebook's post dialog) keeps paragraphs, which its model joins with a blank line.
        const separator = spec.kind === 'lexical' && spec.site === 'facebook' ? '\n\n' : '\n';
        expect(await modelText(page, box.editor)).toBe(`line one${separator}line two`);
        expect(await submitted(page)).toEqual([]);
      });
    }

    test('the page-world insertion recipe appends exactly once; typing still works after it', async ({ page }) => {
      const box = await openSurface(page, spec.site, spec.name);
      await typeInto(box.editor, ORIGINAL);
      // The caret starts elsewhere, as when the user clicked back into the text: the recipe moves it.
      await page.keyboard.press('ControlOrMeta+Home');
      await appendWithRecipe(box.editor, spec.kind, ADDED);
      await expectSettled(box, ORIGINAL + ADDED);
      await expect(box.submit).toBeEnabled();

      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(' Typed after.');
      expect(await modelText(page, box.editor)).toBe(`${ORIGINAL}${ADDED} Typed after.`);
      await box.submit.click();
      expect(await submitted(page)).toEqual([`${ORIGINAL}${ADDED} Typed after.`]);
    });

    if (spec.kind === 'textarea') {
      test('setRangeText + input also reaches the React state once', async ({ page }) => {
        const box = await openSurface(page, spec.site, spec.name);
        await typeInto(box.editor, ORIGINAL);
        await appendWithSetRangeText(box.editor, ADDED);
        await expectSettled(box, ORIGINAL + ADDED);
        await expect(box.submit).toBeEnabled();
      });
    }

    if (spec.fileInput) {
      test('its file input takes files; the page stops propagation, capture listeners still see them', async ({ page }) => {
        const box = await openSurface(page, spec.site, spec.name);
        // Listen where the input's events end: the document, or the shadow root it lives in
        // (`change` is not composed, so it never leaves a shadow root).
        await box.fileInput!.evaluate((input) => {
          const w = window as unknown as { seen: string[] };
          w.seen = [];
          const root = input.getRootNode();
          root.addEventListener('change', () => w.seen.push('capture'), true);
          root.addEventListener('change', () => w.seen.push('bubble'));
          if (root !== document) document.addEventListener('change', () => w.seen.push('document'), true);
        });
        await box.fileInput!.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG_1PX });
        expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['capture']);
        await expect(page.locator('img[src^="blob:"]')).toHaveCount(1);
        expect(await box.fileInput!.getAttribute('accept')).toMatch(/image\//);
      });
    }
  });
}

// A 1×1 transparent PNG.
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

test.describe('boxes that appear later', () => {
  test('X: pushState navigation swaps the home box for a post page reply box, and back', async ({ page }) => {
    await openSurface(page, 'x', 'post');
    await page.locator('[data-testid="tweetText"]').first().click();
    await expect(page).toHaveURL('https://x.com/cityparks/status/1850000000000000001');
    await expect.poll(() => page.evaluate(() => window.__editors())).toEqual([{ surface: 'x/reply', connected: true }]);
    await typeInto(page.locator('[data-testid="tweetTextarea_0"]'), 'late reply');
    expect(await modelText(page)).toBe('late reply');
    await page.goBack();
    await expect(page).toHaveURL('https://x.com/home');
    await expect.poll(() => page.evaluate(() => window.__editors())).toEqual([{ surface: 'x/post', connected: true }]);
  });

  test('Instagram: the inbox mounts a DM box when a thread is opened', async ({ page }) => {
    await page.goto('https://www.instagram.com/direct/inbox/');
    expect(await page.evaluate(() => window.__editors())).toEqual([]);
    await page.getByRole('link', { name: 'sam.rivera' }).click();
    await expect(page).toHaveURL(/\/direct\/t\/17843000000000001\/$/);
    const dm = page.locator('div[aria-label="Message"][data-lexical-editor="true"]');
    await typeInto(dm, 'hi there');
    await page.keyboard.press('Enter');
    expect(await submitted(page)).toEqual(['hi there']);
  });

  test('Facebook: a second comment box mounts on "Leave a comment" beside the first', async ({ page }) => {
    await openSurface(page, 'facebook', 'comment');
    expect((await page.evaluate(() => window.__editors())).length).toBe(1);
    await page.locator('[aria-posinset="2"] div[aria-label="Leave a comment"]').click();
    await expect.poll(async () => (await page.evaluate(() => window.__editors())).length).toBe(2);
    await page.getByRole('link', { name: 'Groups' }).click();
    await expect(page).toHaveURL('https://www.facebook.com/groups/feed/');
    expect(await page.evaluate(() => window.__editors())).toEqual([{ surface: 'facebook/comment', connected: true }]);
  });
});
