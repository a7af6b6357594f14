import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * `npm run test:unit` runs the unit and integration layers; the e2e layer has its own
 * config because it needs the built extension first.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/extension/**'],
        },
      },
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['test/unit/extension/**/*.test.{ts,tsx}'],
          // Stylesheets a component bundles as text (`?inline`) are part of what it renders.
          css: { include: [/\.css\?inline$/] },
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
