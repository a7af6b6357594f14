import { Hono } from 'hono';
import type { GraphEnv } from '../context.ts';
import { updateFailed } from '../errors.ts';
import {
  beginReplace,
  finishReplace,
  payloadDigest,
  recordBatch,
  startReplaceBatch,
} from '../upload-sessions.ts';
import {
  checkUploadRows,
  MAX_REPLACE_SIZE,
  readUploadRequest,
  rowCount,
} from './upload-request.ts';

/**
 * `POST /{v}/{audience}/usersreplace`: replaces every member in one session of at most 90
 * minutes; the audience shows `operation_status` 414 until the last batch (reference §4.6).
 */
export function usersReplaceRoutes() {
  return new Hono<GraphEnv>().post('/', (c) => {
    const world = c.var.world;
    const request = readUploadRequest(c, 'POST');
    const { audience, session, schema } = request;
    if (audience.members.size >= MAX_REPLACE_SIZE) {
      throw updateFailed(
        'Replace is not supported for audiences of 100 million people or more; use /users.',
        1870144,
        'DFCA Size Not Supported For Replace',
      );
    }
    const digest = payloadDigest('replace', request.payload);
    const start = startReplaceBatch(world, audience, session, digest, schema.id);
    const answer = (result: object) =>
      c.json({ account_id: audience.accountId, session_id: session.sessionId, ...result });
    if ('replay' in start) return answer(start.replay);
    const check = checkUploadRows(request, 'replace');
    const upload = start.upload;
    if (session.batchSeq === 1) beginReplace(world, audience, upload);
    upload.staged?.add(schema, check.valid);
    audience.dataSource ??= schema.dataSource;
    world.limiter.addRows(audience.accountId, rowCount(request), world.now().getTime());
    const result = recordBatch(world, upload, session, digest, check, rowCount(request));
    if (session.last) finishReplace(world, audience, upload);
    return answer(result);
  });
}
