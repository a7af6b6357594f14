import { describe, expect, it } from 'vitest';
import type { ExportJobView } from '../../../../shared/relay-api/exports.ts';
import { errorCode } from '../support/test-relay.ts';
import { pause, useExportRelay, usersCsv } from './export-harness.ts';

const start = useExportRelay();
const EMAIL = { plan: { kind: 'per-field', keys: ['EMAIL'] }, batchSize: 10 };

describe('export events (SSE)', () => {
  it('streams phases, progress and the end, each with an id; Last-Event-ID resumes after it', async () => {
    const relay = await start();
    const done = await relay.ended((await relay.exportFile(usersCsv(25), EMAIL)).id);
    const all = await relay.events(done.id);
    expect(all.map(({ id }) => id)).toEqual(all.map((_, index) => index + 1));
    expect(all.map(({ event }) => (event.type === 'phase' ? event.phase : event.type))).toEqual([
      'queued',
      'resolving',
      'exporting',
      'filtering',
      'uploading',
      'progress',
      'progress',
      'progress',
      'end',
    ]);
    expect(all.at(-2)?.event).toMatchObject({
      type: 'progress',
      read: 25,
      eligible: 25,
      sent: 25,
      invalid: 0,
      fields: [{ audience: 'EMAIL', key: 'EMAIL', valid: 25, unusable: 0 }],
      audiences: [{ audience: 'EMAIL', sent: 25, batches: 3, received: 25, invalid: 0 }],
    });
    expect(all.at(-1)?.event).toMatchObject({ type: 'end', status: 'done', resumable: false });
    expect(await relay.events(done.id, 6)).toEqual(all.slice(6));
  });

  it('follows a running export live to its end, and is 404 for another workspace', async () => {
    const relay = await start();
    await relay.control.addFault({ kind: 'latency', path: '/users$', latencyMs: 100, times: 3 });
    const created = await relay.exportFile(usersCsv(25), EMAIL);
    const live = await relay.events(created.id);
    expect(live.at(-1)?.event).toMatchObject({ type: 'end', status: 'done' });
    expect(live.filter(({ event }) => event.type === 'progress')).toHaveLength(3);
    const other = await relay.workspaceWithUsers('Globex');
    const response = await relay.call(`/v1/exports/${created.id}/events`, {
      token: other.marketerToken,
    });
    expect(response.status).toBe(404);
  });
});

describe('cancel, history and isolation', () => {
  it('cancels a running export after the batch in flight', async () => {
    const relay = await start();
    await relay.control.addFault({ kind: 'latency', path: '/users$', latencyMs: 200, times: 10 });
    const created = await relay.exportFile(usersCsv(50), EMAIL);
    for (let i = 0; i < 400 && (await relay.job(created.id)).report === null; i++) await pause(5);
    const cancelled = await relay.call(`/v1/exports/${created.id}/cancel`, {
      method: 'POST',
      token: relay.token,
    });
    expect(cancelled.status).toBe(200);
    const done = await relay.ended(created.id);
    expect(done.status).toBe('cancelled');
    const sent = done.report?.audiences[0]?.sent ?? 0;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(50);
    const resumed = await relay.call(`/v1/exports/${created.id}/resume`, {
      method: 'POST',
      token: relay.token,
    });
    expect(await errorCode(resumed)).toBe('export_not_resumable');
  });

  it('queues a second export for the same ad account, and cancels it before it starts', async () => {
    const relay = await start();
    await relay.control.addFault({ kind: 'latency', path: '/users$', latencyMs: 150, times: 5 });
    const first = await relay.exportFile(usersCsv(30), EMAIL);
    const second = await relay.exportFile(usersCsv(5), EMAIL);
    expect((await relay.job(second.id)).status).toBe('queued');
    await relay.call(`/v1/exports/${second.id}/cancel`, { method: 'POST', token: relay.token });
    expect((await relay.ended(second.id)).status).toBe('cancelled');
    expect((await relay.ended(first.id)).status).toBe('done');
    expect((await relay.job(second.id)).audiences).toEqual([]);
  });

  it("lists the workspace's history and keeps every export within its workspace", async () => {
    const relay = await start();
    const done = await relay.ended((await relay.exportFile(usersCsv(3), EMAIL)).id);
    const list = await relay.call('/v1/exports', { token: relay.token });
    const { exports } = (await list.json()) as { exports: ExportJobView[] };
    expect(exports.map((job) => job.id)).toEqual([done.id]);
    const tooMany = await relay.call('/v1/exports?limit=500', { token: relay.token });
    expect(tooMany.status).toBe(400);
    expect(await errorCode(tooMany)).toBe('validation_failed');

    const other = await relay.workspaceWithUsers('Globex');
    const as = other.marketerToken;
    expect(
      ((await (await relay.call('/v1/exports', { token: as })).json()) as { exports: [] }).exports,
    ).toEqual([]);
    for (const [path, method] of [
      [`/v1/exports/${done.id}`, 'GET'],
      [`/v1/exports/${done.id}/cancel`, 'POST'],
      [`/v1/exports/${done.id}/resume`, 'POST'],
    ] as const) {
      const response = await relay.call(path, { method, token: as });
      expect(response.status, path).toBe(404);
      expect(await errorCode(response)).toBe('not_found');
    }
    const uploadId = await relay.upload(usersCsv(2));
    const stolen = await relay.startExport({ source: { kind: 'file', uploadId }, ...EMAIL }, as);
    expect(await errorCode(stolen)).toBe('upload_not_found');
    const audienceId = done.audiences[0]?.facebookAudienceId;
    const lookalike = await relay.call(`/v1/audiences/${audienceId}/lookalikes`, {
      method: 'POST',
      token: as,
      body: { countries: ['US'], ratio: 0.01 },
    });
    expect(lookalike.status).toBe(404);
  });
});

describe('lookalikes', () => {
  it('creates a lookalike of an exported audience, and explains a seed too small', async () => {
    const relay = await start();
    const done = await relay.ended((await relay.exportFile(usersCsv(50), EMAIL)).id);
    const audienceId = done.audiences[0]?.facebookAudienceId ?? '';
    const tooSmall = await relay.call(`/v1/audiences/${audienceId}/lookalikes`, {
      method: 'POST',
      token: relay.token,
      body: { countries: ['US'], ratio: 0.05 },
    });
    expect(tooSmall.status).toBe(502);
    expect(await errorCode(tooSmall)).toBe('facebook_lookalike_seed_too_small');

    const big = await relay.ended((await relay.exportFile(usersCsv(150), EMAIL)).id);
    const seed = big.audiences[0]?.facebookAudienceId ?? '';
    const created = await relay.call(`/v1/audiences/${seed}/lookalikes`, {
      method: 'POST',
      token: relay.token,
      body: { countries: ['US', 'CA'], ratio: 0.05 },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const lookalike = (await created.json()) as { id: string; name: string };
    expect(lookalike.name).toBe('Lookalike (US, CA, 5%) — Spring buyers — Email');
    const state = await relay.control.state();
    expect(state.audiences.find((audience) => audience.id === lookalike.id)).toMatchObject({
      subtype: 'LOOKALIKE',
      originAudienceId: seed,
    });
  });
});
