import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceAdmin } from '../../../../proxy/auth/workspace-admin.ts';
import { openRelayServices, type RelayServices } from '../../../../proxy/relay-services.ts';
import { createGraphControlClient } from '../../../../sandbox/graph/control-client.ts';
import { DEMO_AD_ACCOUNT_ID } from '../../../../sandbox/graph/demo-world.ts';
import { type GraphServer, startGraphEmulator } from '../../../../sandbox/graph/start.ts';
import { activeSync } from '../../../support/sync-records.ts';
import { removeTempDirs, tempDir } from '../../../support/temp-dirs.ts';
import { pause } from '../exports/export-harness.ts';
import { killHard, killRelayProcesses, startRelayProcess } from '../support/relay-process.ts';
import { connectSystemUser, emailHash, emails } from './delivery-harness.ts';

const graphs: GraphServer[] = [];
const opened: RelayServices[] = [];
afterEach(async () => {
  killRelayProcesses();
  await Promise.all(opened.splice(0).map((services) => services.close()));
  await Promise.all(graphs.splice(0).map((graph) => graph.close()));
  removeTempDirs();
});

const USERS = 25_000;

describe('kill -9 during a sync flush', () => {
  it('loses no queued user and counts none twice after the restart', async () => {
    const graph = await startGraphEmulator({});
    graphs.push(graph);
    const control = createGraphControlClient(graph.url);
    // Slow uploads, so the kill lands while batches are in flight.
    await control.addFault({ kind: 'latency', path: '/users$', latencyMs: 300, times: 1000 });
    const dataDir = join(tempDir(), 'data');
    const env = {
      RELAY_DATA_DIR: dataDir,
      RELAY_PORT: '0',
      RELAY_SECRET: 'kill-during-flush-test-secret-0123456789abcdef',
      RELAY_SYNC_FLUSH_INTERVAL_MS: '200',
      FACEBOOK_GRAPH_BASE_URL: graph.url,
      FACEBOOK_DIALOG_BASE_URL: graph.url,
    };
    // The test reads and writes the relay's store beside it (WAL and a busy timeout allow it).
    const services = openRelayServices({ dataDir, relaySecret: env.RELAY_SECRET });
    opened.push(services);
    const { workspace, adminKey } = await createWorkspaceAdmin({
      store: services.store,
    }).createWorkspace('Acme');
    const { syncs } = services.store;

    const first = await startRelayProcess(env);
    const session = await fetch(`${first.url}/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: adminKey.apiKey }),
    });
    const { token } = (await session.json()) as { token: string };
    const call = (path: string, init: { method?: string; token?: string; body?: unknown }) =>
      fetch(`${first.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          'content-type': 'application/json',
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
        body: JSON.stringify(init.body),
      });
    await connectSystemUser(call, token);
    const audience = await control.createAudience({
      accountId: DEMO_AD_ACCOUNT_ID,
      name: 'Cart abandoners',
    });
    const id = 'sync_kill';
    await syncs.create(
      activeSync({
        id,
        workspaceId: workspace.id,
        adAccountId: DEMO_AD_ACCOUNT_ID,
        facebookAudienceId: audience.id,
      }),
    );
    const addresses = emails(USERS);
    await syncs.enqueue(
      id,
      addresses.map((email) => [[emailHash(email)]]),
      0,
      new Date(),
    );

    const answered = async () =>
      (await control.requests({ path: '/users$', method: 'POST' })).filter(
        (request) => request.status === 200,
      );
    while ((await answered()).length < 1) await pause(5);
    await killHard(first.child);
    const pendingAtKill = await syncs.pendingCount(id);
    expect(pendingAtKill).toBeGreaterThan(0);

    await startRelayProcess(env);
    for (let i = 0; (await syncs.pendingCount(id)) > 0; i++) {
      expect(i, 'the restarted relay delivers the queue').toBeLessThan(3000);
      await pause(10);
    }

    const sync = await syncs.get(workspace.id, id);
    expect(sync).toMatchObject({
      status: 'active',
      counts: { entered: USERS, synced: USERS, errored: 0 },
    });
    const rows = (await control.audienceRows(audience.id)).schemas.flatMap(
      (listing) => listing.rows,
    );
    expect(rows).toHaveLength(USERS);
    expect(new Set(rows.map(([hash]) => hash))).toEqual(
      new Set(addresses.map((email) => emailHash(email))),
    );
    // Each user went out once, but those in the request Meta answered just before the kill,
    // which were not acknowledged yet and so went again (Meta keeps one member of each).
    const sent = (await answered()).reduce(
      (sum, request) => sum + (request.payloadRowCount ?? 0),
      0,
    );
    expect(sent).toBeGreaterThanOrEqual(USERS);
    expect(sent).toBeLessThanOrEqual(USERS + 10_000);
  });
});
