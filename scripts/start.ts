import { resolve } from 'node:path';
import { loadConfig } from '../proxy/config.ts';
import { createLogger } from '../proxy/log.ts';
import { startRelay } from '../proxy/start-relay.ts';
import { DEMO_REST_API_KEY } from '../sandbox/braze/demo.ts';
import { startBrazeEmulator } from '../sandbox/braze/start.ts';

/**
 * `npm start`: the whole product on one machine with no configuration — the relay, and
 * (as they land) the sandbox emulators standing in for Meta and Braze.
 */
const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const relay = await startRelay(config, logger);
const braze = await startBrazeEmulator({
  restPort: Number(process.env.BRAZE_REST_PORT ?? 8791),
  dashboardPort: Number(process.env.BRAZE_DASHBOARD_PORT ?? 8792),
});

process.stdout.write(
  [
    '',
    'Audience Relay is running.',
    `  Relay:              ${relay.url}  (health: ${relay.url}/healthz)`,
    `  Braze dashboard:    ${braze.dashboardUrl}  (segment pages)`,
    `  Braze REST API:     ${braze.restUrl}  (key: ${DEMO_REST_API_KEY})`,
    `  Extension to load:  ${resolve('.output/chrome-mv3-dev')}  (chrome://extensions → Load unpacked)`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all([relay.close(), braze.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
