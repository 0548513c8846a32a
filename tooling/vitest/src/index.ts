import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

/** Where each suite leaves its machine-readable result, for the totals printed by `pnpm test`. */
export const RESULTS_FILE = '.test-results/vitest.json';

/**
 * The settings every package's vitest run shares. Integration suites talk to real services, so the
 * timeouts are those of network calls, and the JSON report feeds the monorepo-wide totals.
 */
export function defineProjectConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
        reporters: ['default', ['json', { outputFile: RESULTS_FILE }]],
        testTimeout: 30_000,
        hookTimeout: 120_000,
        teardownTimeout: 30_000,
      },
    }),
    overrides,
  );
}
