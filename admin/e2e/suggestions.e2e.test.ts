// Suggested quotations in the reader: accepting one (with the speaker corrected) records a
// direct quote citing exactly the quoted words; dismissing one hides it for the browser tab.
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  route,
  screenshot,
  sessionAs,
  startEditor,
} from './harness.ts';
import { importText, waitForReader } from './reader-helpers.ts';

/** Waits as long as a locator would: the page may still be loading under load. */
const POLL = { timeout: 15_000 };

const ACCEPTED = 'Our engineers will train alongside American specialists this year';
const DISMISSED = 'The border provinces must be safe for farmers';
const BODY = [
  'Defence talks in Phnom Penh 🇰🇭',
  '',
  `“${ACCEPTED},” said Tea Seiha after the meeting.`,
  '',
  `“${DISMISSED},” Hun Manet said on Monday.`,
].join('\n');

interface Suggestion {
  text: string;
  start: number;
  end: number;
  speaker: { name: string } | null;
  alreadyRecorded: boolean;
}

describeInBrowser('suggested quotations', () => {
  it('accepts one with a corrected speaker and dismisses another', async () => {
    const editor = await startEditor();
    const browser = await launchBrowser();
    const source = await importText(editor, 'Defence talks', BODY, { publishedOn: '2025-05' });
    const suggest = async () =>
      (
        await editor.graphql<{ suggestStatements: Suggestion[] }>(
          'query ($id: ID!) { suggestStatements(sourceId: $id) { text start end speaker { name } alreadyRecorded } }',
          { id: source.id },
          'EDITOR',
        )
      ).suggestStatements;
    const suggested = await suggest();
    expect(suggested.map((item) => [item.text, item.speaker?.name])).toEqual([
      [ACCEPTED, 'Tea Seiha'],
      [DISMISSED, 'Hun Manet'],
    ]);

    const { page, problems } = await sessionAs(browser, editor, 'EDITOR');
    await page.goto(route(editor, 'sources', source.id, 'show', 'read'));
    await waitForReader(page);
    const items = page.getByTestId('suggestion');
    await items.filter({ hasText: ACCEPTED }).waitFor();
    await items.filter({ hasText: DISMISSED }).waitFor();
    await screenshot(page, 'reader-suggestions');

    // Dismissed: gone from the list, and still gone after a reload of the tab.
    await items.filter({ hasText: DISMISSED }).getByRole('button', { name: 'Dismiss' }).click();
    await items.filter({ hasText: DISMISSED }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Show 1 dismissed' }).waitFor();
    await page.reload();
    await items.filter({ hasText: ACCEPTED }).waitFor();
    expect(await items.filter({ hasText: DISMISSED }).count()).toBe(0);

    // Accepted, with the speaker corrected from Tea Seiha to Vong Pisen.
    await items.filter({ hasText: ACCEPTED }).getByRole('button', { name: 'Accept' }).click();
    const dialog = page.getByRole('dialog');
    const speaker = dialog.getByLabel('Speaker');
    await expect.poll(() => speaker.inputValue(), POLL).toBe('Tea Seiha');
    await speaker.fill('Vong Pis');
    await page.getByRole('option', { name: 'Vong Pisen' }).click();
    await dialog.getByRole('button', { name: 'Record the quote' }).click();
    await page.getByText('Quote recorded as a draft statement').waitFor();
    await items.filter({ hasText: ACCEPTED }).getByText('already recorded').waitFor();

    const { statements } = await editor.graphql<{
      statements: {
        edges: {
          node: {
            text: string;
            kind: string;
            saidOn: string;
            speaker: { name: string };
            citations: { start: number; end: number; exact: string }[];
          };
        }[];
      };
    }>(
      'query ($source: ID!) { statements(first: 5, filter: { source: $source }) { edges { node { text kind saidOn speaker { name } citations { start end exact } } } } }',
      { source: source.id },
      'EDITOR',
    );
    const accepted = suggested[0] as Suggestion;
    expect(statements.edges.map((edge) => edge.node)).toEqual([
      {
        text: ACCEPTED,
        kind: 'DIRECT_QUOTE',
        saidOn: '2025-05',
        speaker: { name: 'Vong Pisen' },
        citations: [{ start: accepted.start, end: accepted.end, exact: ACCEPTED }],
      },
    ]);
    expect((await suggest()).map((item) => item.alreadyRecorded)).toEqual([true, false]);
    expect(problems).toEqual([]);
  });

  it('adds a speaker who is not in the record yet, from the suggestion or from a picker', async () => {
    const editor = await startEditor();
    const browser = await launchBrowser();
    const quote = 'We are watching the border closely';
    const source = await importText(
      editor,
      'A governor speaks',
      `“${quote},” said Chea Sokhom, a provincial governor.`,
    );
    const { page, problems } = await sessionAs(browser, editor, 'EDITOR');
    await page.goto(route(editor, 'sources', source.id, 'show', 'read'));
    await waitForReader(page);
    const item = page.getByTestId('suggestion').filter({ hasText: quote });
    await item.getByText('Chea Sokhom').waitFor();
    await item.getByRole('button', { name: 'Accept' }).click();

    // The text names a speaker the record does not know: add them from the dialog.
    const dialog = page.getByRole('dialog', { name: 'Record this quote' });
    await dialog.getByRole('button', { name: 'Add “Chea Sokhom” as a new actor' }).click();
    const newActor = page.getByRole('dialog', { name: 'New actor' });
    await expect.poll(() => newActor.getByLabel('Name').inputValue(), POLL).toBe('Chea Sokhom');
    await screenshot(page, 'reader-new-speaker');
    await newActor.getByRole('button', { name: 'Add the actor' }).click();
    await newActor.waitFor({ state: 'detached' });
    await expect.poll(() => dialog.getByLabel('Speaker').inputValue(), POLL).toBe('Chea Sokhom');
    await dialog.getByRole('button', { name: 'Record the quote' }).click();
    await page.getByText('Quote recorded as a draft statement').waitFor();

    const { statements } = await editor.graphql<{
      statements: { edges: { node: { text: string; speaker: { name: string; kind: string } } }[] };
    }>(
      'query ($source: ID!) { statements(first: 5, filter: { source: $source }) { edges { node { text speaker { name kind } } } } }',
      { source: source.id },
      'EDITOR',
    );
    expect(statements.edges.map((edge) => edge.node)).toEqual([
      { text: quote, speaker: { name: 'Chea Sokhom', kind: 'PERSON' } },
    ]);

    // Any actor picker offers to add the name typed into it.
    await page.goto(route(editor, 'statements', 'create'));
    const speaker = page.getByRole('combobox', { name: 'Speaker', exact: true });
    await speaker.fill('Royal Cambodian Navy');
    await page.getByRole('option', { name: 'Add “Royal Cambodian Navy” as a new actor' }).click();
    await newActor.getByLabel('Organization').check();
    await newActor.getByRole('button', { name: 'Add the actor' }).click();
    await newActor.waitFor({ state: 'detached' });
    await expect.poll(() => speaker.inputValue(), POLL).toBe('Royal Cambodian Navy');
    const { actors } = await editor.graphql<{
      actors: { edges: { node: { kind: string; status: string } }[] };
    }>(
      '{ actors(filter: { text: "Royal Cambodian Navy" }) { edges { node { kind status } } } }',
      {},
      'EDITOR',
    );
    expect(actors.edges.map((edge) => edge.node)).toEqual([
      { kind: 'ORGANIZATION', status: 'DRAFT' },
    ]);
    expect(problems).toEqual([]);
  });
});
