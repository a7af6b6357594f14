import { type HttpServer, listen } from '../../proxy/http/listen.ts';
import { type BrazeEmulator, type BrazeEmulatorOptions, createBrazeEmulator } from './emulator.ts';

export interface BrazeServers {
  emulator: BrazeEmulator;
  /** e.g. `http://127.0.0.1:4001`, like `https://rest.iad-01.braze.com`. */
  restUrl: string;
  /** e.g. `http://127.0.0.1:4002`, like `https://dashboard-01.braze.com`. */
  dashboardUrl: string;
  close(): Promise<void>;
}

/** Serves the emulator's two origins over real HTTP (port 0 picks free ports). */
export async function startBrazeEmulator(
  options: BrazeEmulatorOptions & { host?: string; restPort?: number; dashboardPort?: number } = {},
): Promise<BrazeServers> {
  const { host, restPort = 0, dashboardPort = 0, ...emulatorOptions } = options;
  const emulator = createBrazeEmulator(emulatorOptions);
  const servers: HttpServer[] = [];
  try {
    servers.push(await listen({ fetch: emulator.rest.fetch, host, port: restPort }));
    servers.push(await listen({ fetch: emulator.dashboard.fetch, host, port: dashboardPort }));
  } catch (error) {
    await Promise.all(servers.map((server) => server.close(0)));
    throw error;
  }
  const [rest, dashboard] = servers as [HttpServer, HttpServer];
  return {
    emulator,
    restUrl: rest.url,
    dashboardUrl: dashboard.url,
    close: async () => {
      await Promise.all(servers.map((server) => server.close(500)));
    },
  };
}
