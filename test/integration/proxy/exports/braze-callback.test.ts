import { describe, expect, it } from 'vitest';
import { createBrazeControl } from '../../../../sandbox/braze/control-client.ts';
import { DEMO_SEGMENT } from '../../../../sandbox/braze/demo.ts';
import type { ExportJobView } from '../../../../shared/relay-api/exports.ts';
import { connectBrazeEmulator, pause, useExportRelay } from './export-harness.ts';

const start = useExportRelay();
const SEGMENT = DEMO_SEGMENT['cart-web'];
const EMAIL = { plan: { kind: 'per-field', keys: ['EMAIL'] }, batchSize: 100 };

/**
 * The relay's waits between polls of the download URL never end on their own (a poll "an
 * hour later"): only Braze's callback can end them. Shorter waits pass as usual.
 */
const holdPolls =
  (sleep: (ms: number) => Promise<void>) =>
  (ms: number, signal?: AbortSignal): Promise<void> =>
    ms < 1000
      ? sleep(ms)
      : new Promise((_, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
        );

async function withBraze(options: Parameters<typeof start>[0], exportDelayMs = 200) {
  const relay = await start(options);
  const braze = await connectBrazeEmulator(relay, { exportDelayMs, usersPerFile: 100 });
  const control = createBrazeControl(braze.restUrl);
  const exportRequests = async () =>
    (await control.requests())
      .filter((request) => request.path === '/users/export/segment')
      .map((request) => JSON.parse(request.body) as { callback_endpoint?: string });
  const exportSegment = async () => {
    const created = await relay.startExport({
      source: { kind: 'braze', segmentId: SEGMENT.apiId, segmentName: SEGMENT.name },
      ...EMAIL,
    });
    expect(created.status, await created.clone().text()).toBe(202);
    return ((await created.json()) as ExportJobView).id;
  };
  return { relay, braze, control, exportRequests, exportSegment };
}

const CALLBACK_URL = /^http:\/\/127\.0\.0\.1:\d+\/callbacks\/braze-export\/[\w-]{43}$/;

describe('Braze export callbacks', () => {
  it('ask Braze to call an unguessable URL, and download on the call rather than the next poll', async () => {
    const { relay, control, exportRequests, exportSegment } = await withBraze({
      publicUrl: (url) => url,
      sleepWith: holdPolls,
    });
    const done = await relay.ended(await exportSegment());
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.report?.users.read).toBe(SEGMENT.size);
    const [request] = await exportRequests();
    expect(request?.callback_endpoint).toMatch(CALLBACK_URL);
    expect(request?.callback_endpoint?.startsWith(relay.url)).toBe(true);
    expect((await control.exports())[0]?.callback).toBe('sent');
    // Once the export is read, its URL answers no more: a replay is refused.
    const replay = await fetch(request?.callback_endpoint ?? '', { method: 'POST' });
    expect(replay.status).toBe(404);
  });

  it('only wake the poll: a forged early call makes the relay look, and it still waits for the file', async () => {
    const { relay, control, exportRequests, exportSegment } = await withBraze(
      { publicUrl: (url) => url, sleepWith: holdPolls },
      1500,
    );
    const id = await exportSegment();
    let url: string | undefined;
    for (let i = 0; i < 200 && !url; i++) {
      url = (await exportRequests())[0]?.callback_endpoint;
      if (!url) await pause(5);
    }
    const downloads = async () =>
      (await control.requests()).filter((request) => request.path.startsWith('/storage/')).length;
    // The relay's first look (403, not ready) comes at once; then it waits on the held poll.
    for (let i = 0; i < 200 && (await downloads()) === 0; i++) await pause(5);
    const before = await downloads();
    expect(before).toBe(1);
    const forged = await fetch(url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ success: true, url: 'http://127.0.0.1:9/elsewhere.zip' }),
    });
    expect(forged.status).toBe(200);
    const done = await relay.ended(id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.report?.users.read).toBe(SEGMENT.size);
    // The forged call's look found the file not ready (403); Braze's own call fetched it.
    expect((await downloads()) - before).toBe(2);
  });

  it('are not asked for without a public URL: the relay polls', async () => {
    // Ready at once: each poll would move the relay's clock past its sessions.
    const { relay, exportRequests, exportSegment } = await withBraze({}, 0);
    const done = await relay.ended(await exportSegment());
    expect(done.status).toBe('done');
    expect((await exportRequests())[0]).not.toHaveProperty('callback_endpoint');
  });

  it('refuse a URL the relay never handed out', async () => {
    const { relay } = await withBraze({ publicUrl: (url) => url });
    const response = await fetch(`${relay.url}/callbacks/braze-export/${'x'.repeat(43)}`, {
      method: 'POST',
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
