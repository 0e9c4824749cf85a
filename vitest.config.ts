import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['ingest/**/*.test.ts', 'text/**/*.test.ts', 'graph/**/*.test.ts', 'search/**/*.test.ts', 'web/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Native addons (jieba, sqlite, hnsw) are safest in forked processes.
    pool: 'forks',
  },
});
