// What each role sees: a viewer reads but cannot change anything (no buttons, and the edit page
// refuses them); editors submit for review; only reviewers publish.
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  type RunningEditor,
  route,
  screenshot,
  sessionAs,
  startEditor,
} from './harness.ts';

async function firstSourceId(editor: RunningEditor): Promise<string> {
  const { sources } = await editor.graphql<{ sources: { edges: { node: { id: string } }[] } }>(
    '{ sources(first: 1) { edges { node { id } } } }',
  );
  const id = sources.edges[0]?.node.id;
  if (!id) throw new Error('no source');
  return id;
}

describeInBrowser('roles in the editor', () => {
  let editor: RunningEditor;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  it('lets a viewer read but offers no way to change anything', async () => {
    editor = await startEditor();
    browser = await launchBrowser();
    const id = await firstSourceId(editor);
    const { page } = await sessionAs(browser, editor, 'VIEWER');
    await page.getByRole('menuitem', { name: 'Sources' }).click();
    await page.getByText('1-5 of 5').waitFor();
    expect(await page.getByLabel('Create').count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);

    await page.goto(route(editor, 'sources', id, 'show'));
    await page.getByText('Content hash (SHA-256)').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByLabel('Edit').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Archive|Unpublish|Publish/ }).count()).toBe(0);
    await screenshot(page, 'source-show-viewer');

    // Typing the edit page's address does not give them a form to save.
    await page.goto(route(editor, 'sources', id));
    await page.waitForURL(/#\/access-denied$/);
    await page.getByText('Access denied').waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.locator('input[name="title"]').count()).toBe(0);
    await screenshot(page, 'source-edit-viewer');
  });

  it('offers editors "submit for review" and reviewers "publish"', async () => {
    const { statements } = await editor.graphql<{
      statements: { edges: { node: { id: string; version: number } }[] };
    }>('{ statements(first: 1) { edges { node { id version } } } }');
    const statement = statements.edges[0]?.node;
    if (!statement) throw new Error('no statement');
    // Published in the seed: unpublish it (a reviewer's move) to get a draft.
    await editor.graphql(
      'mutation ($id: ID!, $v: Int!) { transitionRecord(id: $id, to: DRAFT, expectedVersion: $v) { version } }',
      { id: statement.id, v: statement.version },
      'REVIEWER',
    );

    const editorSession = await sessionAs(browser, editor, 'EDITOR');
    await editorSession.page.goto(route(editor, 'statements', statement.id, 'show'));
    await editorSession.page.getByRole('button', { name: 'Submit for review' }).click();
    await editorSession.page.getByText('Submit for review: done').waitFor();
    await editorSession.page.getByText('in review').waitFor();
    expect(await editorSession.page.getByRole('button', { name: 'Publish' }).count()).toBe(0);

    const reviewer = await sessionAs(browser, editor, 'REVIEWER');
    await reviewer.page.goto(route(editor, 'statements', statement.id, 'show'));
    await reviewer.page.getByRole('button', { name: 'Publish' }).click();
    await reviewer.page.getByText('Publish: done').waitFor();
    await reviewer.page.getByText('published', { exact: true }).waitFor();
    await screenshot(reviewer.page, 'statement-show-reviewer');
  });
});
