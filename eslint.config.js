// Lint: typescript-eslint's recommended rules plus the import boundaries of design §2.
import tseslint from 'typescript-eslint';

const browserGlobals = ['document', 'window', 'navigator', 'localStorage', 'sessionStorage', 'location', 'chrome', 'browser', 'self', 'fetch', 'XMLHttpRequest'];

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'test-results', 'playwright-report', 'tmp', 'tests/fixtures/**/dist/**', '**/*.min.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The engine is pure: it runs in the worker and in Node, so no DOM, no browser.*, no wxt.
    files: ['rules/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals.map((name) => ({ name, message: 'rules/ is pure: no DOM or browser APIs.' }))],
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', 'preact', 'preact/*'], message: 'rules/ is pure: no wxt, browser or UI imports.' },
          { group: ['**/entrypoints/**', '**/components/**', '**/utils/**', '**/cli/**'], message: 'rules/ imports nothing from entrypoints, components, utils or cli.' },
        ],
      }],
    },
  },
  {
    // Components take props and render; they never call browser APIs.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Components never call browser APIs.' }, { name: 'browser', message: 'Components never call browser APIs.' }],
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['wxt/*', 'wxt', '#imports', 'webextension-polyfill'], message: 'Components never call browser APIs.' },
          { group: ['**/rules/*', '!**/rules/engine', '**/rules/**/*', '!**/rules/engine/types'], allowTypeImports: true, message: 'Components may import engine types only.' },
        ],
      }],
    },
  },
  {
    // Content scripts never run the engine: it lives in the worker (types are fine).
    files: ['entrypoints/*.content/**/*.ts', 'utils/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)rules/(?!(engine/types|engine/image-facts|detectors/geofence|detectors/image-hash)$)', allowTypeImports: true, message: 'Content-side code must not import the engine; send the text to the worker.' }],
      }],
    },
  },
  {
    // Worker-side modules run the engine's policy merge (enterprise stream); they never run in a page.
    files: ['utils/managed-policy.ts', 'utils/settings.ts', 'utils/effective-profile.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
