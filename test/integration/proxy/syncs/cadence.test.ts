import { afterEach, describe, expect, it } from 'vitest';
import { createGraphControlClient } from '../../../../sandbox/graph/control-client.ts';
import { DEMO_AD_ACCOUNT_ID } from '../../../../sandbox/graph/demo-world.ts';
import { type GraphServer, startGraphEmulator } from '../../../../sandbox/graph/start.ts';
import { activeSync } from '../../../support/sync-records.ts';
import { pause } from '../exports/export-harness.ts';
import { startTestRelay, stopTestRelays } from '../support/test-relay.ts';
import { connectSystemUser, emailHash, emails } from './delivery-harness.ts';

const graphs: GraphServer[] = [];
afterEach(async () => {
  await stopTestRelays();
  await Promise.all(graphs.splice(0).map((graph) => graph.close()));
});

/** The relay's own clock and timers: this test is about real time. */
const realClock = {
  now: () => new Date(),
  advance() {
    throw new Error('real time cannot be moved');
  },
};

describe('the delivery cadence in real time', () => {
  it('sends what arrived together in one request, flushes at most every 5 seconds', async () => {
    const graph = await startGraphEmulator({});
    graphs.push(graph);
    const control = createGraphControlClient(graph.url);
    const relay = await startTestRelay({
      clock: realClock,
      env: { FACEBOOK_GRAPH_BASE_URL: graph.url, FACEBOOK_DIALOG_BASE_URL: graph.url },
    });
    const { workspace, adminToken } = await relay.workspaceWithUsers('Acme');
    await connectSystemUser(relay.call, adminToken);
    const audience = await control.createAudience({ accountId: DEMO_AD_ACCOUNT_ID, name: 'Live' });
    const { syncs } = relay.relay.services.store;
    await syncs.create(
      activeSync({
        workspaceId: workspace.id,
        adAccountId: DEMO_AD_ACCOUNT_ID,
        facebookAudienceId: audience.id,
      }),
    );
    const queue = (addresses: string[]) =>
      syncs.enqueue(
        'sync_1',
        addresses.map((email) => [[emailHash(email)]]),
        0,
        new Date(),
      );
    const delivered = async () => {
      while ((await syncs.pendingCount('sync_1')) > 0) await pause(20);
      return control.requests({ path: '/users$' });
    };

    await queue(emails(1));
    await queue(emails(2, 1));
    const [first] = await delivered();
    expect(first?.payloadRowCount).toBe(3);

    await queue(emails(1, 3));
    const [, second] = await delivered();
    expect(second?.payloadRowCount).toBe(1);
    const gap = new Date(second?.at ?? 0).getTime() - new Date(first?.at ?? 0).getTime();
    // A lower bound only: timers never fire early, and a slow machine only widens the gap.
    expect(gap).toBeGreaterThanOrEqual(4900);
    expect((await syncs.get(workspace.id, 'sync_1'))?.counts.synced).toBe(4);
  });
});
