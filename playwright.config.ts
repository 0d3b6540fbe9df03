// End-to-end tests: Debian's Chromium with the built extension, the practice compose boxes served at
// the real site URLs (tests/e2e/support). `npm run e2e` builds the extension, then runs this.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  // One browser at a time: 2 cores, and enterprise tests change machine-wide policy files.
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  outputDir: 'test-results',
  use: { screenshot: 'only-on-failure', actionTimeout: 10_000, navigationTimeout: 15_000 },
});
