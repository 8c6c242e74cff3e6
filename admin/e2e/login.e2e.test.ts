// Signing in and out of the editor with the API's accounts.
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  openSession,
  type RunningEditor,
  screenshot,
  signIn,
  startEditor,
} from './harness.ts';

describeInBrowser('signing in', () => {
  let editor: RunningEditor;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  it('refuses a wrong password with the API’s message', async () => {
    editor = await startEditor();
    browser = await launchBrowser();
    const { page } = await openSession(browser);
    await page.goto(editor.adminUrl);
    await page.locator('input[name="username"]').fill(editor.users.EDITOR.email);
    await page.locator('input[name="password"]').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is wrong', { exact: false }).waitFor();
    await screenshot(page, 'login-refused');
  });

  it('signs an editor in to the dashboard and out again', async () => {
    const { page, problems } = await openSession(browser);
    await signIn(page, editor, 'EDITOR');
    await page.getByRole('menuitem', { name: 'Sources' }).click();
    // The seed corpus' five sources, in a server-side page.
    await page.getByText('1-5 of 5').waitFor();
    expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    await screenshot(page, 'sources-list');

    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows admins the users, whom they can rename', async () => {
    const { page } = await openSession(browser);
    await signIn(page, editor, 'ADMIN');
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByText('editor@e2e.citeline.local').waitFor();
    await screenshot(page, 'users-list');

    // An admin renames a user through the form (updateUser with the version it read).
    await page.getByText('editor@e2e.citeline.local').click();
    const name = page.locator('input[name="name"]');
    await expect.poll(() => name.inputValue()).toBe('E2E editor');
    await name.fill('Ada the editor');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Ada the editor').waitFor();
    const { users } = await editor.graphql<{ users: { edges: { node: { name: string } }[] } }>(
      '{ users(filter: { text: "editor@e2e" }) { edges { node { name } } } }',
      {},
      'ADMIN',
    );
    expect(users.edges.map((edge) => edge.node.name)).toEqual(['Ada the editor']);
  });
});
