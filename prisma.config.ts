// Prisma CLI configuration. The CLI is used only for `prisma generate`: migrations run through
// Prisma's WebAssembly schema engine (server/src/db/migrate.ts) because the CLI's native engine
// cannot be downloaded on our machines. DATABASE_URL is optional here so generate works without it.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/citeline' },
});
