import { defineConfig } from 'vitest/config';

/** Real headless Chromium with the built extension: one browser at a time on a 2-core machine. */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
