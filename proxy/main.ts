import { withRelayNodeFlags } from './node-flags.ts';

/** `node proxy/main.ts`: the relay alone, configured from the environment. */
withRelayNodeFlags();
// Loaded only now: the line above may have started the process again with the relay's flags.
const { ConfigError, loadConfig } = await import('./config.ts');
const { createLogger } = await import('./log.ts');
const { startRelay } = await import('./start-relay.ts');
try {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const relay = await startRelay(config, logger);
  const stop = async () => {
    await relay.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}
