// The review queue in a browser: an editor sends a record to review, a reviewer finds it in the
// queue and approves it (published); an editor can only return records, not approve them.
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  route,
  screenshot,
  sessionAs,
  startEditor,
} from './harness.ts';
import { actorId, importText } from './reader-helpers.ts';

const QUOTE = 'Demining teams will return to Battambang next month.';

interface StatementState {
  statement: { status: string; version: number } | null;
}

describeInBrowser('the review queue', () => {
  it('takes a statement from draft through review to published', async () => {
    const editor = await startEditor();
    const browser = await launchBrowser();
    const source = await importText(
      editor,
      'Demining resumes',
      `The minister was clear. “${QUOTE}” Officials welcomed the news.`,
    );
    const speaker = await actorId(editor, 'Tea Seiha');
    const { createStatement } = await editor.graphql<{ createStatement: { id: string } }>(
      'mutation ($input: StatementInput!) { createStatement(input: $input) { id } }',
      {
        input: {
          kind: 'DIRECT_QUOTE',
          text: QUOTE,
          speaker,
          citations: [{ source: source.id, exact: QUOTE }],
        },
      },
      'EDITOR',
    );
    const statementId = createStatement.id;
    const status = async () =>
      (
        await editor.graphql<StatementState>(
          'query ($id: ID!) { statement(id: $id) { status version } }',
          { id: statementId },
          'EDITOR',
        )
      ).statement?.status;

    // The editor sends it to review from its page; in the queue they may return it, not approve.
    const editorSession = await sessionAs(browser, editor, 'EDITOR');
    await editorSession.page.goto(route(editor, 'statements', statementId, 'show'));
    await editorSession.page.getByRole('button', { name: 'Submit for review' }).click();
    await editorSession.page.getByText('Submit for review: done').waitFor();
    expect(await status()).toBe('IN_REVIEW');
    await editorSession.page.getByRole('menuitem', { name: 'Review queue' }).click();
    const editorRow = editorSession.page.getByTestId('review-item').filter({ hasText: QUOTE });
    await editorRow.waitFor();
    expect(await editorRow.getByRole('button', { name: 'Return' }).count()).toBe(1);
    expect(await editorRow.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // The reviewer approves it from the queue.
    const reviewer = await sessionAs(browser, editor, 'REVIEWER');
    await reviewer.page.getByRole('menuitem', { name: 'Review queue' }).click();
    const row = reviewer.page.getByTestId('review-item').filter({ hasText: QUOTE });
    await row.waitFor();
    await row.getByText('Tea Seiha').waitFor();
    await screenshot(reviewer.page, 'review-queue');
    await row.getByRole('button', { name: 'Approve' }).click();
    await reviewer.page.getByText('Published.', { exact: true }).waitFor();
    await row.waitFor({ state: 'detached' });
    await reviewer.page.getByText('Nothing is waiting for review.').waitFor();
    expect(await status()).toBe('PUBLISHED');
    expect(editorSession.problems).toEqual([]);
    expect(reviewer.problems).toEqual([]);
  });
});
