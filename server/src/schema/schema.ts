// Assembles the GraphQL schema: every feature module registers its types on the one builder when
// imported; visibility enforcement wraps the result.
import type { GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import '../sources/source.schema.ts';
import '../actors/actor.schema.ts';
import '../topics/topic.schema.ts';
import '../events/event.schema.ts';
import '../statements/statement.schema.ts';
import { isCitationVisible } from '../citations/citation.schema.ts';
import '../search/search.schema.ts';
import '../timeline/timeline.schema.ts';
import '../citations/find-passages.schema.ts';
import '../users/user.schema.ts';
import '../records/lifecycle.schema.ts';
import '../records/history.schema.ts';
import '../topics/topic.mutations.ts';
import '../actors/actor.mutations.ts';
import '../citations/citation.mutations.ts';
import '../events/event.mutations.ts';
import '../statements/statement.mutations.ts';
import '../sources/source.mutations.ts';
import '../suggestions/suggestion.schema.ts';
import { enforcePageSizeLimit } from './limits.ts';
import { enforceVisibility, isVisible, type VisibilityRule } from './visibility.ts';

/** Who may see a loaded record, per GraphQL type backed by a curated model. */
const VISIBILITY_RULES: Record<string, VisibilityRule> = {
  Source: isVisible,
  Actor: isVisible,
  Topic: isVisible,
  Event: isVisible,
  Statement: isVisible,
  // A citation is only as visible as its source and the statement or event it supports.
  Citation: isCitationVisible,
};

let schema: GraphQLSchema | undefined;

/** The schema, built once per process (the builder is a module-level singleton). */
export function getSchema(): GraphQLSchema {
  schema ??= enforcePageSizeLimit(
    enforceVisibility(builder.toSchema({ sortSchema: true }), VISIBILITY_RULES),
  );
  return schema;
}
