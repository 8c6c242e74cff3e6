// The dashboard, citation health and "find a quote" in a browser, on the seed corpus with one
// source edited so that two citations moved (FUZZY).
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  type RunningEditor,
  screenshot,
  sessionAs,
  startEditor,
} from './harness.ts';
import { waitForReader } from './reader-helpers.ts';

/** Waits as long as a locator would: the page may still be loading under load. */
const POLL = { timeout: 15_000 };

const OLD_WORDS = 'emphasized the importance of strong people-to-people relations';
const NEW_WORDS = 'stressed how important strong people-to-people relations are';

/** Rewords a passage of a seed source that a statement and an event cite. */
async function rewordSeedSource(editor: RunningEditor): Promise<void> {
  const { sources } = await editor.graphql<{
    sources: { edges: { node: { id: string; version: number; body: string } }[] };
  }>(
    '{ sources(first: 1, filter: { text: "Explore Closer Defense" }) { edges { node { id version body } } } }',
  );
  const source = sources.edges[0]?.node;
  if (!source?.body.includes(OLD_WORDS)) throw new Error('The seed source has changed');
  await editor.graphql(
    'mutation ($id: ID!, $v: Int!, $text: String!) { updateSource(id: $id, expectedVersion: $v, input: { text: $text }) { version } }',
    { id: source.id, v: source.version, text: source.body.replace(OLD_WORDS, NEW_WORDS) },
    'EDITOR',
  );
}

const forReview = async (editor: RunningEditor) =>
  (
    await editor.graphql<{ citationsForReview: { totalCount: number } }>(
      '{ citationsForReview(first: 1) { totalCount } }',
      {},
      'EDITOR',
    )
  ).citationsForReview.totalCount;

describeInBrowser('dashboard and lookups', () => {
  let editor: RunningEditor;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  it('shows counts, what needs attention, recent changes and a timeline', async () => {
    editor = await startEditor();
    browser = await launchBrowser();
    await rewordSeedSource(editor);
    expect(await forReview(editor)).toBe(2);

    // Signing in lands on the dashboard.
    const { page, problems } = await sessionAs(browser, editor, 'EDITOR');
    const cell = (type: string, status: string) =>
      page.locator(`tr[data-type="${type}"] td[data-status="${status}"]`).textContent();
    await expect.poll(() => cell('Source', 'PUBLISHED'), POLL).toBe('5');
    expect(await cell('Statement', 'PUBLISHED')).toBe('54');
    expect(await cell('Event', 'DRAFT')).toBe('0');
    await expect
      .poll(() => page.getByTestId('citations-for-review-count').textContent(), POLL)
      .toBe('2');
    expect(await page.getByTestId('in-review-count').textContent()).toBe('0');
    const change = page.getByTestId('recent-change').first();
    await change.getByText('U.S. and Cambodia Explore Closer Defense Collaboration').waitFor();
    await change.getByText('edited by E2E editor').waitFor();
    await expect.poll(() => page.getByTestId('timeline-event').count(), POLL).toBe(16);
    // Most recent first: Clark's visit of 24–25 February 2025 leads.
    expect(await page.getByTestId('timeline-event').first().textContent()).toContain(
      '24 February 2025',
    );
    await screenshot(page, 'dashboard');
    expect(problems).toEqual([]);
  });

  it('shows moved citations old and new, and confirms the new passage', async () => {
    const { page, problems } = await sessionAs(browser, editor, 'EDITOR');

    await page.getByRole('link', { name: /citations needing review/ }).click();
    const items = page.getByTestId('citation-health-item');
    await expect.poll(() => items.count(), POLL).toBe(2);
    const eventItem = items.filter({
      hasText: 'Ronald P. Clark pays a courtesy call on Hun Manet',
    });
    const was = eventItem.getByLabel('The passage as it was cited');
    const now = eventItem.getByLabel('The passage now');
    await was.getByText('emphasized the importance of', { exact: false }).waitFor();
    expect(await was.locator('mark').allTextContents()).toEqual(['emphasized the importance of']);
    expect(await now.locator('mark').allTextContents()).toContain('stressed how important');
    await screenshot(page, 'citation-health');

    await eventItem.getByRole('button', { name: 'Confirm the new passage' }).click();
    await page.getByText('The new passage is cited').waitFor();
    await expect.poll(() => items.count(), POLL).toBe(1);
    expect(await forReview(editor)).toBe(1);
    const { events } = await editor.graphql<{
      events: { edges: { node: { citations: { exact: string; anchorStatus: string }[] } }[] };
    }>(
      '{ events(first: 1, filter: { text: "courtesy call on Hun Manet" }) { edges { node { citations { exact anchorStatus } } } } }',
      {},
      'EDITOR',
    );
    const citations = events.edges[0]?.node.citations ?? [];
    expect(citations.some((c) => c.exact.includes(NEW_WORDS) && c.anchorStatus === 'EXACT')).toBe(
      true,
    );
    expect(citations.every((c) => c.anchorStatus === 'EXACT')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('finds a pasted quote and opens the reader at it, with the formatted reference', async () => {
    const { page, problems } = await sessionAs(browser, editor, 'VIEWER');
    await page.getByRole('menuitem', { name: 'Find a quote' }).click();
    await page.getByLabel('Words to find').fill('make Cambodia mine-free');
    await page.getByRole('button', { name: 'Find' }).click();
    const matches = page.getByTestId('passage-match');
    await expect.poll(() => matches.count(), POLL).toBe(2);
    const first = matches.filter({
      hasText: 'U.S. and Cambodia Explore Closer Defense Collaboration',
    });
    await first.getByText('Already cited for:').waitFor();
    await screenshot(page, 'find-quote');

    await first
      .getByRole('link', { name: 'U.S. and Cambodia Explore Closer Defense Collaboration' })
      .click();
    await page.waitForURL(/\/read\?start=\d+&end=\d+$/);
    await waitForReader(page);
    const focused = page.locator('[data-testid="reader-text"] [data-focus]');
    await focused.first().waitFor({ timeout: 30_000 });
    expect((await focused.allTextContents()).join('')).toBe('make Cambodia mine-free');
    // Viewers read the text and its highlights, but cannot cite or see suggestions.
    expect(await page.getByText('Suggested quotations').count()).toBe(0);

    const reference = page.getByTestId('formatted-reference');
    await expect.poll(() => reference.textContent(), POLL).toContain('(2025, February 25)');
    await page.getByRole('button', { name: 'MLA' }).click();
    await expect.poll(() => reference.textContent(), POLL).toContain('Cambodianess');
    expect(await reference.textContent()).not.toContain('(2025, February 25)');

    // Copy puts the reference shown, as text, on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('MLA reference copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await reference.textContent(),
    );
    expect(problems).toEqual([]);
  });
});
