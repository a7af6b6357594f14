import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEV_EXTENSION_KEY } from './shared/dev-extension-key.ts';

/** Hosts whose segment pages the content script acts on in every build. */
const brazeDashboards = ['https://*.braze.com/*', 'https://*.braze.eu/*'];
/** The sandbox dashboard runs on loopback; only development and test builds match it. */
const loopbackDashboards = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode }) => {
    const production = mode === 'production';
    return {
      name: 'Audience Relay',
      description: 'Export customer segments as Facebook Custom Audiences through your own relay.',
      permissions: ['storage', 'identity', 'notifications', 'alarms'],
      host_permissions: production ? brazeDashboards : [...brazeDashboards, ...loopbackDashboards],
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      browser_specific_settings: { gecko: { id: 'audience-relay@audience-relay.dev' } },
      ...(production ? {} : { key: DEV_EXTENSION_KEY }),
    };
  },
});
