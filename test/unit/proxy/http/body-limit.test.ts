import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../proxy/http/api-error.ts';
import { bodyLimit, readBodyText } from '../../../../proxy/http/body-limit.ts';

/** An upload route that counts what it reads, behind a 1,000-byte limit. */
const app = new Hono()
  .post('/upload', bodyLimit(1000), async (c) =>
    c.json({ bytes: (await c.req.raw.arrayBuffer()).byteLength }),
  )
  .onError((error, c) =>
    error instanceof ApiError
      ? c.json({ code: error.code, ...error.details }, error.status)
      : c.json({ code: 'other' }, 500),
  );

function chunked(total: number, chunk = 100): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(chunk, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size));
    },
  });
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  app.request('/upload', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('bodyLimit (upload routes)', () => {
  it('lets bodies up to the limit through untouched', async () => {
    expect(await (await post(new Uint8Array(1000))).json()).toEqual({ bytes: 1000 });
    expect(await (await post(chunked(1000))).json()).toEqual({ bytes: 1000 });
  });

  it('refuses a declared length over the limit before reading', async () => {
    const response = await post('x'.repeat(10), { 'content-length': '5000' });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: 'payload_too_large', limitBytes: 1000 });
  });

  it('stops a chunked body as it crosses the limit', async () => {
    const response = await post(chunked(5000));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: 'payload_too_large', limitBytes: 1000 });
  });
});

describe('readBodyText', () => {
  it('reads small bodies and refuses large ones', async () => {
    const request = (body: BodyInit) =>
      new Request('http://relay/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readBodyText(request('hello'), 5)).toBe('hello');
    await expect(readBodyText(request('hello!'), 5)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    await expect(readBodyText(request(chunked(50, 10)), 20)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    expect(await readBodyText(new Request('http://relay/'), 5)).toBe('');
  });
});
