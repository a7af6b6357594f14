import { describe, expect, it } from 'vitest';
import { createExportReports } from '../../../../extension/exports/export-reports.ts';
import { createRelayClient } from '../../../../extension/relay/relay-client.ts';
import { API_KEY, fakeRelay, NOW, RELAY_URL, relayError } from '../relay/fake-relay.ts';
import { exportJobViewOf } from '../support/export-job-view.ts';

function reportsOf(relay = fakeRelay()) {
  const client = createRelayClient({
    settings: { url: RELAY_URL, apiKey: API_KEY },
    fetch: relay.fetch,
    now: () => NOW,
  });
  return { reports: createExportReports(async () => client), relay };
}

const callsAfterSignIn = (relay: ReturnType<typeof fakeRelay>) =>
  relay.requests
    .filter((r) => !r.url.endsWith('/v1/session'))
    .map(({ method, url, body }) => ({ method, url, body }));

describe('the export reports', () => {
  it('lists the workspace’s exports with the limit asked for', async () => {
    const { reports, relay } = reportsOf();
    relay.answer('GET /v1/exports', Response.json({ exports: [exportJobViewOf()] }));
    expect(await reports.list(40)).toMatchObject({
      ok: true,
      value: { exports: [{ id: 'exp_1' }] },
    });
    expect(callsAfterSignIn(relay)).toEqual([
      { method: 'GET', url: `${RELAY_URL}/v1/exports?limit=40`, body: undefined },
    ]);
  });

  it('gets one export by its id', async () => {
    const { reports, relay } = reportsOf();
    relay.answer('GET /v1/exports/exp_1', Response.json(exportJobViewOf()));
    expect(await reports.get('exp_1')).toMatchObject({ ok: true, value: { status: 'done' } });
  });

  it('creates a lookalike of an audience', async () => {
    const created = {
      id: '2385',
      name: 'Lookalike (US, 5%) — VIP',
      originAudienceId: '2384',
      adsManagerUrl: 'https://adsmanager.facebook.com/adsmanager/audiences?act=1&ids=2385',
    };
    const { reports, relay } = reportsOf();
    relay.answer('POST /v1/audiences/2384/lookalikes', Response.json(created, { status: 201 }));
    const request = { countries: ['US'], ratio: 0.05 };
    expect(await reports.createLookalike('2384', request)).toEqual({ ok: true, value: created });
    expect(callsAfterSignIn(relay)).toEqual([
      { method: 'POST', url: `${RELAY_URL}/v1/audiences/2384/lookalikes`, body: request },
    ]);
  });

  it('hands back the relay’s refusal with its catalog code', async () => {
    const { reports, relay } = reportsOf();
    relay.answer(
      'POST /v1/audiences/2384/lookalikes',
      relayError(502, 'facebook_lookalike_seed_too_small'),
    );
    expect(await reports.createLookalike('2384', { countries: ['US'], ratio: 0.01 })).toMatchObject(
      { ok: false, failure: { kind: 'server', code: 'facebook_lookalike_seed_too_small' } },
    );
  });

  it('refuses an answer that is not an export list', async () => {
    const { reports, relay } = reportsOf();
    relay.answer('GET /v1/exports', Response.json({ exports: [{ id: 1 }] }));
    expect(await reports.list(20)).toEqual({
      ok: false,
      failure: { kind: 'unexpected-response', status: 200 },
    });
  });

  it('answers as unreachable while no relay is configured', async () => {
    const reports = createExportReports(async () => null);
    const unreachable = { ok: false, failure: { kind: 'unreachable', reason: 'network' } };
    expect(await reports.list(20)).toEqual(unreachable);
    expect(await reports.get('exp_1')).toEqual(unreachable);
    expect(await reports.createLookalike('1', { countries: ['US'], ratio: 0.01 })).toEqual(
      unreachable,
    );
  });
});
