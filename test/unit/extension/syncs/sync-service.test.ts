import { describe, expect, it } from 'vitest';
import { createRelayClient } from '../../../../extension/relay/relay-client.ts';
import { createSyncService } from '../../../../extension/syncs/sync-service.ts';
import { API_KEY, fakeRelay, NOW, RELAY_URL, relayError } from '../relay/fake-relay.ts';
import { launchCheck, metrics, SYNC_ID, syncView } from './sync-fixtures.ts';

function setUp() {
  const relay = fakeRelay();
  const client = createRelayClient({
    settings: { url: RELAY_URL, apiKey: API_KEY },
    fetch: relay.fetch,
    now: () => NOW,
  });
  return { relay, service: createSyncService(async () => client) };
}

const last = (relay: ReturnType<typeof fakeRelay>) => {
  const request = relay.requests.at(-1);
  const url = new URL(request?.url ?? '');
  return { route: `${request?.method} ${url.pathname}${url.search}`, body: request?.body };
};

describe('createSyncService', () => {
  it('answers no-relay without calling anything when none is configured', async () => {
    const service = createSyncService(async () => null);
    expect(await service.list()).toEqual({ ok: false, failure: { kind: 'no-relay' } });
  });

  it.each([
    ['list', [], 'GET /v1/syncs', { syncs: [syncView()] }],
    ['get', [SYNC_ID], `GET /v1/syncs/${SYNC_ID}`, syncView()],
    ['launchCheck', [SYNC_ID], `GET /v1/syncs/${SYNC_ID}/launch-check`, launchCheck()],
    ['launch', [SYNC_ID], `POST /v1/syncs/${SYNC_ID}/launch`, syncView()],
    ['pause', [SYNC_ID], `POST /v1/syncs/${SYNC_ID}/pause`, syncView({ status: 'paused' })],
    ['resume', [SYNC_ID], `POST /v1/syncs/${SYNC_ID}/resume`, syncView()],
    [
      'secret',
      [SYNC_ID],
      `GET /v1/syncs/${SYNC_ID}/secret`,
      { secret: 'arsync_x', rotatedAt: NOW.toISOString() },
    ],
    [
      'rotateSecret',
      [SYNC_ID],
      `POST /v1/syncs/${SYNC_ID}/secret/rotate`,
      { secret: 'arsync_y', rotatedAt: NOW.toISOString() },
    ],
    ['metrics', [SYNC_ID, 6], `GET /v1/syncs/${SYNC_ID}/metrics?hours=6`, metrics()],
    [
      'syncableAudiences',
      ['1029384756'],
      'GET /v1/facebook/ad-accounts/1029384756/syncable-audiences',
      { audiences: [] },
    ],
  ] as const)('%s calls %s and checks the answer', async (method, args, route, answer) => {
    const { relay, service } = setUp();
    relay.answer(route.split('?')[0] ?? route, Response.json(answer));
    const call = service[method] as (...a: unknown[]) => Promise<unknown>;
    expect(await call(...args)).toEqual({ ok: true, value: answer });
    expect(last(relay).route).toBe(route);
  });

  it('creates with POST and changes with PATCH, sending the settings as they are', async () => {
    const { relay, service } = setUp();
    relay.answer('POST /v1/syncs', Response.json(syncView(), { status: 201 }));
    await service.create({ name: 'Cart abandoners', action: 'add' });
    expect(last(relay)).toEqual({
      route: 'POST /v1/syncs',
      body: { name: 'Cart abandoners', action: 'add' },
    });
    relay.answer(`PATCH /v1/syncs/${SYNC_ID}`, Response.json(syncView()));
    await service.update(SYNC_ID, { name: 'Renamed' });
    expect(last(relay)).toEqual({ route: `PATCH /v1/syncs/${SYNC_ID}`, body: { name: 'Renamed' } });
  });

  it('deletes with an empty 204', async () => {
    const { relay, service } = setUp();
    relay.answer(`DELETE /v1/syncs/${SYNC_ID}`, new Response(null, { status: 204 }));
    expect(await service.remove(SYNC_ID)).toEqual({ ok: true, value: undefined });
  });

  it('escapes ids in paths', async () => {
    const { relay, service } = setUp();
    relay.answer('GET /v1/syncs/a%2F..%2Fb', Response.json(syncView()));
    await service.get('a/../b');
    expect(last(relay).route).toBe('GET /v1/syncs/a%2F..%2Fb');
  });

  it('passes the relay’s refusals on, with their code', async () => {
    const { relay, service } = setUp();
    relay.answer(`PATCH /v1/syncs/${SYNC_ID}`, relayError(409, 'sync_not_editable'));
    expect(await service.update(SYNC_ID, { fields: ['PHONE'] })).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', status: 409, code: 'sync_not_editable' },
    });
  });

  it('refuses an answer that is not a sync', async () => {
    const { relay, service } = setUp();
    relay.answer(`GET /v1/syncs/${SYNC_ID}`, Response.json({ id: SYNC_ID }));
    expect(await service.get(SYNC_ID)).toMatchObject({
      ok: false,
      failure: { kind: 'unexpected-response' },
    });
  });
});
