import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface HttpServer {
  /** Base URL the server answers on, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /** Stops accepting, lets open requests finish for `graceMs`, then cuts what is left (SSE streams). */
  close(graceMs?: number): Promise<void>;
}

export interface ListenOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

/**
 * Serves a fetch handler over real HTTP. Used by the relay and by every sandbox emulator,
 * so they all shut down the same way: `server.close()` alone never finishes while an SSE
 * stream is open, hence the forced close after the grace period.
 */
export function listen({
  fetch,
  host = '127.0.0.1',
  port = 0,
}: ListenOptions): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }, (info: AddressInfo) => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: (graceMs = 2000) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => closeAll(server), graceMs);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              done();
            });
            closeIdle(server);
          }),
      });
    });
    server.once('error', reject);
  });
}

type NodeServer = ReturnType<typeof serve>;

function closeIdle(server: NodeServer): void {
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}

function closeAll(server: NodeServer): void {
  if ('closeAllConnections' in server) server.closeAllConnections();
}
