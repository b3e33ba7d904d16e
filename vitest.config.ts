import { configDefaults, defineConfig } from 'vitest/config';
import { excludedBackendFiles } from './test/support/backends.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // OCTAVO_TEST_BACKENDS (default sqlite,postgres) leaves out the files of a backend that is not selected.
    exclude: [...configDefaults.exclude, ...excludedBackendFiles()],
    // PostgreSQL: OCTAVO_TEST_PG when it answers, else a throwaway cluster (see test/support/pg-global-setup.ts).
    // dist/ for the tests that run the compiled `octavo` command.
    globalSetup: ['test/support/build-global-setup.ts', 'test/support/pg-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
