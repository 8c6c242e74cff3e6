import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from './static-files.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'citeline-static-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'app-123.js'), 'console.log(1)');
  const handle = createStaticHandler(root, '/admin');
  server = createServer((request, response) => {
    void handle(request, response, new URL(request.url ?? '/', 'http://x').pathname);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the admin’s static files', () => {
  it.each([
    ['/admin/assets/app-123.js', 200, 'text/javascript'],
    ['/admin/sources/123/show', 200, 'text/html'],
    ['/admin/assets/missing-456.js', 404, 'text/plain'],
    // A traversal outside the folder gets the app, never the file.
    ['/admin/..%2f..%2f..%2fetc%2fpasswd', 200, 'text/html'],
  ])('%s → %i %s', async (path, status, type) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    expect(await response.text()).not.toContain('root:');
  });
});
