import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';

// Public half of the development key: gives dev and e2e builds a fixed extension ID so
// enterprise-policy tests can address it. Store builds get their ID from the store.
const DEV_PUBLIC_KEY = readFileSync(new URL('./keys/dev-key.pub.b64', import.meta.url), 'utf8').trim();
export const GECKO_ID = 'second-look@second-look.app';

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
  zip: { excludeSources: ['keys/*.pem', 'tests/**', '**/*.log', 'test-results/**'] },
});
