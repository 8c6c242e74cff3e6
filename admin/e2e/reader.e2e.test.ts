// The source reader in a browser: selecting words with the mouse and citing them, for a new
// direct quote and for an existing event. The source has emoji, a flag and Khmer before the
// passages, so UTF-16 and code-point offsets differ: the API must get code points.
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
import {
  codePointIndexOf,
  dragSelect,
  type ImportedSource,
  importText,
  waitForReader,
} from './reader-helpers.ts';

/** Waits as long as a locator would: the page may still be loading under load. */
const POLL = { timeout: 15_000 };

const QUOTE = 'We will clear every last mine by 2030.';
const BODY = [
  '📸 ភ្នំពេញ ២០២៥ — Photo by 🇰🇭 AKP.',
  '',
  `After the talks, Hun Manet said: “${QUOTE}” He then left for Siem Reap.`,
  '',
  'Officials 👍 declined to comment further on the 🎖️ ceremony.',
].join('\n');
const EVENT_PASSAGE = 'After the talks, Hun Manet said: “We will clear every last mine';
const EVENT_TITLE = 'Hun Manet holds demining talks in Phnom Penh';

interface Citation {
  start: number;
  end: number;
  exact: string;
  source: { id: string };
}

describeInBrowser('the source reader', () => {
  let editor: RunningEditor;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let source: ImportedSource;

  it('turns a selection into a direct quote cited by code-point offsets', async () => {
    editor = await startEditor();
    browser = await launchBrowser();
    source = await importText(editor, 'Demining talks', BODY, { publishedOn: '2025-03-04' });
    // An event already cites the words leading into the quote: the selection starts inside
    // its highlight and ends outside it.
    await editor.graphql(
      'mutation ($input: EventInput!) { createEvent(input: $input) { id } }',
      {
        input: {
          kind: 'MEETING',
          title: EVENT_TITLE,
          citations: [{ source: source.id, exact: EVENT_PASSAGE }],
        },
      },
      'EDITOR',
    );

    const { page, problems } = await sessionAs(browser, editor, 'EDITOR');
    await page.goto(route(editor, 'sources', source.id, 'show', 'read'));
    await waitForReader(page);
    await page.locator('mark[data-kinds="event"]').first().waitFor();

    await dragSelect(page, QUOTE);
    await page.getByRole('button', { name: 'Cite this passage' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('selected-passage').textContent(), POLL).toBe(QUOTE);
    // The words, the kind and the date come prefilled from the selection and the source.
    expect(await dialog.locator('textarea[name="text"]').inputValue()).toBe(QUOTE);
    expect(await dialog.locator('input[name="saidOn"]').inputValue()).toBe('2025-03-04');
    await dialog.getByLabel('Speaker').fill('Hun Man');
    await page.getByRole('option', { name: 'Hun Manet' }).click();
    await screenshot(page, 'reader-cite-dialog');
    await dialog.getByRole('button', { name: 'Cite the passage' }).click();
    await page.getByText('Statement created as a draft').waitFor();

    const { statements } = await editor.graphql<{
      statements: {
        edges: {
          node: {
            text: string;
            kind: string;
            saidOn: string;
            status: string;
            speaker: { name: string };
            citations: Citation[];
          };
        }[];
      };
    }>(
      'query ($text: String!) { statements(first: 5, filter: { text: $text }) { edges { node { text kind saidOn status speaker { name } citations { start end exact source { id } } } } } }',
      { text: 'clear every last mine' },
      'EDITOR',
    );
    expect(statements.edges).toHaveLength(1);
    const statement = statements.edges[0]?.node;
    expect(statement).toMatchObject({
      text: QUOTE,
      kind: 'DIRECT_QUOTE',
      saidOn: '2025-03-04',
      status: 'DRAFT',
      speaker: { name: 'Hun Manet' },
    });
    const start = codePointIndexOf(source.body, QUOTE);
    // Emoji, the flag and Khmer put UTF-16 units and code points apart before the quote.
    expect(source.body.indexOf(QUOTE)).toBeGreaterThan(start);
    expect(statement?.citations).toEqual([
      { start, end: start + Array.from(QUOTE).length, exact: QUOTE, source: { id: source.id } },
    ]);

    // The new passage is highlighted as a statement; hovering shows it, clicking opens it.
    const quoteMark = page.locator('mark[data-kinds="statement"]', { hasText: 'by 2030.' });
    await quoteMark.waitFor();
    await quoteMark.hover();
    await page.getByTestId('passage-card').getByText(`Statement: “${QUOTE}”`).waitFor();
    await screenshot(page, 'reader');
    await quoteMark.click();
    await page.waitForURL(/#\/statements\/[^/]+\/show$/);
    await page.getByText(QUOTE).first().waitFor();
    expect(problems).toEqual([]);
  });

  it('attaches a selected passage to an existing event', async () => {
    const { page, problems } = await sessionAs(browser, editor, 'EDITOR');
    await page.goto(route(editor, 'sources', source.id, 'show', 'read'));
    await waitForReader(page);
    const passage = 'Officials 👍 declined to comment further on the 🎖️ ceremony';
    await dragSelect(page, passage);
    await page.getByRole('button', { name: 'Cite this passage' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Existing event').check();
    await dialog.getByLabel(/^Event/).fill('demining talks');
    await page.getByRole('option', { name: EVENT_TITLE }).click();
    await dialog.getByRole('button', { name: 'Cite the passage' }).click();
    await page.getByText('Passage cited for the event').waitFor();

    const { events } = await editor.graphql<{
      events: { edges: { node: { citations: Citation[] } }[] };
    }>(
      'query ($text: String!) { events(first: 1, filter: { text: $text }) { edges { node { citations { start end exact source { id } } } } } }',
      { text: EVENT_TITLE },
      'EDITOR',
    );
    const start = codePointIndexOf(source.body, passage);
    expect(events.edges[0]?.node.citations).toContainEqual({
      start,
      end: start + Array.from(passage).length,
      exact: passage,
      source: { id: source.id },
    });
    await page.locator('mark[data-kinds="event"]', { hasText: 'ceremony' }).waitFor();
    expect(problems).toEqual([]);
  });
});
