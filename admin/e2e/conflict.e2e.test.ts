// Two people edit the same source: the second save is a CONFLICT, shown with what changed, and
// reloading keeps the second person's edit while taking the first one's.
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  route,
  screenshot,
  sessionAs,
  startEditor,
} from './harness.ts';

interface SourceFields {
  id: string;
  title: string;
  outlet: string | null;
  version: number;
}

describeInBrowser('editing the same record in two sessions', () => {
  it('shows the conflict and saves both edits after a reload', async () => {
    const editor = await startEditor();
    const browser = await launchBrowser();
    const { sources } = await editor.graphql<{ sources: { edges: { node: SourceFields }[] } }>(
      '{ sources(first: 1, orderBy: { field: TITLE, direction: ASC }) { edges { node { id title outlet version } } } }',
      {},
      'EDITOR',
    );
    const source = sources.edges[0]?.node;
    if (!source) throw new Error('the seed corpus has no source');

    const first = await sessionAs(browser, editor, 'EDITOR');
    const second = await sessionAs(browser, editor, 'REVIEWER');
    for (const { page } of [first, second]) {
      await page.goto(route(editor, 'sources', source.id));
      await expect.poll(() => page.locator('input[name="title"]').inputValue()).toBe(source.title);
    }

    // The first person changes the outlet and saves.
    await first.page.locator('input[name="outlet"]').fill('Khmer Times');
    await first.page.getByRole('button', { name: 'Save' }).click();
    await first.page.waitForURL(/\/show$/);

    // The second, still on the version they opened, changes the title: a conflict.
    await second.page.locator('input[name="title"]').fill('A title the reviewer prefers');
    await second.page.getByRole('button', { name: 'Save' }).click();
    const dialog = second.page.getByRole('dialog', { name: 'Someone else changed this record' });
    await dialog.waitFor();
    const outletRow = dialog.locator('tr[data-field="outlet"]');
    await outletRow.waitFor();
    expect(await outletRow.textContent()).toContain('Khmer Times');
    await screenshot(second.page, 'conflict-dialog');

    // Reload keeps the typed title and takes the saved outlet; saving now succeeds.
    await dialog.getByRole('button', { name: 'Reload, keeping my changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => second.page.locator('input[name="outlet"]').inputValue())
      .toBe('Khmer Times');
    expect(await second.page.locator('input[name="title"]').inputValue()).toBe(
      'A title the reviewer prefers',
    );
    await second.page.getByRole('button', { name: 'Save' }).click();
    await second.page.waitForURL(/\/show$/);

    const { source: saved } = await editor.graphql<{ source: SourceFields }>(
      'query ($id: ID!) { source(id: $id) { id title outlet version } }',
      { id: source.id },
      'EDITOR',
    );
    expect(saved).toEqual({
      id: source.id,
      title: 'A title the reviewer prefers',
      outlet: 'Khmer Times',
      version: source.version + 2,
    });
    expect([...first.problems, ...second.problems]).toEqual([]);
  });
});
