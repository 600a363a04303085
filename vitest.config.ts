import { defineConfig } from 'vitest/config';

export default defineConfig({
  // type-graphql is CommonJS and loads graphql's CJS build; without this alias vitest would give
  // our code graphql's ESM build and the schema would mix two graphql "realms".
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['server/**/*.test.ts', 'web/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts', 'web/e2e/global-setup.ts'],
    setupFiles: ['server/test/setup.ts'],
    testTimeout: 30_000,
    // expect.poll waits for something to become true (a page to update, a row to appear); its
    // 1 s default fails at random on a loaded 2-core machine. Ten seconds, like Playwright's waits.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
