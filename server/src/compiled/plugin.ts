// The compiled read path inside Apollo: after validation, an operation compile.ts knows is
// answered by one SQL statement; any other (or one whose statement fails for another reason than
// a busy database, so that the resolvers report the error as they always do) goes on to
// graphql-js as usual. Over HTTP its JSON goes out as PostgreSQL wrote it (graphql-handler.ts):
// parsing 80 KB and serialising it again cost 0.85 ms of CPU per request (the benchmark's Q1).
import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { type FragmentDefinitionNode, Kind } from 'graphql';
import { queryPrepared } from '../db/client.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { type Context, canReadDrafts } from '../schema/context.ts';
import { formatError } from '../schema/errors.ts';
import { compileQuery } from './compile.ts';

type SingleResult = Extract<GraphQLResponse['body'], { kind: 'single' }>['singleResult'];

/** The operation's whole response, in place of graphql-js's execution. */
const answer = (singleResult: SingleResult): GraphQLResponse => ({
  http: { status: undefined, headers: new HeaderMap() },
  body: { kind: 'single', singleResult },
});

export function compiledReadsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, request, contextValue }) {
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) {
              fragments[definition.name.value] = definition;
            }
          }
          const compiled = compileQuery(
            operation,
            { fragments, variables: request.variables ?? {} },
            canReadDrafts(contextValue),
          );
          if (!compiled) return null;
          let rows: { data: string }[];
          try {
            rows = await queryPrepared<{ data: string }>(
              contextValue.prisma,
              compiled.sql,
              compiled.params,
            );
          } catch (error) {
            // The database cannot serve it now (a timeout, an exhausted pool): so it is told,
            // not sent again through the resolvers, which would double the load at the worst
            // moment. Any other failure goes on to the resolvers, which report it as usual.
            if (!isDatabaseUnavailable(error)) return null;
            return answer({ data: null, errors: [formatError({ message: '' }, error)] });
          }
          const json = rows[0]?.data ?? 'null';
          const { rawData } = contextValue;
          if (rawData) rawData.json = json;
          // Over HTTP the handler sends `json` itself; Apollo serialises an empty answer.
          return answer({ data: rawData ? null : (JSON.parse(json) as Record<string, unknown>) });
        },
      };
    },
  };
}
