// Managed-policy e2e: run only through scripts/e2e-managed-policy.sh, which gives Chromium a private,
// writable /etc/chromium (a mount namespace) so tests never touch the machine's real /etc.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  workers: 1,
  fullyParallel: false,
  // Chromium's first managed-storage read takes 3–5 s and its file watcher waits 5 s after a change.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  outputDir: '../../../test-results/managed-policy',
});
