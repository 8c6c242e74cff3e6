// The editor's main screens for every type, as an editor: lists, record pages, forms; a topic
// created and an event and a statement edited through their forms, checked through the API.
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  type RunningEditor,
  route,
  type Session,
  screenshot,
  sessionAs,
  startEditor,
} from './harness.ts';

const RESOURCES = ['events', 'statements', 'actors', 'topics'] as const;

describeInBrowser('the main screens', () => {
  let editor: RunningEditor;
  let session: Session;

  it.each(RESOURCES)('lists %s, shows one and opens its form', async (resource) => {
    if (!session) {
      editor = await startEditor();
      session = await sessionAs(await launchBrowser(), editor, 'EDITOR');
    }
    const { page } = session;
    await page.goto(route(editor, resource));
    const firstRow = page.locator('tbody tr').first();
    await firstRow.waitFor();
    await screenshot(page, `${resource}-list`);
    await firstRow.click();
    await page.waitForURL(/\/show$/);
    await page.getByText('version 1').waitFor();
    await screenshot(page, `${resource}-show`);
    await page.getByLabel('Edit').click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await screenshot(page, `${resource}-edit`);
    expect(session.problems).toEqual([]);
  });

  it('creates a topic from its form', async () => {
    const { page } = session;
    await page.goto(route(editor, 'topics', 'create'));
    await page.locator('input[name="name"]').fill('Maritime security');
    await page.locator('input[name="slug"]').fill('Maritime Security');
    await page.locator('input[name="slug"]').blur();
    await page.getByText('Lower-case words joined by hyphens').waitFor();
    await page.locator('input[name="slug"]').fill('maritime-security');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    const { topic } = await editor.graphql<{ topic: { name: string; status: string } | null }>(
      '{ topic(slug: "maritime-security") { name status } }',
      {},
      'EDITOR',
    );
    expect(topic).toEqual({ name: 'Maritime security', status: 'DRAFT' });
  });

  it('edits an event, keeping its participants and topics, and checks its dates', async () => {
    const { events } = await editor.graphql<{
      events: {
        edges: {
          node: { id: string; version: number; participants: unknown[]; topics: unknown[] };
        }[];
      };
    }>(
      '{ events(first: 1, filter: { kind: [VISIT] }) { edges { node { id version participants { role actor { id } } topics { id } } } } }',
      {},
      'EDITOR',
    );
    const event = events.edges[0]?.node;
    if (!event) throw new Error('no visit in the seed');
    const { page } = session;
    await page.goto(route(editor, 'events', event.id));
    const start = page.locator('input[name="startDate"]');
    await start.waitFor();
    await start.fill('2024-02-30');
    await start.blur();
    await page.getByText('February 2024 has no day 30').waitFor();
    await start.fill('2024-02');
    await page.getByText('Means February 2024 (month precision').waitFor();
    await page.locator('input[name="place"]').fill('Peace Palace, Phnom Penh');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);

    const { event: saved } = await editor.graphql<{
      event: {
        version: number;
        place: string;
        startDate: string;
        datePrecision: string;
        participants: unknown[];
        topics: unknown[];
      };
    }>(
      'query ($id: ID!) { event(id: $id) { version place startDate datePrecision participants { role actor { id } } topics { id } } }',
      { id: event.id },
      'EDITOR',
    );
    expect(saved).toEqual({
      version: event.version + 1,
      place: 'Peace Palace, Phnom Penh',
      startDate: '2024-02',
      datePrecision: 'MONTH',
      participants: event.participants,
      topics: event.topics,
    });
  });

  it('shows an API validation error on the field it names', async () => {
    const { statements } = await editor.graphql<{
      statements: { edges: { node: { id: string } }[] };
    }>(
      '{ statements(first: 1, filter: { kind: DIRECT_QUOTE }) { edges { node { id } } } }',
      {},
      'EDITOR',
    );
    const id = statements.edges[0]?.node.id ?? '';
    const { page } = session;
    await page.goto(route(editor, 'statements', id));
    const text = page.locator('textarea[name="text"]');
    await text.waitFor();
    // A direct quote must stay verbatim in its passage: the API refuses words the source lacks.
    await text.fill('Words that appear in no source at all.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('textarea[name="text"][aria-invalid="true"]').waitFor();
    const helperId = await text.getAttribute('aria-describedby');
    const helper = (await page.locator(`[id="${helperId}"]`).textContent()) ?? '';
    expect(helper).not.toContain('A direct quote: the exact words');
    expect(helper.length).toBeGreaterThan(10);
    await screenshot(page, 'statement-edit-validation');
    expect(page.url()).not.toMatch(/\/show$/);
  });
});
