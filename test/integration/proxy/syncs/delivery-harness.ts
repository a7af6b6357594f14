import { expect } from 'vitest';
import type { SyncRecord } from '../../../../proxy/store/syncs.ts';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_SYSTEM_USER_TOKEN,
} from '../../../../sandbox/graph/demo-world.ts';
import { matchKeyValue } from '../../../../shared/match-keys.ts';
import { manualTimers } from '../../../support/manual-timers.ts';
import { activeSync } from '../../../support/sync-records.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';

/** The EMAIL hash Meta receives for `email`, as ingest queues it. */
export const emailHash = (email: string) => matchKeyValue('EMAIL', email) ?? '';

/** `count` addresses from `from` on: user0@example.com, user1@example.com… */
export const emails = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => `user${from + index}@example.com`);

/**
 * For a sync delivery test file: the relay and the Graph emulator on one manual clock, a
 * workspace on the demo System User token, an audience in the demo ad account, and helpers
 * to create active syncs, queue users (as ingest would: hashed) and run the delivery loop
 * by hand (its timer never fires by itself here).
 */
export function useDeliveryRelay() {
  const startRelay = useRelayWithGraph();
  return async ({
    members = 0,
    env = {},
  }: {
    members?: number;
    env?: Record<string, string>;
  } = {}) => {
    const started = await startRelay({ deliveryTimers: manualTimers().timers, env });
    const users = await started.workspaceWithUsers('Acme');
    await connectSystemUser(started.call, users.adminToken);
    const audience = await started.control.createAudience({
      accountId: DEMO_AD_ACCOUNT_ID,
      name: 'Cart abandoners',
      members,
    });
    const { syncs } = started.relay.services.store;
    const workspaceId = users.workspace.id;

    const createSync = async (change: Partial<SyncRecord> = {}) => {
      const sync = activeSync({
        workspaceId,
        adAccountId: DEMO_AD_ACCOUNT_ID,
        facebookAudienceId: audience.id,
        ...change,
      });
      await syncs.create(sync);
      return sync.id;
    };
    const enqueue = (syncId: string, addresses: string[]) =>
      syncs.enqueue(
        syncId,
        addresses.map((email) => [[emailHash(email)]]),
        0,
        started.clock.now(),
      );
    /** One tick of the loop, waiting for the flushes it started. */
    const deliver = async () => {
      await started.relay.delivery.tick();
      await started.relay.delivery.idle();
    };
    const syncOf = async (id: string) => {
      const sync = await syncs.get(workspaceId, id);
      if (!sync) throw new Error(`no sync ${id}`);
      return { ...sync, pending: await syncs.pendingCount(id) };
    };
    /** Every row the audience holds, whatever its schema. */
    const audienceRows = async () =>
      (await started.control.audienceRows(audience.id)).schemas.flatMap((listing) => listing.rows);
    /** The /users calls Meta answered 200, in order. */
    const answeredUploads = async () =>
      (await started.control.requests({ path: '/users$' })).filter((call) => call.status === 200);

    return {
      ...started,
      ...users,
      workspaceId,
      audience,
      syncs,
      createSync,
      enqueue,
      deliver,
      syncOf,
      audienceRows,
      answeredUploads,
    };
  };
}

type Call = (
  path: string,
  options: { method?: string; token?: string; body?: unknown },
) => Promise<Response>;

/** Makes the workspace use `token` (the demo System User's by default). */
export async function connectSystemUser(
  call: Call,
  adminToken: string,
  token = DEMO_SYSTEM_USER_TOKEN,
) {
  const response = await call('/v1/facebook/system-user-token', {
    method: 'PUT',
    token: adminToken,
    body: { token },
  });
  expect(response.status, await response.clone().text()).toBe(200);
}
