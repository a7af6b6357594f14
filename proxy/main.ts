import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startRelay } from './start-relay.ts';

/** `node proxy/main.ts`: the relay alone, configured from the environment. */
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
