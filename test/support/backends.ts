// Which store backends the backend suites run on: OCTAVO_TEST_BACKENDS, a comma list of `sqlite` and
// `postgres` (default both). It selects the Store and search contract suites, each backend's own tests and
// the tests that run over every store; SQLite as a mere fixture (an in-memory archive) is used either way.
// No vitest imports here: vitest.config.ts and the global setup read it too.

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Where the PostgreSQL tests look first (OCTAVO_TEST_PG overrides it). */
export const DEFAULT_TEST_PG = 'postgres://postgres@127.0.0.1:5432/test';

export function selectedBackends(value = process.env.OCTAVO_TEST_BACKENDS): Backend[] {
  const names = (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return [...BACKENDS];
  for (const n of names) {
    if (!(BACKENDS as readonly string[]).includes(n)) {
      throw new Error(`OCTAVO_TEST_BACKENDS: unknown backend "${n}" (known: ${BACKENDS.join(', ')})`);
    }
  }
  return BACKENDS.filter((b) => names.includes(b));
}

export const onBackend = (b: Backend): boolean => selectedBackends().includes(b);
export const ON_SQLITE = onBackend('sqlite');
export const ON_POSTGRES = onBackend('postgres');

/** Each backend's own test files (and the agreement test, which needs both), left out when it is not selected;
 * other tests that run over several stores pick their backends with ON_SQLITE / ON_POSTGRES (describe.runIf). */
export const BACKEND_FILES: Record<Backend, string[]> = {
  sqlite: ['src/store/sqlite/**/*.test.ts', 'src/search/sqlite/**/*.test.ts', 'src/search/postgres/agreement.test.ts'],
  postgres: ['src/store/postgres/**/*.test.ts', 'src/search/postgres/**/*.test.ts'],
};

/** The exclude globs for the current selection. */
export function excludedBackendFiles(value = process.env.OCTAVO_TEST_BACKENDS): string[] {
  const on = selectedBackends(value);
  return [...new Set(BACKENDS.filter((b) => !on.includes(b)).flatMap((b) => BACKEND_FILES[b]))];
}
