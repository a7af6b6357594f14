import { readFileSync } from 'node:fs';
import { createRelayApp } from './app.ts';
import type { RelayConfig } from './config.ts';
import { type HttpServer, listen } from './http/listen.ts';
import type { Logger } from './log.ts';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** Builds the relay from its configuration and serves it until `close()`. */
export async function startRelay(config: RelayConfig, logger: Logger): Promise<HttpServer> {
  const app = createRelayApp({ logger, version });
  const server = await listen({ fetch: app.fetch, host: config.host, port: config.port });
  logger.info('relay listening', { url: server.url, dataDir: config.dataDir });
  return server;
}
