// Page-size limits. Pothos would silently clamp an oversized `first`; a client asking for 1000
// rows should learn that it gets at most 100, so every `first`/`last` argument is checked.
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { MAX_PAGE_SIZE } from './builder.ts';
import { BadUserInputError } from './errors.ts';

const PAGE_ARGUMENTS = ['first', 'last'] as const;

function checkPageSize(args: Record<string, unknown>): void {
  for (const name of PAGE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new BadUserInputError(`${name} must be between 0 and ${MAX_PAGE_SIZE}`, name);
    }
  }
}

export function enforcePageSizeLimit(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => (PAGE_ARGUMENTS as readonly string[]).includes(arg.name)))
        continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> =
        field.resolve ??
        ((parent, _args, _ctx, info) => (parent as Record<string, unknown>)[info.fieldName]);
      field.resolve = (parent, args, ctx, info) => {
        checkPageSize(args);
        return resolve(parent, args, ctx, info);
      };
    }
  }
  return schema;
}
