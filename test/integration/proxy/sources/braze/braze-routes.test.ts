import { afterEach, describe, expect, it } from 'vitest';
import { createBrazeControl } from '../../../../../sandbox/braze/control-client.ts';
import {
  DEMO_REST_API_KEY,
  DEMO_SEED,
  DEMO_SEGMENT,
  DEMO_SEGMENTS,
} from '../../../../../sandbox/braze/demo.ts';
import type { BrazeEmulatorOptions } from '../../../../../sandbox/braze/emulator.ts';
import { defaultApiKey } from '../../../../../sandbox/braze/rest/api-keys.ts';
import { startBrazeEmulator } from '../../../../../sandbox/braze/start.ts';
import { errorCode, startTestRelay, stopTestRelays } from '../../support/test-relay.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await stopTestRelays();
  await Promise.all(closers.splice(0).map((close) => close()));
});

const LIMITED_KEY = 'limited-key-without-segments-list';

async function setup(options: BrazeEmulatorOptions = {}) {
  const braze = await startBrazeEmulator({
    apiKeys: [
      defaultApiKey(DEMO_SEED),
      { key: LIMITED_KEY, name: 'export only', permissions: ['users.export.segment'] },
    ],
    ...options,
  });
  closers.push(braze.close);
  const relay = await startTestRelay();
  const team = await relay.workspaceWithUsers('Acme');
  const connect = (body: object = { restEndpoint: braze.restUrl, apiKey: DEMO_REST_API_KEY }) =>
    relay.call('/v1/sources/braze', { method: 'PUT', token: team.adminToken, body });
  return { braze, relay, team, connect, control: createBrazeControl(braze.restUrl) };
}

const active = DEMO_SEGMENTS.filter((segment) => !segment.archived);

describe('Braze settings routes', () => {
  it('checks the key with Braze, stores it, and shows only a masked hint to every role', async () => {
    const { braze, relay, team, connect, control } = await setup();
    const saved = await connect();
    expect(saved.status).toBe(200);
    const view = {
      configured: true,
      restEndpoint: braze.restUrl,
      keyHint: `••••${DEMO_REST_API_KEY.slice(-4)}`,
      savedAt: relay.clock.now().toISOString(),
    };
    expect(await saved.json()).toEqual(view);
    const checks = (await control.requests()).map(
      (request) => `${request.path}?page=${request.query.page}`,
    );
    expect(checks).toEqual(['/segments/list?page=0']);

    const read = await relay.call('/v1/sources/braze', { token: team.marketerToken });
    const text = await read.text();
    expect(JSON.parse(text)).toEqual(view);
    expect(text).not.toContain(DEMO_REST_API_KEY);
  });

  it('refuses an unknown dashboard host and a non-https endpoint', async () => {
    const { connect } = await setup();
    const host = await connect({
      dashboardUrl: 'https://example.com/x',
      apiKey: DEMO_REST_API_KEY,
    });
    expect(host.status).toBe(400);
    expect(await errorCode(host)).toBe('validation_failed');
    const http = await connect({
      restEndpoint: 'http://rest.iad-01.braze.com',
      apiKey: DEMO_REST_API_KEY,
    });
    expect(await errorCode(http)).toBe('validation_failed');
  });

  it('refuses a key Braze rejects, and one lacking segments.list, naming the permission', async () => {
    const { braze, relay, team, connect } = await setup();
    const unknown = await connect({ restEndpoint: braze.restUrl, apiKey: 'not-a-real-braze-key' });
    expect(unknown.status).toBe(422);
    expect(await errorCode(unknown)).toBe('braze_key_rejected');

    const limited = await connect({ restEndpoint: braze.restUrl, apiKey: LIMITED_KEY });
    expect(limited.status).toBe(422);
    const body = (await limited.json()) as { error: { code: string; permission: string } };
    expect(body.error).toMatchObject({
      code: 'braze_permission_missing',
      permission: 'segments.list',
    });

    const read = await relay.call('/v1/sources/braze', { token: team.adminToken });
    expect(await read.json()).toEqual({ configured: false });
  });

  it('lets only admins change the settings, and deletes them', async () => {
    const { braze, relay, team, connect } = await setup();
    const asMarketer = await relay.call('/v1/sources/braze', {
      method: 'PUT',
      token: team.marketerToken,
      body: { restEndpoint: braze.restUrl, apiKey: DEMO_REST_API_KEY },
    });
    expect(asMarketer.status).toBe(403);
    await connect();
    const marketerDelete = await relay.call('/v1/sources/braze', {
      method: 'DELETE',
      token: team.marketerToken,
    });
    expect(marketerDelete.status).toBe(403);

    const deleted = await relay.call('/v1/sources/braze', {
      method: 'DELETE',
      token: team.adminToken,
    });
    expect(await deleted.json()).toEqual({ configured: false });
    const segments = await relay.call('/v1/sources/braze/segments', { token: team.adminToken });
    expect(segments.status).toBe(409);
    expect(await errorCode(segments)).toBe('braze_not_configured');
  });

  it('keeps each workspace to its own settings', async () => {
    const { relay, connect } = await setup();
    await connect();
    const other = await relay.workspaceWithUsers('Globex');
    const read = await relay.call('/v1/sources/braze', { token: other.adminToken });
    expect(await read.json()).toEqual({ configured: false });
    const segments = await relay.call('/v1/sources/braze/segments', { token: other.marketerToken });
    expect(await errorCode(segments)).toBe('braze_not_configured');
  });
});

describe('Braze segment routes', () => {
  it('lists every active segment across pages', async () => {
    const definitions = Array.from({ length: 250 }, (_, n) => ({
      key: `s${n}`,
      name: `Segment ${n}`,
      size: 10,
      tags: n % 2 ? ['odd'] : [],
      archived: n === 7,
    }));
    const { relay, team, connect, control } = await setup({ segments: definitions });
    await connect();
    await control.clearRequests();
    const response = await relay.call('/v1/sources/braze/segments', { token: team.marketerToken });
    expect(response.status).toBe(200);
    const { segments } = (await response.json()) as {
      segments: { name: string; tags: string[] }[];
    };
    expect(segments).toHaveLength(249);
    expect(segments.map((segment) => segment.name)).toEqual(
      definitions.filter((d) => !d.archived).map((d) => d.name),
    );
    expect(segments[1]?.tags).toEqual(['odd']);
    expect((await control.requests()).map((request) => request.query.page)).toEqual([
      '0',
      '1',
      '2',
    ]);
  });

  it('lists the demo segments with their API identifiers', async () => {
    const { relay, team, connect } = await setup();
    await connect();
    const response = await relay.call('/v1/sources/braze/segments', { token: team.adminToken });
    expect(await response.json()).toEqual({
      segments: active.map((segment) => ({
        id: segment.apiId,
        name: segment.name,
        tags: segment.tags,
      })),
    });
  });

  const page = (segment: (typeof DEMO_SEGMENTS)[number], apiIdentifier?: string) => ({
    segmentId: segment.internalId,
    workspaceId: 'a'.repeat(24),
    name: segment.name,
    ...(apiIdentifier === undefined ? {} : { apiIdentifier }),
  });

  it('resolves a page by its API identifier, checked with /segments/details', async () => {
    const { relay, team, connect, control } = await setup();
    await connect();
    await control.clearRequests();
    const vip = DEMO_SEGMENT.vip;
    const response = await relay.call('/v1/sources/braze/segments/resolve', {
      method: 'POST',
      token: team.marketerToken,
      body: page(vip, vip.apiId),
    });
    expect(await response.json()).toEqual({
      segment: { id: vip.apiId, name: vip.name, tags: vip.tags },
    });
    expect((await control.requests()).map((request) => request.path)).toEqual([
      '/segments/details',
    ]);

    const unknown = await relay.call('/v1/sources/braze/segments/resolve', {
      method: 'POST',
      token: team.marketerToken,
      body: page(vip, '00000000-0000-4000-8000-000000000000'),
    });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('braze_segment_not_found');
  });

  it('resolves a page by its exact name, or says it is not found', async () => {
    const { relay, team, connect } = await setup();
    await connect();
    const resolve = (body: object) =>
      relay.call('/v1/sources/braze/segments/resolve', {
        method: 'POST',
        token: team.adminToken,
        body,
      });
    const lapsed = DEMO_SEGMENT.lapsed;
    expect(await (await resolve(page(lapsed))).json()).toEqual({
      segment: { id: lapsed.apiId, name: lapsed.name, tags: lapsed.tags },
    });

    const archived = await resolve(page(DEMO_SEGMENT.archived));
    expect(archived.status).toBe(404);
    const body = (await archived.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('braze_segment_not_found');
    expect(body.error.message).toMatch(/archived/);
  });

  it('lists the candidates when several segments share the name', async () => {
    const { relay, team, connect } = await setup();
    await connect();
    const response = await relay.call('/v1/sources/braze/segments/resolve', {
      method: 'POST',
      token: team.adminToken,
      body: page(DEMO_SEGMENT['cart-web']),
    });
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: { code: string; candidates: unknown } };
    expect(error.code).toBe('braze_segment_ambiguous');
    expect(error.candidates).toEqual(
      [DEMO_SEGMENT['cart-web'], DEMO_SEGMENT['cart-app']].map((segment) => ({
        id: segment.apiId,
        name: segment.name,
        tags: segment.tags,
      })),
    );
  });
});
