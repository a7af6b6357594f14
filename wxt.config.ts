import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { manifestIcons } from './extension/icons/icon-sizes.ts';
import { dashboardMatches } from './extension/segment-page/dashboard-hosts.ts';
import { DEV_EXTENSION_KEY } from './shared/dev-extension-key.ts';

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
      // Rendered from extension/icons/toolbar-icon.svg by `npm run icons`.
      icons: manifestIcons(),
      action: { default_icon: manifestIcons() },
      // `scripting`: the segment-page script is registered at run time for extra dashboard hosts.
      permissions: ['storage', 'identity', 'notifications', 'alarms', 'scripting'],
      host_permissions: dashboardMatches(mode),
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      browser_specific_settings: { gecko: { id: 'audience-relay@audience-relay.dev' } },
      ...(production ? {} : { key: DEV_EXTENSION_KEY }),
    };
  },
});
