// Where the access token lives between page loads. sessionStorage, not localStorage: the token
// is a bearer credential for an hour, so it should end with the tab (closing it signs out on
// this machine) and not sit on disk or leak into other tabs opened later. Reloading the tab
// keeps the session.
export interface Session {
  token: string;
  /** ISO instant when the API stops accepting the token. */
  expiresAt: string;
}

const KEY = 'citeline.session';

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Partial<Session>;
    if (typeof session.token !== 'string' || typeof session.expiresAt !== 'string') return null;
    if (Date.parse(session.expiresAt) <= Date.now()) return null;
    return { token: session.token, expiresAt: session.expiresAt };
  } catch {
    return null;
  }
}

/** True when a session was stored but its token has expired (the user was signed in before). */
export function sessionExpired(): boolean {
  return sessionStorage.getItem(KEY) !== null && readSession() === null;
}

export function writeSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
