// A lean node:http integration for Apollo Server: reads the body with a size limit, hands the
// request to Apollo, writes the response. No framework: one less layer on every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { RawData } from '../schema/context.ts';

export const MAX_BODY_BYTES = 1_000_000;

class PayloadTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new PayloadTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new PayloadTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJsonError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Sends `text` as the whole body, encoded to UTF-8 once: `end(string)` measures the string's
 * UTF-8 length for Content-Length, then encodes it again to write it (0.3 ms of CPU per 80 KB
 * answer with non-ASCII text, measured with autocannon on a bare node:http server).
 */
function endWithText(response: ServerResponse, text: string): void {
  const body = Buffer.from(text, 'utf8');
  response.setHeader('content-length', body.length);
  response.end(body);
}

/** A context that may carry an answer's `data` as JSON text (schema/context.ts's RawData). */
type RawDataContext = BaseContext & { rawData?: RawData };

export function createGraphQLHandler<TContext extends RawDataContext>(
  apollo: ApolloServer<TContext>,
  createContext: (request: IncomingMessage) => Promise<TContext>,
): (request: IncomingMessage, response: ServerResponse, search: string) => Promise<void> {
  return async (request, response, search) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (request.method === 'POST') {
      let text: string;
      try {
        text = await readBody(request);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          sendJsonError(
            response,
            413,
            'BAD_REQUEST',
            `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
          );
          return;
        }
        throw error;
      }
      const contentType = headers.get('content-type') ?? '';
      if (contentType.startsWith('application/json')) {
        try {
          body = text.length ? JSON.parse(text) : undefined;
        } catch {
          sendJsonError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
          return;
        }
      } else {
        body = text;
      }
    }
    let context: TContext | undefined;
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search, body },
      context: async () => {
        context = await createContext(request);
        context.rawData = {};
        return context;
      },
    });
    const rawJson = context?.rawData?.json;
    // Never cached: what Apollo's cache-control plugin sent for responses without cache hints
    // (app.ts turns that plugin off, as Citeline gives no hints).
    response.setHeader('cache-control', 'no-store');
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      // A compiled answer: `data` as PostgreSQL wrote it, no errors (compiled/plugin.ts).
      const raw = rawJson !== undefined && response.statusCode === 200;
      endWithText(response, raw ? `{"data":${rawJson}}\n` : result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}
