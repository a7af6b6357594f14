import { resolve } from 'node:path';
import { loadConfig } from '../proxy/config.ts';
import { createLogger } from '../proxy/log.ts';
import { startRelay } from '../proxy/start-relay.ts';

/**
 * `npm start`: the whole product on one machine with no configuration — the relay, and
 * (as they land) the sandbox emulators standing in for Meta and Braze.
 */
const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const relay = await startRelay(config, logger);

process.stdout.write(
  [
    '',
    'Audience Relay is running.',
    `  Relay:              ${relay.url}  (health: ${relay.url}/healthz)`,
    `  Extension to load:  ${resolve('.output/chrome-mv3-dev')}  (chrome://extensions → Load unpacked)`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await relay.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
