import { describe, expect, it, vi } from 'vitest';
import type { RelayAccess } from '../../../../extension/relay/relay-connection.ts';
import type { SendFileOptions } from '../../../../extension/uploads/send-file.ts';
import { createUploadsApi, type UploadResult } from '../../../../extension/uploads/uploads-api.ts';
import { RELAY_URL, relayError } from '../relay/fake-relay.ts';

const PREVIEW = {
  format: 'csv',
  columns: [{ name: 'Email', field: 'email' }],
  rowsRead: 1,
  malformed: 0,
  malformedSample: [],
  complete: true,
};

/** Hands out `token-1`, then `token-2` once renewed, as the background does. */
function fakeAccess() {
  let tokens = 1;
  return vi.fn(
    async (renew: boolean): Promise<UploadResult<RelayAccess>> => ({
      ok: true,
      value: { relayUrl: RELAY_URL, token: `token-${renew ? ++tokens : tokens}` },
    }),
  );
}

describe('createUploadsApi', () => {
  it('asks the relay for its limits with the session token', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      Response.json({ maxBytes: 1024, formats: ['csv', 'ndjson'] }),
    );
    const api = createUploadsApi({ access: fakeAccess(), fetch });
    expect(await api.limits()).toEqual({
      ok: true,
      value: { maxBytes: 1024, formats: ['csv', 'ndjson'] },
    });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${RELAY_URL}/v1/uploads/limits`);
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer token-1');
  });

  it('previews with the mapping, and renews a session the relay refused, once', async () => {
    const bodies: unknown[] = [];
    const tokens: string[] = [];
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      tokens.push(new Headers(init?.headers).get('authorization') ?? '');
      return tokens.length === 1 ? relayError(401, 'session_expired') : Response.json(PREVIEW);
    });
    const access = fakeAccess();
    const api = createUploadsApi({ access, fetch });
    const answer = await api.preview('upload-0123456789', { mapping: { contact: 'email' } });
    expect(answer).toEqual({ ok: true, value: PREVIEW });
    expect(fetch.mock.calls[0]?.[0]).toBe(`${RELAY_URL}/v1/uploads/upload-0123456789/preview`);
    expect(bodies).toEqual([{ mapping: { contact: 'email' } }, { mapping: { contact: 'email' } }]);
    expect(tokens).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(access.mock.calls).toEqual([[false], [true]]);
  });

  it('stops at a second refusal: the key itself is revoked', async () => {
    const fetch = vi.fn(async () => relayError(401, 'api_key_revoked'));
    const api = createUploadsApi({ access: fakeAccess(), fetch });
    expect(await api.limits()).toMatchObject({
      ok: false,
      failure: { kind: 'unauthenticated', code: 'api_key_revoked' },
    });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('uploads the file itself to the relay and reads its answer', async () => {
    const sent: SendFileOptions[] = [];
    const api = createUploadsApi({
      access: fakeAccess(),
      sendFile: async (options) => {
        sent.push(options);
        options.onProgress(3);
        return { status: 201, text: '{"uploadId":"upload-0123456789","bytes":3}' };
      },
    });
    const onProgress = vi.fn();
    const file = new Blob(['a,b']);
    const answer = await api.upload(file, { onProgress, signal: new AbortController().signal });
    expect(answer).toEqual({ ok: true, value: { uploadId: 'upload-0123456789', bytes: 3 } });
    expect(sent[0]).toMatchObject({ url: `${RELAY_URL}/v1/uploads`, token: 'token-1', file });
    expect(onProgress).toHaveBeenCalledWith(3);
  });

  it('explains an upload the relay refused, and one that got no answer', async () => {
    const tooLarge = await relayError(413, 'upload_too_large', { limitBytes: 10 }).text();
    const answers = [{ status: 413, text: tooLarge }, null];
    const api = createUploadsApi({
      access: fakeAccess(),
      sendFile: async () => answers.shift() ?? null,
    });
    const signal = new AbortController().signal;
    expect(await api.upload(new Blob(['x']), { onProgress: () => {}, signal })).toMatchObject({
      ok: false,
      failure: { kind: 'validation', code: 'upload_too_large' },
    });
    expect(await api.upload(new Blob(['x']), { onProgress: () => {}, signal })).toEqual({
      ok: false,
      failure: { kind: 'unreachable', reason: 'network' },
    });
  });

  it('calls nothing without a relay', async () => {
    const fetch = vi.fn();
    const api = createUploadsApi({
      access: async () => ({ ok: false, failure: { kind: 'no-relay' } }),
      fetch,
    });
    expect(await api.limits()).toEqual({ ok: false, failure: { kind: 'no-relay' } });
    expect(fetch).not.toHaveBeenCalled();
  });
});
