import { withRelayNodeFlags } from '../proxy/node-flags.ts';

withRelayNodeFlags();
// Loaded only now: the line above may have started the process again with the relay's flags.
const { resolve } = await import('node:path');
const { loadConfig } = await import('../proxy/config.ts');
const { createLogger } = await import('../proxy/log.ts');
const { SANDBOX_FACEBOOK_APP } = await import('../proxy/sandbox-facebook-app.ts');
const { startRelay } = await import('../proxy/start-relay.ts');
const { DEMO_REST_API_KEY, DEMO_SEGMENT, DEMO_WORKSPACE_ID } = await import(
  '../sandbox/braze/demo.ts'
);
const { startBrazeEmulator } = await import('../sandbox/braze/start.ts');
const { startGraphEmulator } = await import('../sandbox/graph/start.ts');
const { ensureDemoWorkspace } = await import('./demo-workspace.ts');
const { sandboxPorts } = await import('./sandbox-ports.ts');

/**
 * `npm start`: the whole product on one machine with no configuration — the sandbox
 * emulators standing in for Meta and Braze, then the relay pointed at them.
 */
const ports = sandboxPorts();
const graph = await startGraphEmulator({ port: ports.graph });
const braze = await startBrazeEmulator({
  restPort: ports.brazeRest,
  dashboardPort: ports.brazeDashboard,
});
const config = loadConfig(process.env, {
  sandboxApp: { ...SANDBOX_FACEBOOK_APP, graphBaseUrl: graph.url, dialogBaseUrl: graph.url },
});
const logger = createLogger({ level: config.logLevel });
const relay = await startRelay(config, logger);
const demo = await ensureDemoWorkspace(relay.services.store);

const segmentPage = (segment: { internalId: string }) =>
  `${braze.dashboardUrl}/engagement/segmenter/edit/${segment.internalId}/${DEMO_WORKSPACE_ID}`;

process.stdout.write(
  [
    '',
    'Audience Relay is running.',
    `  Relay:                ${relay.url}  (health: ${relay.url}/healthz, API: ${relay.url}/v1/openapi.json)`,
    `  Demo workspace key:   ${demo.adminKey}  (admin of "${demo.workspace.name}"; a new one each start)`,
    `  Extension to load:    ${resolve('.output/chrome-mv3-dev')}  (chrome://extensions → Load unpacked)`,
    `  Meta Graph sandbox:   ${graph.url}  (OAuth dialog, Graph API, control API at /__sandbox/)`,
    `  Braze dashboard:      ${braze.dashboardUrl}/engagement/segmenter/segmenter/${DEMO_WORKSPACE_ID}`,
    `  A segment page:       ${segmentPage(DEMO_SEGMENT.vip)}`,
    `  Braze REST API:       ${braze.restUrl}  (key: ${DEMO_REST_API_KEY})`,
    config.facebook.mode === 'sandbox'
      ? '  Facebook:             SANDBOX MODE — no Facebook app configured, using the emulator above.'
      : `  Facebook:             app ${config.facebook.appId} at ${config.facebook.graphBaseUrl}`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all([relay.close(), braze.close(), graph.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
