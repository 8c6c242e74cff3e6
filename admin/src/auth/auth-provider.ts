// react-admin's auth provider over the API's login, logout and me. The token is kept in
// sessionStorage (see session.ts); the signed-in user is read once per page load and drives
// getIdentity, getPermissions (the role) and canAccess.
import type { AuthProvider } from 'react-admin';
import { type GraphQLClient, GraphQLRequestError } from '../graphql/client.ts';
import { canAccess, isRole, type Role } from './access.ts';
import { clearSession, readSession, sessionExpired, writeSession } from './session.ts';

export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
}

const ME_FIELDS = 'id name email role';

export function createAuthProvider(client: GraphQLClient): AuthProvider {
  let me: Promise<Me | null> | null = null;

  const loadMe = (): Promise<Me | null> => {
    if (!readSession()) return Promise.resolve(null);
    me ??= client
      .request<{ me: Me | null }>(`query Me { me { ${ME_FIELDS} } }`)
      .then((data) => (data.me && isRole(data.me.role) ? data.me : null))
      .catch((error: unknown) => {
        me = null;
        if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED') {
          clearSession();
          return null;
        }
        throw error;
      });
    return me;
  };

  const requireMe = async (): Promise<Me> => {
    const user = await loadMe();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return user;
  };

  return {
    async login({ username, password }: { username: string; password: string }) {
      clearSession();
      me = null;
      try {
        const data = await client.request<{
          login: { token: string; expiresAt: string; user: Me };
        }>(
          `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { ${ME_FIELDS} } } }`,
          { email: username, password },
        );
        writeSession({ token: data.login.token, expiresAt: data.login.expiresAt });
        me = Promise.resolve(data.login.user);
      } catch (error) {
        // The API's message ("The email or password is wrong…") is the one to show.
        throw new Error(error instanceof Error ? error.message : 'Sign-in failed');
      }
    },

    async logout() {
      const hadSession = readSession() !== null;
      if (hadSession) {
        // Ends every session of this user on the server; signing out here must work regardless.
        await client.request('mutation Logout { logout }').catch(() => undefined);
      }
      clearSession();
      me = null;
    },

    async checkAuth() {
      if (readSession()) return;
      // Back to the login page: with a word when the session expired, silently when there was
      // none (`message: false` tells react-admin not to notify).
      const expired = sessionExpired();
      clearSession();
      return Promise.reject(
        expired ? new Error('Your session has ended: please sign in again.') : { message: false },
      );
    },

    async checkError(error: unknown) {
      const status = (error as { status?: number } | null)?.status;
      const code = (error as { body?: { code?: string } } | null)?.body?.code;
      if (status === 401 || code === 'UNAUTHENTICATED') {
        clearSession();
        me = null;
        throw new Error('Your session has ended: please sign in again.');
      }
      // FORBIDDEN and everything else: stay signed in, the page shows the error.
    },

    async getIdentity() {
      const user = await requireMe();
      return { id: user.id, fullName: user.name, email: user.email, role: user.role };
    },

    async getPermissions() {
      return (await loadMe())?.role ?? null;
    },

    async canAccess({ resource, action }) {
      const user = await loadMe();
      return canAccess(user?.role ?? null, resource, action);
    },
  };
}
