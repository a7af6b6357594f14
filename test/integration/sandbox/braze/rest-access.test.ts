import { describe, expect, it } from 'vitest';
import { DEMO_REST_API_KEY, DEMO_SEGMENT } from '../../../../sandbox/braze/demo.ts';
import {
  type ApiKey,
  PERMISSIONS,
  type Permission,
} from '../../../../sandbox/braze/rest/api-keys.ts';
import { START, startBraze } from './braze-server.ts';

const rateHeaders = (response: Response) => ({
  limit: response.headers.get('x-ratelimit-limit'),
  remaining: response.headers.get('x-ratelimit-remaining'),
  reset: response.headers.get('x-ratelimit-reset'),
});
const topOfNextHour = String(Date.parse('2026-03-02T11:00:00.000Z') / 1000);

/** One call per endpoint, valid apart from what a test varies. */
const ENDPOINTS: { permission: Permission; path: string; method: string; body?: unknown }[] = [
  { permission: 'segments.list', path: '/segments/list', method: 'GET' },
  {
    permission: 'segments.details',
    path: `/segments/details?segment_id=${DEMO_SEGMENT.vip.apiId}`,
    method: 'GET',
  },
  {
    permission: 'users.export.segment',
    path: '/users/export/segment',
    method: 'POST',
    body: { segment_id: DEMO_SEGMENT.vip.apiId, fields_to_export: ['email'] },
  },
  {
    permission: 'users.export.ids',
    path: '/users/export/ids',
    method: 'POST',
    body: { external_ids: ['nobody'], fields_to_export: ['email'] },
  },
  {
    permission: 'segments.list',
    path: '/export/segment/cancel',
    method: 'POST',
    body: { segment_id: DEMO_SEGMENT.vip.apiId },
  },
];

describe('authentication', () => {
  it.each(ENDPOINTS)('refuses $method $path without a known key (401)', async (endpoint) => {
    const braze = await startBraze();
    for (const key of [null, 'not-a-key', `${DEMO_REST_API_KEY}x`]) {
      const response = await braze.api(endpoint.path, { ...endpoint, key });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        message: 'Unauthorized: unknown or missing REST API key',
      });
    }
  });

  it('does not accept the sunset api_key parameter or a non-Bearer scheme', async () => {
    const braze = await startBraze();
    const query = await braze.api(`/segments/list?api_key=${DEMO_REST_API_KEY}`, { key: null });
    expect(query.status).toBe(401);
    const basic = await fetch(`${braze.restUrl}/segments/list`, {
      headers: { authorization: `Basic ${DEMO_REST_API_KEY}` },
    });
    expect(basic.status).toBe(401);
  });

  it.each(ENDPOINTS)('refuses a key lacking $permission on $path', async (endpoint) => {
    const keys: ApiKey[] = [
      {
        key: 'without',
        name: 'w',
        permissions: PERMISSIONS.filter((p) => p !== endpoint.permission),
      },
      { key: 'with', name: 'o', permissions: [endpoint.permission] },
    ];
    const braze = await startBraze({ apiKeys: keys });
    const refused = await braze.api(endpoint.path, { ...endpoint, key: 'without' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      message: `Unauthorized: this REST API key lacks the ${endpoint.permission} permission`,
    });
    const allowed = await braze.api(endpoint.path, { ...endpoint, key: 'with' });
    expect(allowed.status).toBe(200);
  });
});

describe('rate limits', () => {
  it.each(ENDPOINTS)('sends X-RateLimit-* headers on $method $path', async (endpoint) => {
    const braze = await startBraze();
    const response = await braze.api(endpoint.path, endpoint);
    const ids = endpoint.path === '/users/export/ids';
    expect(rateHeaders(response)).toEqual({
      limit: ids ? '250' : '250000',
      remaining: ids ? '249' : '249999',
      reset: ids ? String(Date.parse('2026-03-02T10:16:00.000Z') / 1000) : topOfNextHour,
    });
  });

  it('answers 429 over the limit, with the headers, until the top of the clock hour', async () => {
    const braze = await startBraze({ rateLimits: { default: 3 } });
    const remaining: (string | null)[] = [];
    for (let call = 0; call < 3; call += 1) {
      const response = await braze.api('/segments/list');
      expect(response.status).toBe(200);
      remaining.push(rateHeaders(response).remaining);
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await braze.api(`/segments/details?segment_id=${DEMO_SEGMENT.vip.apiId}`);
    expect(refused.status).toBe(429);
    expect(rateHeaders(refused)).toEqual({ limit: '3', remaining: '0', reset: topOfNextHour });
    expect(await refused.json()).toHaveProperty('message');

    // A rolling window would still refuse at 11:00; Braze's clock-hour window does not.
    await braze.control.setClock(new Date('2026-03-02T10:59:59.000Z'));
    expect((await braze.api('/segments/list')).status).toBe(429);
    await braze.control.setClock(new Date('2026-03-02T11:00:00.000Z'));
    const reset = await braze.api('/segments/list');
    expect(reset.status).toBe(200);
    expect(rateHeaders(reset).remaining).toBe('2');
  });

  it('counts /users/export/ids in its own per-minute pool', async () => {
    const braze = await startBraze({ rateLimits: { default: 100, usersExportIds: 1 } });
    const body = { external_ids: ['x'], fields_to_export: ['email'] };
    expect((await braze.api('/users/export/ids', { method: 'POST', body })).status).toBe(200);
    const refused = await braze.api('/users/export/ids', { method: 'POST', body });
    expect(refused.status).toBe(429);
    expect((await braze.api('/segments/list')).status).toBe(200);
    await braze.control.advanceClock(60_000);
    expect((await braze.api('/users/export/ids', { method: 'POST', body })).status).toBe(200);
  });

  it('does not count what it cannot attribute: unauthenticated calls', async () => {
    const braze = await startBraze({ rateLimits: { default: 1 } });
    const anonymous = await braze.api('/segments/list', { key: null });
    expect(rateHeaders(anonymous).limit).toBeNull();
    expect((await braze.api('/segments/list')).status).toBe(200);
  });
});

describe('request size', () => {
  it('refuses a payload over 4 MB with 413', async () => {
    const braze = await startBraze();
    const padding = 'x'.repeat(4 * 1024 * 1024);
    const response = await braze.api('/users/export/ids', {
      method: 'POST',
      body: { external_ids: ['a'], fields_to_export: ['email'], padding },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      message: 'Payload Too Large: requests are limited to 4 MB',
    });
    expect(rateHeaders(response).remaining).toBe('249');
  });

  it('accepts a payload just under 4 MB', async () => {
    const braze = await startBraze();
    const body = { external_ids: ['a'], fields_to_export: ['email'], padding: '' };
    body.padding = 'x'.repeat(4 * 1024 * 1024 - JSON.stringify(body).length);
    const response = await braze.api('/users/export/ids', { method: 'POST', body });
    expect(response.status).toBe(200);
  });
});

describe('unknown endpoints', () => {
  it('answers 401 without a key and 404 (still rate-limited) with one', async () => {
    const braze = await startBraze();
    expect((await braze.api('/campaigns/list', { key: null })).status).toBe(401);
    const response = await braze.api('/campaigns/list');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
    expect(rateHeaders(response).limit).toBe('250000');
  });
});

describe('control API', () => {
  it('fails the next N calls with the chosen 5xx, then recovers', async () => {
    const braze = await startBraze();
    await braze.control.failNext(2, 503);
    expect((await braze.api('/segments/list')).status).toBe(503);
    const second = await braze.api('/segments/list');
    expect(second.status).toBe(503);
    expect(await second.json()).toEqual({ message: 'Internal Server Error' });
    expect((await braze.api('/segments/list')).status).toBe(200);
  });

  it('reads back every request received, refused ones included, but not control calls', async () => {
    const braze = await startBraze();
    await braze.api('/segments/list?page=0', { key: null });
    await braze.api('/users/export/ids', {
      method: 'POST',
      body: { external_ids: ['a'], fields_to_export: ['email'] },
    });
    const requests = await braze.control.requests();
    expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /segments/list',
      'POST /users/export/ids',
    ]);
    expect(requests[0]?.query).toEqual({ page: '0' });
    expect(requests[0]?.headers.authorization).toBeUndefined();
    expect(requests[1]?.headers.authorization).toBe(`Bearer ${DEMO_REST_API_KEY}`);
    expect(JSON.parse(requests[1]?.body ?? '')).toEqual({
      external_ids: ['a'],
      fields_to_export: ['email'],
    });
    expect(requests[0]?.at).toBe(START.toISOString());
    await braze.control.clearRequests();
    expect(await braze.control.requests()).toEqual([]);
  });

  it('resets faults, clock and rate-limit counters', async () => {
    const braze = await startBraze({ rateLimits: { default: 1 } });
    await braze.api('/segments/list');
    await braze.control.failNext(5);
    await braze.control.advanceClock(1000);
    await braze.control.reset();
    expect(await braze.control.now()).toEqual(START);
    expect((await braze.api('/segments/list')).status).toBe(200);
  });

  it('rejects malformed control calls', async () => {
    const braze = await startBraze();
    await expect(braze.control.failNext(1, 404)).rejects.toThrow(/400/);
    await expect(braze.control.truncateArchive(-1)).rejects.toThrow(/400/);
    const unknown = await fetch(`${braze.restUrl}/__sandbox/faults/meteor-strike`, {
      method: 'POST',
      body: '{}',
    });
    expect(unknown.status).toBe(404);
  });
});
