/**
 * The Facebook app the relay talks to when none is configured ("sandbox mode"): the Graph
 * emulator's demo app. Injected into `loadConfig` so `npm start` and tests can point it at
 * wherever the emulator listens.
 */
export interface SandboxFacebookApp {
  appId: string;
  appSecret: string;
  graphBaseUrl: string;
  dialogBaseUrl: string;
}

/**
 * Placeholder until the Graph emulator lands: its demo app's constants will come from
 * `sandbox/graph/demo-world.ts`, and its URLs from where `npm start` serves it.
 */
export const SANDBOX_FACEBOOK_APP: SandboxFacebookApp = {
  appId: 'sandbox-demo-app',
  appSecret: 'sandbox-demo-app-secret',
  graphBaseUrl: 'http://127.0.0.1:8788',
  dialogBaseUrl: 'http://127.0.0.1:8788',
};
