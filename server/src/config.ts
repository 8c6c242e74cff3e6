// Configuration, read once from the environment at start-up and validated, so the rest of the
// code can trust it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SeedMode = 'auto' | 'always' | 'never';

export interface Config {
  port: number;
  host: string;
  /** Unset: an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  seed: SeedMode;
  production: boolean;
  introspection: boolean;
}

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export class ConfigError extends Error {}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 4000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`PORT must be a port number (0-65535), not "${value}"`);
  }
  return port;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}"`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const seed = (env.SEED_CORPUS ?? 'auto') as SeedMode;
  if (!['auto', 'always', 'never'].includes(seed)) {
    throw new ConfigError(`SEED_CORPUS must be auto, always or never, not "${env.SEED_CORPUS}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgresql:// URL');
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: resolve(env.CITELINE_DATA_DIR || resolve(PROJECT_ROOT, '.data')),
    seed,
    production,
    introspection: parseBoolean('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, !production),
  };
}
