import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { printSchemaFile, SCHEMA_FILE } from './print-schema.ts';

it('server/schema.graphql is up to date (run `npm run schema` after changing the API)', async () => {
  expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(printSchemaFile());
});
