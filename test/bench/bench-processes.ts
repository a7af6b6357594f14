import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createWorkspaceAdmin } from '../../proxy/auth/workspace-admin.ts';
import { openRelayServices } from '../../proxy/relay-services.ts';
import { DEMO_SYSTEM_USER_TOKEN } from '../../sandbox/graph/demo-world.ts';
import { spawnRelay } from '../support/relay-child.ts';
import { relayCalls } from './relay-calls.ts';

/**
 * The processes a benchmark runs beside its client: emulators and the real relay, each in its
 * own process so the client's work is not counted with theirs. `stop()` ends them all and
 * deletes the relays' data directories.
 */
export function benchProcesses() {
  const children: ChildProcess[] = [];
  const dataDirs: string[] = [];
  const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

  return {
    /** A script of test/bench/ that prints its URL on its first line. */
    async serve(file: string): Promise<string> {
      const child = spawn(process.execPath, [here(file)], { stdio: ['pipe', 'pipe', 'inherit'] });
      children.push(child);
      const [url] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      return url;
    },
    /**
     * `node proxy/main.ts` over a fresh data directory holding one workspace, pointed at the Graph
     * emulator at `graphUrl`; `token` is its admin's session with the emulator's System User
     * connected, so exports and syncs can start.
     */
    async startRelayWithWorkspace(
      graphUrl: string,
      env: Record<string, string> = {},
      nodeFlags: readonly string[] = [],
    ) {
      const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
      dataDirs.push(dataDir);
      const relaySecret = 'relay-benchmark-secret-0123456789abcdef';
      const services = openRelayServices({ dataDir, relaySecret });
      const { adminKey } = await createWorkspaceAdmin({ store: services.store }).createWorkspace(
        'Bench',
      );
      await services.close();
      const { child: relay, url: listening } = spawnRelay(
        {
          RELAY_PORT: '0',
          RELAY_DATA_DIR: dataDir,
          RELAY_SECRET: relaySecret,
          FACEBOOK_GRAPH_BASE_URL: graphUrl,
          FACEBOOK_DIALOG_BASE_URL: graphUrl,
          ...env,
        },
        nodeFlags,
      );
      children.push(relay);
      const url = await listening;
      const { call, adminSession } = relayCalls(url);
      const token = await adminSession(adminKey.apiKey, DEMO_SYSTEM_USER_TOKEN);
      return { relay, url, call, token };
    },
    stop() {
      for (const child of children) {
        child.stdin?.end();
        child.kill('SIGTERM');
      }
      for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
