import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspaceAdmin, type WorkspaceAdmin } from '../../../proxy/auth/workspace-admin.ts';
import { loadConfig } from '../../../proxy/config.ts';
import type { HttpServer } from '../../../proxy/http/listen.ts';
import { createLogger } from '../../../proxy/log.ts';
import { startRelay } from '../../../proxy/start-relay.ts';
import { type GraphServer, startGraphEmulator } from '../../../sandbox/graph/start.ts';
import type { closeAfterAll } from './close-after-all.ts';

export interface E2eRelay extends HttpServer {
  /** Creates workspaces and keys the way the operator's CLI does. */
  admin: WorkspaceAdmin;
}

/**
 * The real relay, in-process on 127.0.0.1 with a free port and a throwaway data directory
 * (deleted on close). Only its errors are logged, to stderr. `env` adds settings, e.g.
 * `FACEBOOK_GRAPH_BASE_URL` to point it at a Graph emulator.
 */
export async function startE2eRelay(env: Record<string, string> = {}): Promise<E2eRelay> {
  const dataDir = await mkdtemp(join(tmpdir(), 'audience-relay-e2e-relay-'));
  try {
    const config = loadConfig({ ...env, RELAY_DATA_DIR: dataDir, RELAY_PORT: '0' });
    const logger = createLogger({
      level: 'error',
      write: (line) => process.stderr.write(`${line}\n`),
    });
    const relay = await startRelay(config, logger);
    return {
      url: relay.url,
      port: relay.port,
      admin: createWorkspaceAdmin({ store: relay.services.store }),
      async close(graceMs = 100) {
        await relay.close(graceMs);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A Graph emulator and a relay that uses it for Facebook (its Graph API and its login dialog),
 * both closed after the test file by `resources`. `env` adds relay settings.
 */
export async function startRelayWithGraph(
  resources: ReturnType<typeof closeAfterAll>,
  env: Record<string, string> = {},
): Promise<{ graph: GraphServer; relay: E2eRelay }> {
  const graph = resources.add(await startGraphEmulator());
  const relay = resources.add(
    await startE2eRelay({
      FACEBOOK_GRAPH_BASE_URL: graph.url,
      FACEBOOK_DIALOG_BASE_URL: graph.url,
      ...env,
    }),
  );
  return { graph, relay };
}
