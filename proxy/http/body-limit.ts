import type { MiddlewareHandler } from 'hono';
import type { ErrorCode } from '../../shared/error-catalog.ts';
import { ApiError } from './api-error.ts';

/** The codes of a body over its limit: any request's, or an uploaded file's. */
type TooLargeCode = Extract<ErrorCode, 'payload_too_large' | 'upload_too_large'>;

const tooLarge = (maxBytes: number, code: TooLargeCode = 'payload_too_large') =>
  new ApiError(code, `The request body is larger than ${maxBytes} bytes.`, {
    limitBytes: maxBytes,
  });

function declaredTooLarge(request: Request, maxBytes: number): boolean {
  const length = Number(request.headers.get('content-length') ?? 0);
  return length > maxBytes;
}

/** Passes the body through, failing with 413 the moment it exceeds `maxBytes`; never buffers. */
function limited(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  code?: TooLargeCode,
): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge(maxBytes, code));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** Reads a (small) body as text, refusing more than `maxBytes` whether declared or streamed. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  if (declaredTooLarge(request, maxBytes)) throw tooLarge(maxBytes);
  if (!request.body) return '';
  return new Response(limited(request.body, maxBytes)).text();
}

/**
 * For routes that stream large bodies (uploads): a declared length over the limit is refused
 * before reading, and a chunked body fails as it crosses the limit, without buffering it.
 */
export function bodyLimit(maxBytes: number, code?: TooLargeCode): MiddlewareHandler {
  return async (c, next) => {
    if (declaredTooLarge(c.req.raw, maxBytes)) throw tooLarge(maxBytes, code);
    const body = c.req.raw.body;
    if (body) {
      c.req.raw = new Request(c.req.raw, {
        body: limited(body, maxBytes, code),
        duplex: 'half',
      } as RequestInit);
    }
    await next();
  };
}
