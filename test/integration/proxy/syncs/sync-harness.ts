import { expect } from 'vitest';
import { DEMO_AD_ACCOUNT_ID, DEMO_USER_ID } from '../../../../sandbox/graph/demo-world.ts';
import type { LaunchCheckResponse, SyncView } from '../../../../shared/relay-api/syncs.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';

/** A draft that launches as is: a new audience on the demo ad account, matched on email. */
export const READY_SYNC = {
  name: 'Cart abandoners',
  adAccountId: DEMO_AD_ACCOUNT_ID,
  audience: { kind: 'new', name: 'Cart abandoners (sync)' },
  action: 'add',
  fields: ['EMAIL'],
} as const;

/**
 * For a sync test file: a relay and the Graph emulator, a workspace "Acme" connected to
 * Facebook through OAuth (Dana's user token sees the demo ad accounts), and helpers for the
 * sync routes and the ingest URL.
 */
export function useSyncRelay() {
  const startRelay = useRelayWithGraph();
  return async (options: Parameters<typeof startRelay>[0] = {}) => {
    const started = await startRelay(options);
    const users = await started.workspaceWithUsers('Acme');
    await started.connectFacebook(users.adminToken);
    const token = users.adminToken;

    /** The response, failing the test unless its status is `status`. */
    const expectStatus = async (response: Promise<Response>, status: number) => {
      const answered = await response;
      expect(answered.status, await answered.clone().text()).toBe(status);
      return answered;
    };

    const createSync = async (body: object = READY_SYNC, as = token): Promise<SyncView> =>
      (
        await expectStatus(started.call('/v1/syncs', { method: 'POST', token: as, body }), 201)
      ).json();

    const post = (id: string, action: string, as = token) =>
      started.call(`/v1/syncs/${id}/${action}`, { method: 'POST', token: as });

    const launch = async (id: string): Promise<SyncView> =>
      (await expectStatus(post(id, 'launch'), 200)).json();

    const launchCheck = async (id: string): Promise<LaunchCheckResponse> =>
      (await expectStatus(started.call(`/v1/syncs/${id}/launch-check`, { token }), 200)).json();

    const secretOf = async (id: string, as = token): Promise<string> =>
      (
        (await (
          await expectStatus(started.call(`/v1/syncs/${id}/secret`, { token: as }), 200)
        ).json()) as { secret: string }
      ).secret;

    /** A launched sync and its ingest secret. */
    const activeSync = async (body: object = READY_SYNC) => {
      const sync = await launch((await createSync(body)).id);
      return { sync, secret: await secretOf(sync.id) };
    };

    const ingest = (
      url: string,
      body: unknown,
      secret: string | undefined,
      headers: Record<string, string> = {},
    ) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret === undefined ? {} : { authorization: `Bearer ${secret}` }),
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    const getSync = async (id: string): Promise<SyncView> =>
      (await expectStatus(started.call(`/v1/syncs/${id}`, { token }), 200)).json();

    /** An audience Dana may see but not edit: on an ad account where she only analyzes. */
    const viewOnlyAudience = async () => {
      const account = await started.control.createAdAccount({
        name: 'Partner account',
        tosAccepted: true,
        tasks: { [DEMO_USER_ID]: ['ANALYZE'] },
      });
      const audience = await started.control.createAudience({
        accountId: account.id,
        name: 'Partner list',
        members: 5000,
      });
      return { adAccountId: account.id.replace(/^act_/, ''), audienceId: audience.id };
    };

    return {
      ...started,
      ...users,
      viewOnlyAudience,
      token,
      expectStatus,
      createSync,
      post,
      launch,
      launchCheck,
      secretOf,
      activeSync,
      ingest,
      getSync,
    };
  };
}
