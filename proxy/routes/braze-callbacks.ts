import { Hono } from 'hono';
import { ApiError } from '../http/api-error.ts';
import {
  BRAZE_CALLBACK_PATH,
  type BrazeExportCallbacks,
} from '../sources/braze/export-callbacks.ts';

/**
 * `POST /callbacks/braze-export/<token>`: Braze's call when a segment export is ready. Outside
 * `/v1` because Braze has no session: the unguessable token is the only credential, and all
 * it can do is make the relay look at the export's own URL sooner. The body is not read.
 */
export function brazeCallbackRoutes({ callbacks }: { callbacks: BrazeExportCallbacks }) {
  return new Hono().post(`${BRAZE_CALLBACK_PATH}/:token`, (c) => {
    if (!callbacks.ring(c.req.param('token'))) {
      throw new ApiError('not_found', 'No Braze export waits for this callback.');
    }
    return c.json({ received: true });
  });
}
