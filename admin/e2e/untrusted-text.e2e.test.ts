// Markup stored in a source (it can only arrive through the database: the API strips or refuses
// it) is shown as text and never runs; a javascript: URL is not a link.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  route,
  screenshot,
  sessionAs,
  startEditor,
} from './harness.ts';

const BODY = [
  'A report with markup in it.',
  '<script>window.__injected = "script"</script>',
  '<img src="x" onerror="window.__injected = \'img\'">',
  '<a href="javascript:window.__injected=\'link\'">click me</a>',
].join('\n');

describeInBrowser('untrusted text', () => {
  it('shows stored markup as text and links no javascript: URL', async () => {
    const editor = await startEditor();
    const source = await editor.prisma.source.create({
      data: {
        kind: 'ARTICLE',
        title: '<img src=x onerror="window.__injected=\'title\'">Injected title',
        outlet: '<b>bold outlet</b>',
        body: BODY,
        contentHash: createHash('sha256').update(BODY).digest('hex'),
        url: "javascript:window.__injected='url'",
        archiveUrl: 'https://archive.example.org/report',
        status: 'PUBLISHED',
      },
    });
    const { encodeGlobalId } = await import('../../server/src/schema/global-id.ts');
    const id = encodeGlobalId('Source', source.id);

    const browser = await launchBrowser();
    const { page, problems } = await sessionAs(browser, editor, 'EDITOR');
    await page.getByRole('menuitem', { name: 'Sources' }).click();
    await page.getByText('Injected title').waitFor();
    await page.goto(route(editor, 'sources', id, 'show'));
    await page.getByText("javascript:window.__injected='url'").waitFor();
    // The URL is text, not a link; the safe archive URL is a link.
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(
      await page.locator('a[href="https://archive.example.org/report"]').getAttribute('rel'),
    ).toContain('noopener');
    await page.getByText("javascript:window.__injected='url'").click();

    await page.getByRole('tab', { name: 'Text' }).click();
    await page.getByText('<script>window.__injected = "script"</script>').waitFor();
    await page.getByText('click me</a>', { exact: false }).waitFor();
    await screenshot(page, 'untrusted-text');

    expect(
      await page.evaluate(() => (window as { __injected?: string }).__injected),
    ).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
