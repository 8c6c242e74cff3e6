// Helpers for the reader's browser tests: selecting words in the reader with the mouse, as a
// person does (press on the first character, drag to the last), and code-point offsets.
import type { Page } from 'playwright-core';
import type { RunningEditor } from './harness.ts';

/** The code-point offset of `needle` in `text` (the API's unit), or -1. */
export function codePointIndexOf(text: string, needle: string): number {
  const unit = text.indexOf(needle);
  return unit < 0 ? -1 : Array.from(text.slice(0, unit)).length;
}

/** Waits for the reader's text, with its highlights, to be laid out. */
export async function waitForReader(page: Page): Promise<void> {
  await page.getByTestId('reader-text').waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * Selects `words` in the reader by dragging the mouse from the left edge of their first
 * character to the right edge of their last. They must occur once, within one paragraph.
 */
export async function dragSelect(page: Page, words: string): Promise<void> {
  const box = await page.evaluate((needle) => {
    const root = document.querySelector('[data-testid="reader-text"]');
    if (!root) throw new Error('The reader is not on the page');
    // Concatenate the text nodes, remembering where each starts (in UTF-16 units).
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: [Text, number][] = [];
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push([node as Text, text.length]);
      text += (node as Text).data;
    }
    const at = text.indexOf(needle);
    if (at < 0 || text.indexOf(needle, at + 1) >= 0) {
      throw new Error(`"${needle}" is not in the reader exactly once`);
    }
    const rectOf = (index: number, width: number) => {
      const found = [...nodes].reverse().find(([, start]) => start <= index);
      if (!found) throw new Error('No text node');
      const range = document.createRange();
      range.setStart(found[0], index - found[1]);
      range.setEnd(found[0], index - found[1] + width);
      return range.getBoundingClientRect().toJSON() as DOMRect;
    };
    const lastWidth = /[\uDC00-\uDFFF]/.test(needle.at(-1) ?? '') ? 2 : 1;
    // Scroll the words into the middle of the window before measuring where they are.
    const start = [...nodes].reverse().find(([, from]) => from <= at);
    start?.[0].parentElement?.scrollIntoView({ block: 'center' });
    return { first: rectOf(at, 1), last: rectOf(at + needle.length - lastWidth, lastWidth) };
  }, words);
  await page.mouse.move(box.first.left + 1, box.first.top + box.first.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.last.right - 1, box.last.top + box.last.height / 2, { steps: 8 });
  await page.mouse.up();
}

export interface ImportedSource {
  id: string;
  version: number;
  body: string;
}

/** Imports a plain-text source through the API (as an editor). */
export async function importText(
  editor: RunningEditor,
  title: string,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<ImportedSource> {
  const { importSource } = await editor.graphql<{
    importSource: { source: ImportedSource };
  }>(
    'mutation ($input: SourceInput!) { importSource(input: $input) { source { id version body } } }',
    { input: { kind: 'ARTICLE', title, text, language: 'en', ...extra } },
    'EDITOR',
  );
  return importSource.source;
}

/** The global id of the actor named `name`. */
export async function actorId(editor: RunningEditor, name: string): Promise<string> {
  const { actors } = await editor.graphql<{
    actors: { edges: { node: { id: string; name: string } }[] };
  }>(
    'query ($text: String!) { actors(first: 5, filter: { text: $text }) { edges { node { id name } } } }',
    { text: name },
    'EDITOR',
  );
  const actor = actors.edges.find((edge) => edge.node.name === name);
  if (!actor) throw new Error(`No actor named ${name}`);
  return actor.node.id;
}
