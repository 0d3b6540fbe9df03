import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';

// Public half of the development key: gives dev and e2e builds a fixed extension ID so
// enterprise-policy tests can address it. Store builds get their ID from the store.
const DEV_PUBLIC_KEY = readFileSync(new URL('./keys/dev-key.pub.b64', import.meta.url), 'utf8').trim();
export const GECKO_ID = 'second-look@second-look.app';
// Chromium only: Firefox has no policy schema and warns about the unknown `storage` manifest key.
const MANAGED_SCHEMA = 'managed_schema.json';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: 'Second Look',
    description:
      "Warns you while you write a social-media post that may risk your agency's social-media policy. Everything stays on your device.",
    permissions: ['storage'],
    ...(browser === 'chrome'
      ? {
          ...(mode === 'production' ? {} : { key: DEV_PUBLIC_KEY }),
          // Enterprise policy: Chromium registers the extension's policy namespace only with a schema.
          storage: { managed_schema: MANAGED_SCHEMA },
        }
      : {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }),
  }),
  hooks: {
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') return;
      const i = files.findIndex((f) => f.relativeDest === MANAGED_SCHEMA);
      if (i >= 0) files.splice(i, 1);
    },
  },
  zip: { excludeSources: ['keys/*.pem', 'tests/**', '**/*.log', 'test-results/**'] },
});
