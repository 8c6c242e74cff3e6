// The compiled read path inside Apollo: after validation, an operation compile.ts knows is
// answered by one SQL statement; any other (or one whose statement fails, so that the resolvers
// report the error as they always do) goes on to graphql-js as usual.
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { type FragmentDefinitionNode, Kind } from 'graphql';
import { type Context, canReadDrafts } from '../schema/context.ts';
import { compileQuery } from './compile.ts';

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
            rows = await contextValue.prisma.$queryRawUnsafe<{ data: string }[]>(
              compiled.sql,
              ...compiled.params,
            );
          } catch {
            return null;
          }
          const data = JSON.parse(rows[0]?.data ?? 'null') as Record<string, unknown>;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data } },
          };
        },
      };
    },
  };
}
