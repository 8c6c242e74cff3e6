// Who may see which records. Lists filter in SQL with `visibleWhere`; as a safety net on every
// other path to a record (to-one relations, node(id:), unions), `enforceVisibility` wraps the
// resolvers of every field returning a curated type and hides what the viewer may not see.
import {
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isObjectType,
} from 'graphql';
import type { EditorialStatus } from '../db/generated/prisma/enums.ts';
import { type Context, canReadDrafts } from './context.ts';
import { BadUserInputError } from './errors.ts';

/** The Prisma `where` fragment that keeps only records the viewer may see. */
export function visibleWhere(ctx: Context): { deletedAt: null; status?: EditorialStatus } {
  return canReadDrafts(ctx) ? { deletedAt: null } : { deletedAt: null, status: 'PUBLISHED' };
}

/** Editors may filter by status; anonymous clients see PUBLISHED only and may not ask for more. */
export function statusFilter<S extends string>(
  ctx: Context,
  statuses: S[],
  field: string,
): { in: S[] } {
  if (!ctx.viewer && statuses.some((status) => status !== 'PUBLISHED')) {
    throw new BadUserInputError(
      `${field}: only signed-in editors can list records that are not PUBLISHED`,
      field,
    );
  }
  return { in: statuses };
}

interface CuratedShape {
  status?: unknown;
  deletedAt?: unknown;
}

/** A record's own visibility: not soft-deleted, and PUBLISHED unless the viewer reads drafts. */
export function isVisible(ctx: Context, record: unknown): boolean {
  if (record === null || typeof record !== 'object') return true;
  const { status, deletedAt } = record as CuratedShape;
  if (deletedAt !== undefined && deletedAt !== null) return false;
  if (status !== undefined && status !== 'PUBLISHED' && !canReadDrafts(ctx)) return false;
  return true;
}

/** Decides whether the viewer may see a loaded record of one GraphQL type. */
export type VisibilityRule = (ctx: Context, record: unknown) => boolean;

async function concreteTypeName(
  abstractType: GraphQLAbstractType,
  value: unknown,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<string | undefined> {
  const resolved = await abstractType.resolveType?.(value, ctx, info, abstractType);
  return typeof resolved === 'string' ? resolved : undefined;
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/** Keeps what the rule lets the viewer see: null for a hidden record, a list without them. */
function keepVisible(result: unknown, ctx: Context, rule: VisibilityRule): unknown {
  if (Array.isArray(result)) return result.filter((item) => item == null || rule(ctx, item));
  return result == null || rule(ctx, result) ? result : null;
}

function wrap(
  field: GraphQLField<unknown, Context>,
  rules: Readonly<Record<string, VisibilityRule>>,
): void {
  const resolve: GraphQLFieldResolver<unknown, Context> =
    field.resolve ??
    ((parent, _args, _ctx, info) => (parent as Record<string, unknown>)[info.fieldName]);
  const returned = getNamedType(field.type);
  const staticRule = rules[returned.name];

  if (staticRule) {
    // A concrete type: checked without a promise per field and per list item, so a field whose
    // value is already loaded stays synchronous for graphql-js (the hot path of every list).
    field.resolve = (parent, args, ctx, info) => {
      const result: unknown = resolve(parent, args, ctx, info);
      return isPromiseLike(result)
        ? Promise.resolve(result).then((loaded) => keepVisible(loaded, ctx, staticRule))
        : keepVisible(result, ctx, staticRule);
    };
    return;
  }

  // An interface or union: the rule depends on the type each value resolves to.
  const visible = async (
    value: unknown,
    ctx: Context,
    info: GraphQLResolveInfo,
  ): Promise<boolean> => {
    if (value === null || value === undefined || !isAbstractType(returned)) return true;
    const typeName = await concreteTypeName(returned, value, ctx, info);
    const rule = typeName === undefined ? undefined : rules[typeName];
    return rule ? rule(ctx, value) : true;
  };

  field.resolve = async (parent, args, ctx, info) => {
    const result: unknown = await resolve(parent, args, ctx, info);
    if (!Array.isArray(result)) return (await visible(result, ctx, info)) ? result : null;
    const keep = await Promise.all(result.map((item) => visible(item, ctx, info)));
    return result.filter((_, index) => keep[index]);
  };
}

/**
 * Wraps every field whose type is one with a rule (or an interface or union that may resolve to
 * one). The loaded records must carry what their rule reads (see curatedSelect).
 */
export function enforceVisibility(
  schema: GraphQLSchema,
  rules: Readonly<Record<string, VisibilityRule>>,
): GraphQLSchema {
  const guarded = new Set(Object.keys(rules));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      const mayReturnGuarded =
        guarded.has(returned.name) ||
        (isAbstractType(returned) &&
          schema.getPossibleTypes(returned).some((t) => guarded.has(t.name)));
      if (mayReturnGuarded) wrap(field as GraphQLField<unknown, Context>, rules);
    }
  }
  return schema;
}
