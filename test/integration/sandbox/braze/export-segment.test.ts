import { gunzipSync, strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, DEMO_SEGMENT } from '../../../../sandbox/braze/demo.ts';
import type { Segment, SegmentDefinition } from '../../../../sandbox/braze/segments/segment.ts';
import { createWorkspace } from '../../../../sandbox/braze/segments/workspace.ts';
import { exportedUsers } from '../../../../sandbox/braze/users/exported-users.ts';
import { type Braze, eventually, START, startBraze } from './braze-server.ts';

const DELAY = 2000;
const HOUR = 3_600_000;

/** A segment big enough for three files of the default 5,000 users. */
const MEDIUM: SegmentDefinition = { key: 'medium', name: 'Medium', size: 12_345 };
const MEDIUM_SEGMENT = createWorkspace(DEMO_SEED, [MEDIUM]).segments[0] as Segment;

interface Started {
  message: string;
  object_prefix: string;
  url: string;
}

async function startExport(braze: Braze, body: Record<string, unknown>) {
  const response = await braze.api('/users/export/segment', { method: 'POST', body });
  return { response, body: (await response.json()) as Started & { message: string } };
}

async function readyExport(braze: Braze, body: Record<string, unknown>): Promise<Started> {
  const { response, body: started } = await startExport(braze, body);
  expect(response.status).toBe(200);
  await braze.control.advanceClock(DELAY);
  return started;
}

const ndjson = (bytes: Uint8Array) =>
  strFromU8(bytes)
    .split('\n')
    .filter((line) => line !== '');

describe('POST /users/export/segment: validation', () => {
  const valid = { segment_id: DEMO_SEGMENT.vip.apiId, fields_to_export: ['email'] };
  it.each([
    ['a body that is not JSON', '{"segment_id":', 'Bad Request: the body must be a JSON object'],
    ['a JSON array', '[]', 'Bad Request: the body must be a JSON object'],
    ['no segment_id', { fields_to_export: ['email'] }, 'segment_id is required'],
    ['an unknown segment_id', { ...valid, segment_id: 'nope' }, 'Invalid Segment ID'],
    [
      'a dashboard id instead of the API identifier',
      { ...valid, segment_id: DEMO_SEGMENT.vip.internalId },
      'Invalid Segment ID',
    ],
    ['no fields_to_export', { segment_id: valid.segment_id }, 'fields_to_export is required'],
    [
      'empty fields_to_export',
      { ...valid, fields_to_export: [] },
      'fields_to_export must be a non-empty array of field names',
    ],
    [
      'fields_to_export as a string',
      { ...valid, fields_to_export: 'email' },
      'fields_to_export must be a non-empty array of field names',
    ],
    [
      'unknown fields',
      { ...valid, fields_to_export: ['email', 'favorite_color', 'campaigns_received'] },
      'Invalid fields_to_export: favorite_color, campaigns_received',
    ],
    [
      'custom_attributes_to_export as a string',
      { ...valid, custom_attributes_to_export: 'state' },
      'custom_attributes_to_export must be an array of names',
    ],
    [
      '501 custom attributes',
      { ...valid, custom_attributes_to_export: Array.from({ length: 501 }, (_, n) => `a${n}`) },
      'custom_attributes_to_export accepts at most 500 names',
    ],
    ['output_format csv', { ...valid, output_format: 'csv' }, 'output_format must be zip or gzip'],
    [
      'a callback that is not http(s)',
      { ...valid, callback_endpoint: 'ftp://example.com/done' },
      'callback_endpoint must be an http or https URL',
    ],
    [
      'a callback that is not a URL',
      { ...valid, callback_endpoint: 'done' },
      'callback_endpoint must be an http or https URL',
    ],
  ])('refuses %s with 400', async (_case, body, message) => {
    const braze = await startBraze();
    const response = await braze.api('/users/export/segment', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message });
    expect(await braze.control.exports()).toEqual([]);
  });

  it('accepts exactly 500 custom attributes', async () => {
    const braze = await startBraze();
    const names = Array.from({ length: 500 }, (_, n) => `a${n}`);
    const { response } = await startExport(braze, { ...valid, custom_attributes_to_export: names });
    expect(response.status).toBe(200);
  });
});

describe('POST /users/export/segment: lifecycle', () => {
  it('answers at once with a prefix and a URL that gives 403 until ready, then the ZIP, then expires', async () => {
    const braze = await startBraze({ exportDelayMs: DELAY, exportTtlHours: 4 });
    const { response, body } = await startExport(braze, {
      segment_id: DEMO_SEGMENT.vip.apiId,
      fields_to_export: ['external_id', 'email'],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('249999');
    expect(body.message).toBe('success');
    expect(body.object_prefix).toMatch(
      new RegExp(
        `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-${START.getTime() / 1000}$`,
      ),
    );
    expect(body.url).toBe(`${braze.restUrl}/storage/segment-export/${body.object_prefix}.zip`);

    for (const method of ['GET', 'HEAD']) {
      const early = await fetch(body.url, { method });
      expect(early.status).toBe(403);
      expect(early.headers.get('x-ratelimit-limit')).toBeNull();
    }
    const early = await (await fetch(body.url)).text();
    expect(early).toMatch(
      /^<\?xml[^>]*>\s*<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/,
    );
    expect((await braze.control.exports())[0]?.state).toBe('pending');

    await braze.control.advanceClock(DELAY - 1);
    expect((await fetch(body.url, { method: 'HEAD' })).status).toBe(403);
    await braze.control.advanceClock(1);
    const head = await fetch(body.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/zip');
    expect(await head.text()).toBe('');
    const ready = await fetch(body.url);
    expect(ready.status).toBe(200);
    const files = unzipSync(new Uint8Array(await ready.arrayBuffer()));
    expect(Object.keys(files)).toEqual([`${body.object_prefix}/0.json`]);

    await braze.control.advanceClock(4 * HOUR - 1);
    expect((await fetch(body.url, { method: 'HEAD' })).status).toBe(200);
    await braze.control.advanceClock(1);
    const expired = await fetch(body.url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Message>Request has expired</Message>');
    expect((await braze.control.exports())[0]?.state).toBe('expired');
  });

  it('gives 403 for a URL it never issued', async () => {
    const braze = await startBraze();
    const { body } = await startExport(braze, {
      segment_id: DEMO_SEGMENT.vip.apiId,
      fields_to_export: ['email'],
    });
    await braze.control.advanceClock(DELAY);
    for (const url of [
      body.url.replace('.zip', '.gz'),
      `${braze.restUrl}/storage/segment-export/x.zip`,
    ]) {
      expect((await fetch(url)).status).toBe(403);
    }
  });

  it('refuses a second export of a segment while the first runs (429), not after', async () => {
    const braze = await startBraze();
    const request = { segment_id: DEMO_SEGMENT.vip.apiId, fields_to_export: ['email'] };
    expect((await startExport(braze, request)).response.status).toBe(200);
    const second = await startExport(braze, request);
    expect(second.response.status).toBe(429);
    expect(second.body).toEqual({ message: 'An export of this segment is already running' });
    expect(second.response.headers.get('x-ratelimit-limit')).toBe('250000');
    const other = await startExport(braze, {
      ...request,
      segment_id: DEMO_SEGMENT.newsletter.apiId,
    });
    expect(other.response.status).toBe(200);
    await braze.control.advanceClock(DELAY);
    expect((await startExport(braze, request)).response.status).toBe(200);
  });

  it('caps concurrent exports per company', async () => {
    const braze = await startBraze({ maxConcurrentExports: 2 });
    const fields_to_export = ['email'];
    for (const segment of [DEMO_SEGMENT.vip, DEMO_SEGMENT.newsletter]) {
      expect(
        (await startExport(braze, { segment_id: segment.apiId, fields_to_export })).response.status,
      ).toBe(200);
    }
    const third = await startExport(braze, {
      segment_id: DEMO_SEGMENT.lapsed.apiId,
      fields_to_export,
    });
    expect(third.response.status).toBe(429);
    expect(third.body).toEqual({ message: 'Too many concurrent segment exports' });
  });

  it('cancels every running export of a segment', async () => {
    const braze = await startBraze();
    const request = { segment_id: DEMO_SEGMENT.vip.apiId, fields_to_export: ['email'] };
    const { body } = await startExport(braze, request);
    const cancel = await braze.api('/export/segment/cancel', {
      method: 'POST',
      body: { segment_id: DEMO_SEGMENT.vip.apiId },
    });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toEqual({ message: 'success' });
    await braze.control.advanceClock(DELAY);
    expect((await fetch(body.url)).status).toBe(403);
    expect((await braze.control.exports())[0]?.state).toBe('cancelled');
    expect((await startExport(braze, request)).response.status).toBe(200);
  });

  it.each([
    [{}, 'segment_id is required'],
    [{ segment_id: 'nope' }, 'Invalid Segment ID'],
  ])('refuses to cancel %j with 400', async (body, message) => {
    const braze = await startBraze();
    const response = await braze.api('/export/segment/cancel', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message });
  });

  it('POSTs {success, url} to the callback endpoint once the export is ready', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const recordingFetch = async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      return new Response(null, { status: 204 });
    };
    const braze = await startBraze({ fetch: recordingFetch as typeof fetch });
    const { body } = await startExport(braze, {
      segment_id: DEMO_SEGMENT.vip.apiId,
      fields_to_export: ['email'],
      callback_endpoint: 'https://relay.example/callbacks/braze',
    });
    expect(calls).toEqual([]);
    await braze.control.advanceClock(DELAY);
    await eventually(() => calls.length > 0, 'the callback');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://relay.example/callbacks/braze');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ success: true, url: body.url });
    expect((await braze.control.exports())[0]?.callback).toBe('sent');
  });

  it('takes the export delay set through the control API for later exports', async () => {
    const braze = await startBraze();
    await braze.control.setExportDelay(10 * 60_000);
    const { body } = await startExport(braze, {
      segment_id: DEMO_SEGMENT.vip.apiId,
      fields_to_export: ['email'],
    });
    await braze.control.advanceClock(DELAY);
    expect((await fetch(body.url)).status).toBe(403);
    await braze.control.advanceClock(10 * 60_000 - DELAY);
    expect((await fetch(body.url)).status).toBe(200);
  });
});

describe('POST /users/export/segment: archive contents', () => {
  it('writes NDJSON files of 5,000 users holding exactly the requested fields', async () => {
    const braze = await startBraze({ segments: [MEDIUM] });
    const projection = {
      fields_to_export: ['external_id', 'email', 'phone', 'devices', 'country'],
      custom_attributes_to_export: ['opted_in_marketing', 'do_not_sell_or_share'],
    };
    const started = await readyExport(braze, { segment_id: MEDIUM_SEGMENT.apiId, ...projection });
    const files = unzipSync(new Uint8Array(await (await fetch(started.url)).arrayBuffer()));
    const names = Object.keys(files);
    expect(names).toEqual([0, 1, 2].map((n) => `${started.object_prefix}/${n}.json`));
    const perFile = names.map((name) =>
      ndjson(files[name] as Uint8Array).map((line) => JSON.parse(line)),
    );
    expect(perFile.map((users) => users.length)).toEqual([5000, 5000, 2345]);

    const users = perFile.flat();
    expect(users).toEqual([...exportedUsers(DEMO_SEED, MEDIUM_SEGMENT, projection)]);
    const keys = new Set(users.flatMap((user) => Object.keys(user)));
    expect([...keys].sort()).toEqual([...projection.fields_to_export, 'custom_attributes'].sort());
    const attributes = new Set(users.flatMap((user) => Object.keys(user.custom_attributes ?? {})));
    expect([...attributes].sort()).toEqual(['do_not_sell_or_share', 'opted_in_marketing']);
    // "The least data possible": users without a value have no key, never null or "".
    expect(users.some((user) => !('email' in user))).toBe(true);
    expect(users.every((user) => user.email !== null && user.email !== '')).toBe(true);
  });

  it('exports every custom attribute when custom_attributes is a field', async () => {
    const braze = await startBraze();
    const started = await readyExport(braze, {
      segment_id: DEMO_SEGMENT.newsletter.apiId,
      fields_to_export: ['custom_attributes'],
      custom_attributes_to_export: ['state'],
    });
    const files = unzipSync(new Uint8Array(await (await fetch(started.url)).arrayBuffer()));
    const users = Object.values(files).flatMap((bytes) =>
      ndjson(bytes).map((line) => JSON.parse(line)),
    );
    expect(users).toHaveLength(1234);
    const attributes = new Set(users.flatMap((user) => Object.keys(user.custom_attributes ?? {})));
    expect(attributes).toContain('zip_code');
    expect(attributes).toContain('opted_in_marketing');
  });

  it('serves one gzipped NDJSON stream for output_format gzip', async () => {
    const braze = await startBraze();
    const projection = { fields_to_export: ['braze_id', 'email'] };
    const started = await readyExport(braze, {
      segment_id: DEMO_SEGMENT.newsletter.apiId,
      output_format: 'gzip',
      ...projection,
    });
    expect(started.url).toMatch(/\.gz$/);
    const response = await fetch(started.url);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    const lines = ndjson(gunzipSync(new Uint8Array(await response.arrayBuffer())));
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      ...exportedUsers(DEMO_SEED, DEMO_SEGMENT.newsletter, projection),
    ]);
  });

  it('streams a 3,000,000-user export from the first bytes, without building it first', async () => {
    const braze = await startBraze();
    const started = await readyExport(braze, {
      segment_id: DEMO_SEGMENT.everyone.apiId,
      fields_to_export: ['email'],
    });
    const reader = (await fetch(started.url)).body?.getReader();
    let received = 0;
    while (received < 256 * 1024) {
      const { value, done } = (await reader?.read()) ?? { done: true };
      if (done) break;
      received += value.length;
    }
    await reader?.cancel();
    expect(received).toBeGreaterThanOrEqual(256 * 1024);
  });
});

describe('POST /users/export/segment: download faults', () => {
  const request = {
    segment_id: DEMO_SEGMENT.newsletter.apiId,
    fields_to_export: ['email', 'phone'],
  };

  it('truncates the next archive mid-stream', async () => {
    const braze = await startBraze();
    const started = await readyExport(braze, request);
    await braze.control.truncateArchive(1000);
    const truncated = new Uint8Array(await (await fetch(started.url)).arrayBuffer());
    expect(truncated.length).toBe(1000);
    expect(() => unzipSync(truncated)).toThrow();
    const whole = new Uint8Array(await (await fetch(started.url)).arrayBuffer());
    expect(() => unzipSync(whole)).not.toThrow();
  });

  it('mixes malformed lines into the next archive', async () => {
    const braze = await startBraze();
    const started = await readyExport(braze, request);
    await braze.control.malformedLines(10);
    const files = unzipSync(new Uint8Array(await (await fetch(started.url)).arrayBuffer()));
    const lines = Object.values(files).flatMap(ndjson);
    const broken = lines.filter((line) => {
      try {
        JSON.parse(line);
        return false;
      } catch {
        return true;
      }
    });
    expect(lines).toHaveLength(1234);
    expect(broken).toHaveLength(123);
  });

  it('drops the connection of the next download mid-stream', async () => {
    const braze = await startBraze();
    const started = await readyExport(braze, { ...request, segment_id: DEMO_SEGMENT.lapsed.apiId });
    await braze.control.dropConnection(200_000);
    const response = await fetch(started.url);
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    let received = 0;
    const readAll = async () => {
      for (;;) {
        const { value, done } = (await reader?.read()) ?? { done: true };
        if (done) return;
        received += value.length;
      }
    };
    await expect(readAll()).rejects.toThrow();
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(200_000);
    expect((await fetch(started.url)).status).toBe(200);
  });

  it('fails the next download with a 5xx', async () => {
    const braze = await startBraze();
    const started = await readyExport(braze, request);
    await braze.control.failNext(1, 502);
    expect((await fetch(started.url)).status).toBe(502);
    expect((await fetch(started.url)).status).toBe(200);
  });
});
