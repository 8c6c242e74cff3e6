import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM builds without an "exports" map: Node (and so Pothos and
    // Apollo) loads the CommonJS one, Vite would give our code the ESM one, and graphql refuses
    // to mix the two. Pin ours to the one Node loads.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    pool: 'forks',
    // In CI, also write a machine-readable report per part of `npm test` (.ci/run prints the
    // totals). The browser tests run after the others so they do not compete for the 2 cores.
    reporters: process.env.CI
      ? [
          'default',
          [
            'json',
            { outputFile: `test-output/vitest-${process.env.CITELINE_TEST_PART ?? 'all'}.json` },
          ],
        ]
      : ['default'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          // One migrated template database per run; each test file clones it (see server/src/test).
          globalSetup: ['server/src/test/global-setup.ts'],
        },
      },
      {
        // The editor's components and providers, in a simulated DOM.
        extends: true,
        test: {
          name: 'admin',
          include: ['admin/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        // The editor in a real browser against the real server (see admin/e2e/harness.ts): one
        // file at a time, with a template database of its own that has the seed corpus.
        extends: true,
        test: {
          name: 'e2e',
          include: ['admin/e2e/**/*.e2e.test.ts'],
          globalSetup: ['admin/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
