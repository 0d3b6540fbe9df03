import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Pure tests run in Node; DOM tests opt in with a `// @vitest-environment happy-dom` docblock.
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // A hang guard, not a performance budget: the machine is shared and timings are noisy.
    testTimeout: 60_000,
  },
});
