// A record's history in a browser: each revision with a readable diff (the speaker by name, the
// words changed), and restoring an old version as a new change; viewers cannot restore.
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  route,
  screenshot,
  sessionAs,
  startEditor,
} from './harness.ts';
import { actorId } from './reader-helpers.ts';

const FIRST = 'Hun Manet said Cambodia would host more joint demining exercises with the US.';
const SECOND = 'Hun Sen said Cambodia would host fewer joint exercises with the US.';

interface StatementState {
  statement: { text: string; version: number; speaker: { name: string } | null };
}

describeInBrowser('history', () => {
  it('shows what each revision changed and restores an old version', async () => {
    const editor = await startEditor();
    const browser = await launchBrowser();
    const [manet, sen] = await Promise.all([
      actorId(editor, 'Hun Manet'),
      actorId(editor, 'Hun Sen'),
    ]);
    const { createStatement } = await editor.graphql<{
      createStatement: { id: string; version: number };
    }>(
      'mutation ($input: StatementInput!) { createStatement(input: $input) { id version } }',
      { input: { kind: 'PARAPHRASE', text: FIRST, speaker: manet, saidOn: '2024-02' } },
      'EDITOR',
    );
    const id = createStatement.id;
    await editor.graphql(
      'mutation ($id: ID!, $v: Int!, $input: StatementInput!) { updateStatement(id: $id, expectedVersion: $v, input: $input) { version } }',
      {
        id,
        v: createStatement.version,
        input: { text: SECOND, speaker: sen, saidOn: '2024-02-26' },
      },
      'EDITOR',
    );
    const read = async () =>
      (
        await editor.graphql<StatementState>(
          'query ($id: ID!) { statement(id: $id) { text version speaker { name } } }',
          { id },
          'EDITOR',
        )
      ).statement;

    const { page, problems } = await sessionAs(browser, editor, 'EDITOR');
    await page.goto(route(editor, 'statements', id, 'show', 'history'));
    const latest = page.locator('[data-testid="revision"][data-version="2"]');
    await latest.waitFor();
    // The speaker by name, the date at its precision, the words that changed.
    const speakerRow = latest.locator('tr[data-field="speakerId"]');
    await speakerRow.getByText('Hun Manet').waitFor();
    await speakerRow.getByText('Hun Sen').waitFor();
    const dateRow = latest.locator('tr[data-field="saidOn"]');
    expect(await dateRow.locator('td').allTextContents()).toEqual([
      'Said on',
      '2024-02',
      '2024-02-26',
    ]);
    const textRow = latest.locator('tr[data-field="text"]');
    expect(await textRow.locator('del').allTextContents()).toContain('more');
    expect(await textRow.locator('ins').allTextContents()).toContain('fewer');
    // The newest revision is the record as it is: nothing to restore there.
    expect(await latest.getByRole('button', { name: /Restore/ }).count()).toBe(0);
    await screenshot(page, 'history');

    const first = page.locator('[data-testid="revision"][data-version="1"]');
    await first.getByRole('button', { name: 'Restore version 1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await page.getByText('Version 1 restored as a new change').waitFor();
    await page.locator('[data-testid="revision"][data-version="3"]').waitFor();
    expect(await read()).toEqual({ text: FIRST, version: 3, speaker: { name: 'Hun Manet' } });
    expect(problems).toEqual([]);

    // A viewer reads the history but has nothing to restore with.
    const viewer = await sessionAs(browser, editor, 'VIEWER');
    await viewer.page.goto(route(editor, 'statements', id, 'show', 'history'));
    await viewer.page.locator('[data-testid="revision"][data-version="3"]').waitFor();
    expect(await viewer.page.getByRole('button', { name: /Restore/ }).count()).toBe(0);
  });
});
