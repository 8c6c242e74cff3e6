// The key that signs access tokens: JWT_SECRET when it is set, otherwise a random key generated
// on first start and kept in the database, so tokens survive restarts and every instance of the
// app over one database accepts the others' tokens.
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config.ts';
import type { Db } from '../db/client.ts';

export const MIN_SECRET_BYTES = 32;
const SECRET_NAME = 'jwt-signing-key';

/** JWT_SECRET's bytes, or undefined when it is unset; ConfigError when it is too short to be safe. */
export function parseJwtSecret(value: string | undefined): Uint8Array | undefined {
  if (value === undefined || value === '') return undefined;
  const bytes = new TextEncoder().encode(value);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new ConfigError(
      `JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long (it is ${bytes.length}); ` +
        'generate one with: openssl rand -base64 48',
    );
  }
  return bytes;
}

// One key per database client: the app and the tests each hold their own client.
const keys = new WeakMap<Db, Promise<Uint8Array>>();

/** Uses `jwtSecret` (JWT_SECRET) for this client's tokens instead of the stored key. */
export function configureSigningKey(prisma: Db, jwtSecret: string | undefined): void {
  const key = parseJwtSecret(jwtSecret);
  if (key) keys.set(prisma, Promise.resolve(key));
}

/** The key for this client's tokens, loaded (or generated) once. */
export function signingKey(prisma: Db): Promise<Uint8Array> {
  let key = keys.get(prisma);
  if (!key) {
    key = loadStoredKey(prisma);
    keys.set(prisma, key);
    // A failed load (database down) must not be remembered: the next request tries again.
    const loading = key;
    loading.catch(() => {
      if (keys.get(prisma) === loading) keys.delete(prisma);
    });
  }
  return key;
}

async function loadStoredKey(prisma: Db): Promise<Uint8Array> {
  // Insert-if-absent, then read: two instances starting together end up with the same key.
  await prisma.appSecret.createMany({
    data: [{ name: SECRET_NAME, value: randomBytes(48).toString('base64url') }],
    skipDuplicates: true,
  });
  const stored = await prisma.appSecret.findUniqueOrThrow({ where: { name: SECRET_NAME } });
  return new Uint8Array(Buffer.from(stored.value, 'base64url'));
}
