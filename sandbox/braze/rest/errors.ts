import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Braze answers every error with `{"message": …}` (reference §1.3). */
export function brazeError(c: Context, status: ContentfulStatusCode, message: string) {
  return c.json({ message }, status);
}
