// The e2e harness: the real server (buildApp over a fresh copy of the seeded test database)
// listening on a free port, users of every role with real passwords, and Debian's Chromium
// driven by playwright-core. Each test file gets its own server, database and browser.
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, describe, onTestFailed } from 'vitest';
import { type App, buildApp } from '../../server/src/app.ts';
import { createAccount } from '../../server/src/auth/accounts.ts';
import { PROJECT_ROOT } from '../../server/src/config.ts';
import { createPrisma, type Db } from '../../server/src/db/client.ts';
import { createTestDatabase } from '../../server/src/test/database.ts';
import { CHROMIUM_PATH, chromiumMissing } from './chromium.ts';

export type Role = 'VIEWER' | 'EDITOR' | 'REVIEWER' | 'ADMIN';
export const ROLES: readonly Role[] = ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'];

/** Browser tests: skipped (with a message from the global setup) only when Chromium is absent outside CI. */
export const describeInBrowser: ReturnType<typeof describe.skipIf> = describe.skipIf(
  chromiumMissing() && !process.env.CI,
);

export const SCREENSHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
  role: Role;
}

export interface RunningEditor {
  app: App;
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The editor's start page. */
  adminUrl: string;
  /** For arranging data behind the API's back (e.g. markup the API would refuse). */
  prisma: Db;
  users: Record<Role, TestUser>;
  /** Runs an operation over HTTP as `role` (signed in through the API); fails on errors. */
  graphql<T>(query: string, variables?: Record<string, unknown>, role?: Role): Promise<T>;
}

const PASSWORD = 'correct horse battery staple';

/** Starts the server on a fresh database with the seed corpus and one user per role. */
export async function startEditor(): Promise<RunningEditor> {
  const database = await createTestDatabase();
  const users = {} as Record<Role, TestUser>;
  for (const role of ROLES) {
    const name = `E2E ${role.toLowerCase()}`;
    const email = `${role.toLowerCase()}@e2e.citeline.local`;
    const user = await createAccount(database.prisma, { email, name, role, password: PASSWORD });
    users[role] = { id: user.id, name, email, password: PASSWORD, role };
  }
  const apiPrisma = createPrisma(database.url, { maxConnections: 4 });
  const app = await buildApp({ prisma: apiPrisma });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  afterAll(async () => {
    await app.stop();
    await apiPrisma.$disconnect();
  });

  const tokens = new Map<Role, Promise<string>>();
  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const tokenFor = (role: Role) => {
    let token = tokens.get(role);
    if (!token) {
      token = post(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email: users[role].email, password: PASSWORD },
      ).then((data) => (data as { login: { token: string } }).login.token);
      tokens.set(role, token);
    }
    return token;
  };

  return {
    app,
    baseUrl,
    adminUrl: `${baseUrl}/admin/`,
    prisma: database.prisma,
    users,
    graphql: async <T>(query: string, variables: Record<string, unknown> = {}, role?: Role) =>
      (await post(query, variables, role ? await tokenFor(role) : undefined)) as T,
  };
}

/** Launches headless Chromium for this test file (closed after it). */
export async function launchBrowser(): Promise<Browser> {
  // playwright-core gives every launch a fresh temporary --user-data-dir of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  afterAll(() => browser.close());
  return browser;
}

export interface Session {
  page: Page;
  /**
   * Uncaught errors and blocked content (Content Security Policy violations) the page reported.
   * Console errors in general are not: react-admin logs the API errors it handles.
   */
  problems: string[];
}

let failures = 0;

/** A new browser context (its own storage: a second person), not signed in yet. */
export async function openSession(browser: Browser): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`blocked: ${message.text()}`);
    }
  });
  // What the page showed when a test failed, for whoever reads CI's log and test-output.
  onTestFailed(async ({ task }) => {
    const name = `failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}-${failures++}`;
    console.error(`${task.name}: the page was at ${page.url()} (screenshot ${name}.png)`);
    await screenshot(page, name).catch(() => undefined);
  });
  return { page, problems };
}

/**
 * Signs in through the login form, as a person would, and waits for the dashboard (the page
 * after signing in), so that a test's next navigation cannot race a redirect of the sign-in.
 */
export async function signIn(page: Page, editor: RunningEditor, role: Role): Promise<void> {
  await page.goto(editor.adminUrl);
  await page.locator('input[name="username"]').fill(editor.users[role].email);
  await page.locator('input[name="password"]').fill(editor.users[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/#\/$/);
  await page.getByRole('region', { name: 'Records by status' }).waitFor();
}

/** A new session signed in as `role`. */
export async function sessionAs(
  browser: Browser,
  editor: RunningEditor,
  role: Role,
): Promise<Session> {
  const session = await openSession(browser);
  await signIn(session.page, editor, role);
  return session;
}

/** The editor's URL of a route, e.g. route(editor, 'sources', id) → …/admin/#/sources/<id>. */
export function route(editor: RunningEditor, ...segments: string[]): string {
  return `${editor.adminUrl}#/${segments.map(encodeURIComponent).join('/')}`;
}

/** Saves a full-page screenshot as test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
