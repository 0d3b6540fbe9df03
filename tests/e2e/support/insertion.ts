// The researched ways to append text to each editor from the page world without breaking its model
// (../shared/research/compose-boxes.md §2). The fixture tests prove each one on the real library; the
// compose stream's insert-text code follows the same recipes.
import type { Locator } from '@playwright/test';
import type { EditorKind } from '../fixtures/surfaces';

/** Runs in the page: the recipe for `kind`, appending `text` at the end of the box. */
async function appendInPage(el: Element, [kind, text]: [EditorKind, string]) {
  const root = el as HTMLElement;
  /** Collapses the selection at the end of the last text in the box (inside a shadow root too). */
  const caretToEnd = () => {
    root.focus();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node as Text;
    const range = document.createRange();
    if (last) {
      range.setStart(last, last.length);
      range.collapse(true);
    } else {
      range.selectNodeContents(root);
      range.collapse(false);
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  };
  /**
   * Draft and ProseMirror read the caret a moment after it moves (on selectionchange): paste before
   * that and the text lands where the caret was. Wait for selectionchange plus one tick (100 ms at most).
   */
  const settleSelection = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        document.removeEventListener('selectionchange', done);
        setTimeout(resolve, 0);
      };
      document.addEventListener('selectionchange', done);
      setTimeout(done, 100);
    });
  const paste = () => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  };

  switch (kind) {
    case 'draft':
    case 'prosemirror': {
      const settled = settleSelection();
      caretToEnd();
      await settled;
      paste();
      return;
    }
    case 'lexical': {
      caretToEnd();
      const data = new DataTransfer();
      data.setData('text/plain', text);
      root.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertReplacementText', dataTransfer: data, bubbles: true, cancelable: true }));
      return;
    }
    case 'quill':
      caretToEnd();
      document.execCommand('insertText', false, text);
      return;
    case 'textarea': {
      const area = root as HTMLTextAreaElement;
      // React tracks `value` per element; the prototype's setter gets past that tracker.
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setValue.call(area, area.value + text);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      return;
    }
  }
}

/** Appends `text` to the box with the researched recipe for its editor, from the page world. */
export function appendWithRecipe(editor: Locator, kind: EditorKind, text: string): Promise<void> {
  return editor.evaluate(appendInPage, [kind, text] as [EditorKind, string]);
}

/** The other textarea recipe: `setRangeText` at the end, then an `input` event. */
export function appendWithSetRangeText(editor: Locator, text: string): Promise<void> {
  return editor.evaluate((el, value) => {
    const area = el as HTMLTextAreaElement;
    area.setRangeText(value, area.value.length, area.value.length, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
