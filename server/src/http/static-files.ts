// Serves the admin editor's built files under /admin, with a fallback to index.html for the
// single-page app's client-side routes. Paths are resolved inside the root only.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function createStaticHandler(root: string, mountPath: string) {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return async (
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(mountPath.length));
    } catch {
      response.writeHead(400).end('Bad path');
      return;
    }
    const candidate = normalize(join(root, relative));
    const inside = candidate.startsWith(rootWithSep);
    const found = inside && (await isFile(candidate));
    // Client-side routes fall back to the app; a missing asset (a stale hashed bundle) is a 404,
    // not an HTML page the browser would try to run as a script.
    if (!found && extname(candidate) !== '') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const file = found ? candidate : join(root, 'index.html');
    const hashed = file.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  };
}
