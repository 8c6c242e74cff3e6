// Importing a source in the browser: HTML reduced to text, and a second import of the same URL
// opening the existing source instead of a duplicate.
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

const URL = 'https://example.org/news/demining-talks';
const HTML = `<html><head><title>Phnom Penh hosts demining talks</title><style>p{color:red}</style></head>
<body><h1>Phnom Penh hosts demining talks</h1>
<p>Officials from both countries met on Monday to plan the next phase of clearance.</p>
<script>document.title = 'hacked'</script>
<p>"We will make the border provinces safe," the minister said.</p></body></html>`;

interface SourceByUrl {
  sourceByUrl: { id: string; title: string; body: string; status: string; url: string } | null;
}

describeInBrowser('importing a source', () => {
  let editor: RunningEditor;

  it('imports HTML as readable text and opens the new draft', async () => {
    editor = await startEditor();
    const browser = await launchBrowser();
    const { page, problems } = await sessionAs(browser, editor, 'EDITOR');
    await page.goto(route(editor, 'sources', 'create'));
    await page.getByLabel(/^HTML/).check();
    await page.locator('textarea[name="body"]').fill(HTML);
    await page.locator('input[name="url"]').fill(URL);
    await page.locator('input[name="outlet"]').fill('Example News');
    await page.locator('input[name="publishedOn"]').fill('2025-02');
    await page.getByText('Means February 2025 (month precision').waitFor();
    await screenshot(page, 'source-import-form');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.waitForURL(/#\/sources\/[^/]+\/show$/);
    await page.getByText('Source imported as a draft').waitFor();
    await page.getByText('Phnom Penh hosts demining talks').first().waitFor();
    await screenshot(page, 'source-show');

    const { sourceByUrl: source } = await editor.graphql<SourceByUrl>(
      'query ($url: String!) { sourceByUrl(url: $url) { id title body status url } }',
      { url: URL },
      'EDITOR',
    );
    expect(source).toMatchObject({ title: 'Phnom Penh hosts demining talks', status: 'DRAFT' });
    expect(source?.body).toContain('Officials from both countries met on Monday');
    expect(source?.body).not.toContain('hacked');
    expect(page.url()).toContain(encodeURIComponent(source?.id ?? '?'));

    // The body tab shows the text as text.
    await page.getByRole('tab', { name: 'Text' }).click();
    await page.getByText('the minister said').waitFor();
    expect(problems).toEqual([]);
  });

  it('opens the existing source when the same URL is imported again', async () => {
    const browser = await launchBrowser();
    const { page } = await sessionAs(browser, editor, 'EDITOR');
    await page.goto(route(editor, 'sources', 'create'));
    await page.locator('textarea[name="body"]').fill('Different words, same address.');
    await page.locator('input[name="title"]').fill('A second copy');
    await page.locator('input[name="url"]').fill(`${URL}?utm_source=feed`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('already in the record (same URL)', { exact: false }).waitFor();
    await page.waitForURL(/#\/sources\/[^/]+\/show$/);
    const { sources } = await editor.graphql<{ sources: { totalCount: number } }>(
      '{ sources(filter: { text: "demining talks" }) { totalCount } }',
      {},
      'EDITOR',
    );
    expect(sources.totalCount).toBe(1);
  });
});
