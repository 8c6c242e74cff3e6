// `npm run schema`: writes server/schema.graphql, the API's reference for clients. A test fails
// when the committed copy is stale.
import { writeFile } from 'node:fs/promises';
import { printSchemaFile, SCHEMA_FILE } from './print-schema.ts';

await writeFile(SCHEMA_FILE, printSchemaFile());
console.log(`Wrote ${SCHEMA_FILE}`);
