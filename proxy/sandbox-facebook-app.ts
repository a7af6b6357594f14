import { DEMO_APP_ID, DEMO_APP_SECRET } from '../sandbox/graph/demo-world.ts';

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

/** Where `npm start` serves the Graph emulator: Graph paths and the login dialog alike. */
export const SANDBOX_GRAPH_PORT = 8788;
const SANDBOX_GRAPH_URL = `http://127.0.0.1:${SANDBOX_GRAPH_PORT}`;

/** The demo app of `sandbox/graph/demo-world.ts`; its secret is public, as sandbox data is. */
export const SANDBOX_FACEBOOK_APP: SandboxFacebookApp = {
  appId: DEMO_APP_ID,
  appSecret: DEMO_APP_SECRET,
  graphBaseUrl: SANDBOX_GRAPH_URL,
  dialogBaseUrl: SANDBOX_GRAPH_URL,
};
