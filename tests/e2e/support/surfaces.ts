// Helpers to drive the practice compose boxes like a person, and to read the editors' own models.
import type { Locator, Page } from '@playwright/test';
import { surface, type Site, type SurfaceSpec } from '../fixtures/surfaces';

export interface OpenSurface {
  spec: SurfaceSpec;
  page: Page;
  /** The element the user types into (exactly one match). */
  editor: Locator;
  /** The site's submit control for this box. */
  submit: Locator;
  /** The site's file input for this box, when it has one in the page. */
  fileInput?: Locator;
}

/**
 * Loads the surface's real URL (served by the routes), clicks whatever reveals the box, and waits
 * until the editor is mounted. Fails when the editor selector matches more or fewer than one element.
 */
export async function openSurface(page: Page, site: Site, name: string): Promise<OpenSurface> {
  const spec = surface(site, name);
  if (spec.viewport) await page.setViewportSize(spec.viewport);
  await page.goto(spec.url);
  for (const selector of spec.open ?? []) await page.locator(selector).first().click();
  const editor = page.locator(spec.editor);
  await editor.waitFor();
  // The page registers a box with the test API a moment after it renders (React effects).
  const handle = await editor.elementHandle();
  await page.waitForFunction((el) => {
    try {
      window.__model(el);
      return true;
    } catch {
      return false;
    }
  }, handle);
  await handle?.dispose();
  return {
    spec,
    page,
    editor,
    submit: page.locator(spec.submit),
    fileInput: spec.fileInput ? page.locator(spec.fileInput) : undefined,
  };
}

/** Types like a person: clicks the box, moves the caret to the end, then presses each key. `\n` presses Enter. */
export async function typeInto(editor: Locator, text: string) {
  await editor.click();
  await editor.page().keyboard.press('ControlOrMeta+End');
  await editor.page().keyboard.type(text);
}

/** The editor's own model text (Draft, Lexical, Quill, ProseMirror or React state), not the DOM's. */
export function modelText(page: Page, editor?: Locator): Promise<string> {
  return editor ? editor.evaluate((el) => window.__model(el)) : page.evaluate(() => window.__model());
}

/** Whether the box's submit control is enabled (neither `disabled` nor `aria-disabled="true"`). */
export function isSubmitEnabled(page: Page, editor?: Locator): Promise<boolean> {
  return editor ? editor.evaluate((el) => window.__submitEnabled(el)) : page.evaluate(() => window.__submitEnabled());
}

/** Model texts the page has sent so far, oldest first. */
export function submitted(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__submitted);
}
