import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../proxy/http/api-error.ts';
import {
  type BrazeSegmentExportOptions,
  type BrazeSourceItem,
  openBrazeSegmentExport,
} from '../../../../../proxy/sources/braze/segment-export.ts';
import { ColumnNames } from '../../../../../proxy/sources/column-names.ts';
import { userFromObject } from '../../../../../proxy/sources/user-from-object.ts';
import { DEMO_REST_API_KEY, DEMO_SEED, DEMO_SEGMENT } from '../../../../../sandbox/braze/demo.ts';
import { exportedUsers } from '../../../../../sandbox/braze/users/exported-users.ts';
import { startBrazeForSource } from './braze-harness.ts';

const SEGMENT = DEMO_SEGMENT['cart-web']; // 321 users
const FIELDS = ['country', 'devices', 'email', 'phone'];
const ATTRIBUTES = ['do_not_sell_or_share'];
const USERS_PER_FILE = 100;

/** What the export must yield: the emulator's own users, read as any Braze line is. */
function expectedUsers() {
  const columns = new ColumnNames();
  return [
    ...exportedUsers(DEMO_SEED, SEGMENT, {
      fields_to_export: FIELDS,
      custom_attributes_to_export: ATTRIBUTES,
    }),
  ].map((object) => userFromObject(object as Record<string, unknown>, columns, () => {}));
}

type Braze = Awaited<ReturnType<typeof startBrazeForSource>>;

function open(braze: Braze, options: Partial<BrazeSegmentExportOptions> = {}) {
  return openBrazeSegmentExport({
    client: braze.client(),
    segmentApiId: SEGMENT.apiId,
    fields: FIELDS,
    customAttributes: ATTRIBUTES,
    ...braze.clock,
    ...options,
  });
}

async function collect(items: AsyncIterable<BrazeSourceItem>) {
  const all: BrazeSourceItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const users = (items: BrazeSourceItem[]) =>
  items.flatMap((item) => (item.kind === 'user' ? [item.user] : []));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiError)) throw new Error(`Expected an ApiError, got ${String(error)}`);
  return error;
}

describe('openBrazeSegmentExport against the Braze emulator', () => {
  it('yields exactly the exported users, in order, with their file and line', async () => {
    const braze = await startBrazeForSource({ usersPerFile: USERS_PER_FILE });
    const items = await collect(open(braze));

    expect(users(items)).toEqual(expectedUsers());
    const located = items.filter((item) => item.kind === 'user');
    expect(located[0]).toMatchObject({ line: 1, entry: expect.stringMatching(/\/0\.json$/) });
    expect(located[100]).toMatchObject({ line: 1, entry: expect.stringMatching(/\/1\.json$/) });
    expect(located[320]).toMatchObject({ line: 21, entry: expect.stringMatching(/\/3\.json$/) });
    // Braze's custom attributes are attributes by design, not unmapped columns.
    expect(items.filter((item) => item.kind === 'unmapped-column')).toEqual([]);
  });

  it('asks Braze for only the fields given, with the key, and downloads without it', async () => {
    const braze = await startBrazeForSource();
    await collect(open(braze));

    const requests = await braze.control.requests();
    const started = requests.filter((request) => request.path === '/users/export/segment');
    expect(started).toHaveLength(1);
    expect(JSON.parse(started[0]?.body ?? '')).toEqual({
      segment_id: SEGMENT.apiId,
      fields_to_export: FIELDS,
      custom_attributes_to_export: ATTRIBUTES,
      output_format: 'zip',
    });
    expect(started[0]?.headers.authorization).toMatch(/^Bearer /);
    const downloads = requests.filter((request) => request.path.startsWith('/storage/'));
    expect(downloads.length).toBeGreaterThan(0);
    for (const download of downloads) expect(download.headers.authorization).toBeUndefined();
  });

  it('polls the URL with growing pauses while Braze answers 403, then downloads', async () => {
    const braze = await startBrazeForSource({ exportDelayMs: 60_000 });
    const items = await collect(open(braze, { poll: { baseMs: 2000, maxMs: 16_000 } }));

    expect(users(items)).toHaveLength(SEGMENT.size);
    // 2, 4, 8, 16, 16… s, three quarters of each (random 0.5), until the minute has passed.
    expect(braze.sleeps).toEqual([1500, 3000, 6000, 12_000, 12_000, 12_000, 12_000, 12_000]);
    const polls = (await braze.control.requests()).filter((r) => r.path.startsWith('/storage/'));
    expect(polls).toHaveLength(braze.sleeps.length + 1);
  });

  it('stops waiting with a clear timeout error when the file never gets ready', async () => {
    const braze = await startBrazeForSource({ exportDelayMs: 10 * 3_600_000 });
    const error = await failure(collect(open(braze, { maxWaitMs: 5 * 60_000 })));

    expect(error.code).toBe('braze_export_timeout');
    expect(error.message).toMatch(/not finished the export after \d+ minutes/);
    expect(braze.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(5 * 60_000);
  });

  it('waits while another export of the segment runs (429), then exports', async () => {
    const braze = await startBrazeForSource({ exportDelayMs: 30_000 });
    const first = await braze.control.exports(); // none yet
    expect(first).toEqual([]);
    const other = await fetch(`${braze.restUrl}/users/export/segment`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_REST_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ segment_id: SEGMENT.apiId, fields_to_export: ['email'] }),
    });
    expect(other.status).toBe(200);

    const items = await collect(open(braze, { busyBackoff: { baseMs: 20_000, maxMs: 40_000 } }));

    expect(users(items)).toEqual(expectedUsers());
    // Busy at 0 s and 15 s; the other export is done at 30 s, so the third request starts ours.
    expect(braze.sleeps.slice(0, 2)).toEqual([15_000, 30_000]);
    const requested = (await braze.control.requests()).filter(
      (request) => request.path === '/users/export/segment',
    );
    expect(requested).toHaveLength(4);
  });

  it('gives up with braze_export_busy when the segment stays busy', async () => {
    const braze = await startBrazeForSource({ exportDelayMs: 10 * 3_600_000 });
    await fetch(`${braze.restUrl}/users/export/segment`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_REST_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ segment_id: SEGMENT.apiId, fields_to_export: ['email'] }),
    });
    const error = await failure(collect(open(braze, { busyRetries: 2 })));

    expect(error.code).toBe('braze_export_busy');
    expect(braze.sleeps).toHaveLength(2);
  });

  it('retries server errors with backoff, then succeeds', async () => {
    const braze = await startBrazeForSource();
    await braze.control.failNext(3, 503);
    const items = await collect(open(braze));

    expect(users(items)).toEqual(expectedUsers());
    expect(braze.sleeps).toEqual([375, 750, 1500]); // 500 ms doubling, three quarters each
  });

  it('fails with braze_unavailable when server errors outlast the retries', async () => {
    const braze = await startBrazeForSource();
    await braze.control.failNext(10, 502);
    const error = await failure(collect(open(braze, { client: braze.client({ retries: 2 }) })));

    expect(error.code).toBe('braze_unavailable');
    expect(error.message).toContain('502');
  });

  it('asks for a new export once when the URL expired before the download', async () => {
    const braze = await startBrazeForSource();
    let firstDownload = true;
    const client = braze.client({
      fetch: async (input, init) => {
        if (String(input).includes('/storage/') && firstDownload) {
          firstDownload = false;
          await braze.control.advanceClock(5 * 3_600_000); // past the 4 h the link works
        }
        return fetch(input, init);
      },
    });
    const items = await collect(open(braze, { client }));

    expect(users(items)).toEqual(expectedUsers());
    const requested = (await braze.control.requests()).filter(
      (request) => request.path === '/users/export/segment',
    );
    expect(requested).toHaveLength(2);
  });

  it.each([
    ['a truncated archive', (braze: Braze) => braze.control.truncateArchive(6000)],
    ['a lost connection', (braze: Braze) => braze.control.dropConnection(6000)],
  ])('downloads again after %s, skipping what was read', async (_, fault) => {
    const braze = await startBrazeForSource({ usersPerFile: USERS_PER_FILE });
    await fault(braze);
    const items = await collect(open(braze));

    expect(users(items)).toEqual(expectedUsers());
    const downloads = (await braze.control.requests()).filter((r) =>
      r.path.startsWith('/storage/'),
    );
    expect(downloads).toHaveLength(2);
  });

  it('fails a truncated export, saying how much was read, when every download is cut short', async () => {
    const braze = await startBrazeForSource({ usersPerFile: USERS_PER_FILE });
    await braze.control.truncateArchive(8000, 3);
    const read: BrazeSourceItem[] = [];
    const error = await failure(
      (async () => {
        for await (const item of open(braze)) read.push(item);
      })(),
    );

    expect(error.code).toBe('braze_export_truncated');
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(SEGMENT.size);
    expect(error.details).toEqual({ linesRead: read.length });
    expect(error.message).toContain(`${read.length} lines were read`);
    expect(users(read)).toEqual(expectedUsers().slice(0, read.length));
  });

  it('counts malformed lines as problems and reads on', async () => {
    const braze = await startBrazeForSource({ usersPerFile: USERS_PER_FILE });
    await braze.control.malformedLines(10);
    const items = await collect(open(braze));

    const problems = items.filter((item) => item.kind === 'problem');
    expect(problems).toHaveLength(32);
    expect(problems[0]).toEqual({
      kind: 'problem',
      line: 10,
      problem: 'invalid_json',
      entry: expect.stringMatching(/\/0\.json$/),
    });
    const expected = expectedUsers().filter((_, index) => (index + 1) % 10 !== 0);
    expect(users(items)).toEqual(expected);
  });

  it('stops the download when the signal aborts', async () => {
    const braze = await startBrazeForSource();
    const controller = new AbortController();
    const read: BrazeSourceItem[] = [];
    const reason = new Error('cancelled by the user');
    const segment = DEMO_SEGMENT.lapsed;
    const outcome = (async () => {
      const items = open(braze, { signal: controller.signal, segmentApiId: segment.apiId });
      for await (const item of items) {
        read.push(item);
        if (read.length === 5) controller.abort(reason);
      }
    })();

    await expect(outcome).rejects.toBe(reason);
    expect(read).toHaveLength(5);
  });
});
