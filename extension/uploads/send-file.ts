/** What a file upload needs from the browser: XMLHttpRequest's slice of it. */
export type UploadRequest = Pick<
  XMLHttpRequest,
  | 'open'
  | 'setRequestHeader'
  | 'send'
  | 'abort'
  | 'status'
  | 'responseText'
  | 'upload'
  | 'onload'
  | 'onerror'
  | 'onabort'
  | 'ontimeout'
>;

export interface SendFileOptions {
  url: string;
  token: string;
  file: Blob;
  /** Bytes sent so far, as the browser reports them. */
  onProgress: (sent: number) => void;
  signal: AbortSignal;
}

/** The relay's answer, or null when none came (network error, or aborted). */
export type SentFile = { status: number; text: string } | null;

/**
 * POSTs a file as the request body with upload progress. XMLHttpRequest, not fetch: fetch
 * reports no upload progress, and Chromium streams a fetch body only over HTTP/2. The browser
 * reads the file from disk as it sends it: it is never held in memory whole.
 */
export function sendFile(
  { url, token, file, onProgress, signal }: SendFileOptions,
  createRequest: () => UploadRequest = () => new XMLHttpRequest(),
): Promise<SentFile> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(null);
      return;
    }
    const request = createRequest();
    const noAnswer = () => resolve(null);
    request.open('POST', url);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      signal.removeEventListener('abort', abort);
      resolve({ status: request.status, text: request.responseText });
    };
    request.onerror = noAnswer;
    request.onabort = noAnswer;
    request.ontimeout = noAnswer;
    const abort = () => request.abort();
    signal.addEventListener('abort', abort, { once: true });
    request.send(file);
  });
}
