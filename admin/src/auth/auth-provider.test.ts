import { beforeEach, describe, expect, it } from 'vitest';
import { type GraphQLClient, GraphQLRequestError, type Variables } from '../graphql/client.ts';
import { createAuthProvider } from './auth-provider.ts';
import { readSession } from './session.ts';

const user = { id: 'VXNlcjox', name: 'Ada', email: 'ada@example.org', role: 'EDITOR' };

function client(handler: (query: string, variables?: Variables) => unknown): GraphQLClient {
  return {
    request: async <T>(query: string, variables?: Variables) => handler(query, variables) as T,
  };
}

describe('the auth provider', () => {
  beforeEach(() => sessionStorage.clear());

  it('signs in with the API, keeps the token in sessionStorage and knows the role', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const provider = createAuthProvider(
      client((query, variables) => {
        expect(query).toContain('login(email: $email, password: $password)');
        expect(variables).toEqual({ email: 'ada@example.org', password: 'a long password' });
        return { login: { token: 'jwt', expiresAt, user } };
      }),
    );
    await provider.login({ username: 'ada@example.org', password: 'a long password' });
    expect(readSession()).toEqual({ token: 'jwt', expiresAt });
    await expect(provider.checkAuth({})).resolves.toBeUndefined();
    expect(await provider.getPermissions?.({})).toBe('EDITOR');
    expect(await provider.getIdentity?.()).toMatchObject({ id: user.id, fullName: 'Ada' });
    expect(await provider.canAccess?.({ resource: 'sources', action: 'edit' })).toBe(true);
    expect(await provider.canAccess?.({ resource: 'users', action: 'list' })).toBe(false);
  });

  it('shows the API’s message when signing in fails', async () => {
    const provider = createAuthProvider(
      client(() => {
        throw new GraphQLRequestError(
          [{ message: 'The email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } }],
          401,
        );
      }),
    );
    await expect(provider.login({ username: 'x@y.z', password: 'nope' })).rejects.toThrow(
      'The email or password is wrong.',
    );
    expect(readSession()).toBeNull();
  });

  it('sends the user back to sign in on UNAUTHENTICATED, and not on FORBIDDEN', async () => {
    sessionStorage.setItem(
      'citeline.session',
      JSON.stringify({ token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString() }),
    );
    const provider = createAuthProvider(client(() => ({ me: user })));
    await expect(
      provider.checkError({ status: 403, body: { code: 'FORBIDDEN' } }),
    ).resolves.toBeUndefined();
    await expect(
      provider.checkError({ status: 401, body: { code: 'UNAUTHENTICATED' } }),
    ).rejects.toThrow();
    expect(readSession()).toBeNull();
  });

  it('treats an expired token as signed out', async () => {
    sessionStorage.setItem(
      'citeline.session',
      JSON.stringify({ token: 't', expiresAt: new Date(Date.now() - 1000).toISOString() }),
    );
    const provider = createAuthProvider(client(() => ({ me: user })));
    await expect(provider.checkAuth({})).rejects.toThrow('Your session has ended');
    expect(await provider.getPermissions?.({})).toBeNull();
  });

  it('signs out on the server and forgets the token', async () => {
    sessionStorage.setItem(
      'citeline.session',
      JSON.stringify({ token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString() }),
    );
    const queries: string[] = [];
    const provider = createAuthProvider(
      client((query) => {
        queries.push(query);
        return { logout: true };
      }),
    );
    await provider.logout({});
    expect(queries).toEqual(['mutation Logout { logout }']);
    expect(readSession()).toBeNull();
  });
});
