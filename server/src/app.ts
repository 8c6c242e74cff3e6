// Assembles the application without listening: the Apollo server over the schema, and one HTTP
// request handler serving /graphql, /healthz, /readyz (and, later, the admin). Tests use it
// in-process; main.ts only reads configuration and listens.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { authenticate } from './auth/authenticate.ts';
import { configureSigningKey, signingKey } from './auth/signing-key.ts';
import { compiledReadsPlugin } from './compiled/plugin.ts';
import { PROJECT_ROOT } from './config.ts';
import type { Db } from './db/client.ts';
import { isDatabaseUnavailable } from './db/unavailable.ts';
import { createGraphQLHandler } from './http/graphql-handler.ts';
import { createStaticHandler } from './http/static-files.ts';
import { queryLimitOptions } from './schema/armor.ts';
import type { Context, Viewer } from './schema/context.ts';
import { DomainError, formatError } from './schema/errors.ts';
import { getSchema } from './schema/schema.ts';

export interface AppOptions {
  prisma: Db;
  /** Allow schema introspection (on outside production unless configured). */
  introspection?: boolean;
  /**
   * Signs access tokens (JWT_SECRET, at least 32 bytes). Unset: a random key generated on first
   * start and kept in the database.
   */
  jwtSecret?: string;
  /**
   * Answer the common read shapes with one compiled SQL statement (compiled/compile.ts). On by
   * default; off only to compare with the resolvers.
   */
  compiledReads?: boolean;
}

export interface App {
  apollo: ApolloServer<Context>;
  server: Server;
  /** Runs an operation in-process, as `viewer` (anonymous by default). */
  execute(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer | null,
  ): Promise<ExecuteResult>;
  stop(): Promise<void>;
}

export interface ExecuteResult {
  data?: Record<string, unknown> | null;
  errors?: readonly {
    message: string;
    path?: readonly (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { prisma } = options;
  configureSigningKey(prisma, options.jwtSecret);
  // Load (or generate) the key now: a database problem shows at start, not on the first login.
  await signingKey(prisma);
  const apollo = new ApolloServer<Context>({
    ...queryLimitOptions(),
    schema: getSchema(),
    introspection: options.introspection ?? process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    formatError,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns signal handling: it must stop the server before the database.
    stopOnTerminationSignals: false,
    // The default landing page loads Apollo Sandbox from a CDN; clients use POST /graphql.
    // Cache control is off: Citeline gives no cache hints, and the plugin wraps every field's
    // resolver to compute them (6–8% of the CPU of a list request; graphql-handler.ts still
    // sends `cache-control: no-store`).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(options.compiledReads === false ? [] : [compiledReadsPlugin()]),
    ],
  });
  await apollo.start();

  const createContext = async (request: IncomingMessage): Promise<Context> => {
    try {
      return { prisma, viewer: await authenticate(prisma, request.headers.authorization) };
    } catch (error) {
      // Without a status Apollo would answer 500 for a database that is merely busy.
      if (isDatabaseUnavailable(error)) {
        throw new DomainError(
          'SERVICE_UNAVAILABLE',
          'The database is busy, try again in a moment.',
          {
            http: { status: 503 },
          },
        );
      }
      throw error;
    }
  };
  const handleGraphQL = createGraphQLHandler(apollo, createContext);
  const adminBuild = join(PROJECT_ROOT, 'admin', 'dist');
  const adminRoot = existsSync(join(adminBuild, 'index.html'))
    ? adminBuild
    : join(PROJECT_ROOT, 'admin', 'placeholder');
  const handleAdmin = createStaticHandler(adminRoot, '/admin');

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') return handleGraphQL(request, response, url.search);
    if (url.pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (url.pathname === '/readyz') {
      try {
        await prisma.$queryRaw`SELECT 1`;
        response.writeHead(200, { 'content-type': 'text/plain' }).end('ready');
      } catch {
        response.writeHead(503, { 'content-type': 'text/plain' }).end('database unavailable');
      }
      return;
    }
    if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) {
      return handleAdmin(request, response, url.pathname);
    }
    if (url.pathname === '/') {
      response.writeHead(302, { location: '/admin/' }).end();
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('Unhandled request error', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal server error');
    });
  });

  return {
    apollo,
    server,
    execute: async (query, variables, viewer = null) => {
      const result = await apollo.executeOperation(
        { query, variables },
        { contextValue: { prisma, viewer } },
      );
      if (result.body.kind !== 'single') throw new Error('Incremental delivery is not supported');
      return result.body.singleResult as ExecuteResult;
    },
    stop: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
