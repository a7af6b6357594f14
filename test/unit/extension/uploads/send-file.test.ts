import { describe, expect, it, vi } from 'vitest';
import { sendFile, type UploadRequest } from '../../../../extension/uploads/send-file.ts';

/** An XMLHttpRequest stand-in: records what is sent; the test plays the network's part. */
function fakeRequest() {
  const request = {
    opened: [] as string[],
    headers: {} as Record<string, string>,
    sent: null as Blob | null,
    aborted: false,
    status: 0,
    responseText: '',
    upload: { onprogress: null as ((event: ProgressEvent) => void) | null },
    onload: null as (() => void) | null,
    onerror: null as (() => void) | null,
    onabort: null as (() => void) | null,
    ontimeout: null as (() => void) | null,
    open(method: string, url: string) {
      request.opened.push(method, url);
    },
    setRequestHeader(name: string, value: string) {
      request.headers[name] = value;
    },
    send(body: Blob) {
      request.sent = body;
    },
    abort() {
      request.aborted = true;
      request.onabort?.();
    },
  };
  return { request, create: () => request as unknown as UploadRequest };
}

const file = new Blob(['email\nann@example.com\n'], { type: 'text/csv' });

describe('sendFile', () => {
  it('posts the file with the session token, reports progress and resolves with the answer', async () => {
    const { request, create } = fakeRequest();
    const onProgress = vi.fn();
    const sent = sendFile(
      {
        url: 'https://relay.example.com/v1/uploads',
        token: 't-1',
        file,
        onProgress,
        signal: new AbortController().signal,
      },
      create,
    );
    expect(request.opened).toEqual(['POST', 'https://relay.example.com/v1/uploads']);
    expect(request.headers).toEqual({ authorization: 'Bearer t-1', 'content-type': 'text/csv' });
    expect(request.sent).toBe(file);
    request.upload.onprogress?.({ loaded: 10 } as ProgressEvent);
    request.upload.onprogress?.({ loaded: 22 } as ProgressEvent);
    expect(onProgress.mock.calls).toEqual([[10], [22]]);
    request.status = 201;
    request.responseText = '{"uploadId":"u","bytes":22}';
    request.onload?.();
    expect(await sent).toEqual({ status: 201, text: '{"uploadId":"u","bytes":22}' });
  });

  it('sends a file of no known type as bytes', async () => {
    const { request, create } = fakeRequest();
    const sent = sendFile(
      {
        url: 'u',
        token: 't',
        file: new Blob(['x']),
        onProgress: () => {},
        signal: new AbortController().signal,
      },
      create,
    );
    expect(request.headers['content-type']).toBe('application/octet-stream');
    request.onerror?.();
    expect(await sent).toBeNull();
  });

  it('aborts the request when the signal fires, and never starts one already aborted', async () => {
    const { request, create } = fakeRequest();
    const controller = new AbortController();
    const sent = sendFile(
      { url: 'u', token: 't', file, onProgress: () => {}, signal: controller.signal },
      create,
    );
    controller.abort();
    expect(request.aborted).toBe(true);
    expect(await sent).toBeNull();

    const never = vi.fn(create);
    expect(
      await sendFile(
        { url: 'u', token: 't', file, onProgress: () => {}, signal: controller.signal },
        never,
      ),
    ).toBeNull();
    expect(never).not.toHaveBeenCalled();
  });
});
