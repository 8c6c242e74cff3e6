// The API's record types and the editor's resources for them, and the global ids that join
// them: a revision stores a record's own uuid, the API takes `base64url("Type:uuid")`.

export const RESOURCE_BY_TYPE: Readonly<Record<string, string>> = {
  Source: 'sources',
  Event: 'events',
  Statement: 'statements',
  Actor: 'actors',
  Topic: 'topics',
  Citation: 'citations',
  User: 'users',
};

/** The editor's resource for an API type ("Statement" → "statements"), if it has one. */
export function resourceOfType(type: string): string | undefined {
  return RESOURCE_BY_TYPE[type];
}

/** The global id of a record of `type` with the database id `uuid`. */
export function globalId(type: string, uuid: string): string {
  const bytes = new TextEncoder().encode(`${type}:${uuid}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The type a global id names ("U3RhdGVtZW50Oi4uLg" → "Statement"), or null. */
export function typeOfGlobalId(id: string): string | null {
  try {
    const decoded = atob(id.replaceAll('-', '+').replaceAll('_', '/'));
    const separator = decoded.indexOf(':');
    return separator > 0 ? decoded.slice(0, separator) : null;
  } catch {
    return null;
  }
}
