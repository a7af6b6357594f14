import type { MiddlewareHandler } from 'hono';

/** One request the REST origin received, as tests read it back. */
export interface RecordedRequest {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The body as text, cut at 64 KiB. */
  body: string;
}

const BODY_LIMIT = 64 * 1024;

/** Records every request before anything else sees it (including ones later refused). */
export function recordRequests(log: RecordedRequest[], now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const body = c.req.raw.body ? await c.req.raw.clone().text() : '';
    log.push({
      at: now().toISOString(),
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(c.req.raw.headers),
      body: body.length > BODY_LIMIT ? body.slice(0, BODY_LIMIT) : body,
    });
    await next();
  };
}
