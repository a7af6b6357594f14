import { type HttpServer, listen } from '../../proxy/http/listen.ts';
import { createGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from './app.ts';

export interface GraphServer {
  emulator: GraphEmulator;
  /** e.g. `http://127.0.0.1:4010`: Graph paths (`/v26.0/...`), the dialog and `/__sandbox/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves the Graph emulator over real HTTP (port 0 picks a free port). */
export async function startGraphEmulator(
  options: GraphEmulatorOptions & { host?: string; port?: number } = {},
): Promise<GraphServer> {
  const { host, port = 0, ...emulatorOptions } = options;
  const emulator = createGraphEmulator(emulatorOptions);
  const server: HttpServer = await listen({ fetch: emulator.fetch, host, port });
  return { emulator, url: server.url, close: () => server.close(500) };
}
