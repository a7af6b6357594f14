import { type Context, Hono } from 'hono';
import type { GraphEnv } from '../context.ts';
import { removalTooSmall } from '../errors.ts';
import {
  payloadDigest,
  recordBatch,
  replaceInProgress,
  startUsersBatch,
} from '../upload-sessions.ts';
import { checkUploadRows, readUploadRequest, rowCount } from './upload-request.ts';

/** Removing members is refused while the audience holds fewer people than this. */
export const REMOVAL_FLOOR = 1000;

/**
 * `POST /{v}/{audience}/users` adds members; `DELETE` (or `POST` with `method=DELETE`)
 * removes them (reference §4).
 */
export function usersRoutes() {
  return new Hono<GraphEnv>()
    .post('/', (c) =>
      uploadUsers(c, String(c.var.params.method).toUpperCase() === 'DELETE' ? 'remove' : 'add'),
    )
    .delete('/', (c) => uploadUsers(c, 'remove'));
}

function uploadUsers(c: Context<GraphEnv>, operation: 'add' | 'remove') {
  const world = c.var.world;
  const request = readUploadRequest(c, c.req.method);
  const { audience, session } = request;
  if (audience.replaceSessionId) throw replaceInProgress();
  const digest = payloadDigest(operation, request.payload);
  const start = startUsersBatch(world, audience, operation, session, digest);
  const answer = (result: object) =>
    c.json({ audience_id: audience.id, session_id: session.sessionId, ...result });
  if ('replay' in start) return answer(start.replay);
  const check = checkUploadRows(request, operation);
  if (operation === 'remove' && audience.members.size < REMOVAL_FLOOR) throw removalTooSmall();
  if (operation === 'add') {
    audience.members.add(request.schema, check.valid);
    audience.dataSource ??= request.schema.dataSource;
  } else {
    audience.members.remove(request.schema, check.valid);
  }
  audience.timeContentUpdated = world.nowSeconds();
  world.limiter.addRows(audience.accountId, rowCount(request), world.now().getTime());
  return answer(recordBatch(world, start.upload, session, digest, check, rowCount(request)));
}
