// Accounts through GraphQL: `login`, `logout` and `me` for everyone; the `users` connection,
// `createUser` and `updateUser` for admins. A user's password hash never leaves the server.
import { createAccount, updateAccount } from '../auth/accounts.ts';
import { hasRole, requireRole, requireViewer } from '../auth/roles.ts';
import { login, logout } from '../auth/session.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import { UserRole } from '../db/generated/prisma/enums.ts';
import { builder } from '../schema/builder.ts';
import { filterText } from '../schema/common-fields.ts';
import type { Context } from '../schema/context.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { expectedVersion } from '../schema/validate.ts';

export const UserRoleEnum = builder.enumType(UserRole, {
  name: 'UserRole',
  description:
    'What a user may do. VIEWER reads drafts; EDITOR also creates and edits; REVIEWER also ' +
    'publishes; ADMIN also manages users and purges records.',
});

/**
 * Who may load a user by id: admins anyone, others only themselves. Used for `node(id:)` and
 * whenever Pothos has to fetch a user again, so no path shows another account to a non-admin.
 */
function userWhere(id: string, ctx: Context): Prisma.UserWhereUniqueInput {
  if (hasRole(ctx.viewer, 'ADMIN') || ctx.viewer?.id === id) return { id };
  // Matches nothing: `in: []` is always false.
  return { id, AND: [{ id: { in: [] } }] };
}

export const UserRef = builder.prismaNode('User', {
  description:
    'A person who signs in to curate the record. Admins see every user; others, only `me`.',
  id: { field: 'id' },
  nullable: true,
  select: { id: true },
  findUnique: (id, ctx) => userWhere(id, ctx),
  fields: (t) => ({
    email: t.exposeString('email', { description: 'The sign-in address, lower-cased.' }),
    name: t.exposeString('name'),
    role: t.expose('role', { type: UserRoleEnum }),
    disabled: t.boolean({
      description: 'A disabled user cannot sign in, and their tokens stop working.',
      select: { disabledAt: true },
      resolve: (user) => user.disabledAt !== null,
    }),
    disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version', {
      description: 'Send it back as expectedVersion when updating the user.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const LoginPayload = builder
  .objectRef<{ token: string; expiresAt: Date; userId: string }>('LoginPayload')
  .implement({
    description: 'A new session: send the token as "Authorization: Bearer <token>".',
    fields: (t) => ({
      token: t.exposeString('token', { description: 'A signed access token (JWT).' }),
      expiresAt: t.expose('expiresAt', {
        type: 'DateTime',
        description: 'When the token stops working (one hour after login): log in again then.',
      }),
      user: t.prismaField({
        type: 'User',
        description: 'The signed-in user.',
        // The viewer of the login request is anonymous: look the user up without the id rule.
        resolve: (query, payload, _args, ctx) =>
          ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: payload.userId } }),
      }),
    }),
  });

const UserFilter = builder.inputType('UserFilter', {
  fields: (t) => ({
    text: t.string({ description: 'Part of the name or email (case-insensitive).' }),
    role: t.field({ type: [UserRoleEnum] }),
    disabled: t.boolean(),
  }),
});

function userListWhere(filter: typeof UserFilter.$inferInput | null | undefined) {
  const where: Prisma.UserWhereInput = {};
  if (!filter) return where;
  const text = filterText(filter.text, 'filter.text');
  if (text) {
    where.OR = [
      { name: { contains: text, mode: 'insensitive' } },
      { email: { contains: text, mode: 'insensitive' } },
    ];
  }
  if (filter.role?.length) where.role = { in: filter.role };
  if (filter.disabled != null) where.disabledAt = filter.disabled ? { not: null } : null;
  return where;
}

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: UserRoleEnum, required: true }),
    password: t.string({ required: true, description: 'At least 12 characters.' }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'The changes to make; fields left out (or null) stay as they are.',
  fields: (t) => ({
    name: t.string(),
    role: t.field({
      type: UserRoleEnum,
      description: 'The last active admin cannot be given another role.',
    }),
    disabled: t.boolean({
      description:
        'Disabling ends the user’s sessions and stops them signing in; the last active admin ' +
        'cannot be disabled.',
    }),
    password: t.string({
      description: 'A new password (at least 12 characters); ends the user’s sessions.',
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user; null for anonymous requests.',
    // Pothos loads the selected fields from the id (one statement), and nothing when anonymous.
    resolve: (_root, _args, ctx) => (ctx.viewer ? { id: ctx.viewer.id } : null),
  }),
  users: t.prismaConnection(
    {
      type: 'User',
      cursor: 'id',
      description: 'Every user, by email (admins only).',
      args: { filter: t.arg({ type: UserFilter }) },
      resolve: (query, _root, args, ctx) => {
        requireRole(ctx, 'ADMIN', 'list users');
        return ctx.prisma.user.findMany({
          ...query,
          where: userListWhere(args.filter),
          orderBy: [{ email: 'asc' }, { id: 'asc' }],
        });
      },
      totalCount: (_connection, args, ctx) => {
        requireRole(ctx, 'ADMIN', 'list users');
        return ctx.prisma.user.count({ where: userListWhere(args.filter) });
      },
    },
    { description: 'A page of users.' },
  ),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description:
      'Signs in with email and password. Send the token as "Authorization: Bearer <token>"; it ' +
      'works for one hour, or until logout.',
    args: {
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const session = await login(ctx.prisma, args.email, args.password);
      return { token: session.token, expiresAt: session.expiresAt, userId: session.user.id };
    },
  }),
  logout: t.boolean({
    description: 'Signs out everywhere: every token issued to you stops working.',
    resolve: async (_root, _args, ctx) => {
      await logout(ctx.prisma, requireViewer(ctx));
      return true;
    },
  }),
  createUser: t.prismaField({
    type: 'User',
    description: 'Creates a user who can sign in at once (admins only).',
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      requireRole(ctx, 'ADMIN', 'create users');
      const user = await createAccount(ctx.prisma, args.input);
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  updateUser: t.prismaField({
    type: 'User',
    description:
      'Changes a user’s name, role, password or whether they are disabled (admins only). With ' +
      'expectedVersion, a user changed since you read it is a CONFLICT instead of an overwrite.',
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateUserInput, required: true }),
      expectedVersion: t.arg.int({ description: 'The version you last read.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      requireRole(ctx, 'ADMIN', 'manage users');
      const id = decodeIdOf(args.id, ['User'], 'id');
      const version = args.expectedVersion == null ? null : expectedVersion(args.expectedVersion);
      await updateAccount(ctx.prisma, id, args.input, version);
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
