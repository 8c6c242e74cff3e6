// Limits on what one GraphQL document may ask for, checked before anything runs: size in tokens,
// depth, aliases, directives and an estimated cost (which multiplies by page sizes). A document
// over a limit is rejected with GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED, a message
// naming the limit, and no database work.
import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';

export const QUERY_LIMITS = {
  /** Lexical tokens in the document (graphql-js counts them while parsing). */
  maxTokens: 2000,
  /** Nested selections; the README's examples need 6 at most. */
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  /**
   * graphql-armor's estimate: 1 per scalar, 2 per object, ×1.5 per level, × `first` of each
   * list. The README's statements example at `first: 100` costs about 13,000; 100 sources with 5
   * citations each about 40,000; pages of pages beyond that (100 × 20) are refused.
   */
  maxCost: 50_000,
} as const;

/** Reports a rejected document as a validation error; armor's messages start "Syntax Error: ". */
function reject(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(
    new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    }),
  );
}

const onRejection = { onReject: [reject], propagateOnRejection: false, exposeLimits: true };

type HardeningOptions = Pick<
  ApolloServerOptions<BaseContext>,
  'validationRules' | 'parseOptions' | 'hideSchemaDetailsFromClientErrors'
>;

/** Apollo Server options that enforce QUERY_LIMITS and hide field suggestions. */
export function queryLimitOptions(): HardeningOptions {
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...onRejection },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...onRejection },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...onRejection },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...onRejection },
    // Both are done by Apollo itself, below: graphql-armor's token limit parses every document a
    // second time, and its suggestion masking leaves a dangling "?".
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    // "Did you mean ...?" maps the schema for someone probing it; always off, since
    // introspection (when enabled) serves the same need for honest clients.
    hideSchemaDetailsFromClientErrors: true,
  };
}
