import { type Context, Hono } from 'hono';
import {
  canWrite,
  chargeCustomAudienceCall,
  requireAdsManagement,
  requireAdsRead,
  requireTerms,
  visibleAudience,
} from '../access.ts';
import { authenticate } from '../auth.ts';
import type { GraphEnv } from '../context.ts';
import {
  cannotUpdateAudience,
  flaggedAudienceEdit,
  invalidParameter,
  lookalikesExist,
} from '../errors.ts';
import { renderNode, requestedFields } from '../fields.ts';
import { optionalString } from '../params.ts';
import { settleReplace } from '../upload-sessions.ts';
import { audienceView } from '../views/audience.ts';
import type { UploadSession } from '../world.ts';
import { CUSTOMER_FILE_SOURCES, retentionDays } from './ad-accounts.ts';
import { usersRoutes } from './users.ts';
import { usersReplaceRoutes } from './users-replace.ts';

/** `/{v}/{audience}`: read, update, delete, its sessions, and the member edges. */
export function audienceRoutes() {
  return new Hono<GraphEnv>()
    .get('/', (c) => {
      const { caller, audience } = readableAudience(c);
      const view = audienceView(c.var.world, caller);
      return c.json(renderNode(view, audience, requestedFields(c.var.params)));
    })
    .post('/', (c) =>
      String(c.var.params.method).toUpperCase() === 'DELETE'
        ? deleteAudience(c)
        : updateAudience(c),
    )
    .delete('/', (c) => deleteAudience(c))
    .get('/sessions', (c) => {
      const world = c.var.world;
      const { audience, account } = readableAudience(c);
      const wanted = optionalString(c.var.params, 'session_id');
      const sessions = [...world.sessionsOf(account.id).values()].filter(
        (upload) => upload.audienceId === audience.id && (!wanted || upload.id === wanted),
      );
      return c.json({ data: sessions.map(describeSession) });
    })
    .route('/users', usersRoutes())
    .route('/usersreplace', usersReplaceRoutes());
}

const audienceIdOf = (c: Context<GraphEnv>) => c.req.param('audienceId') ?? '';

/** Checks shared by the reads: the audience, quota and a read permission. */
function readableAudience(c: Context<GraphEnv>) {
  const world = c.var.world;
  const caller = authenticate(c);
  const found = visibleAudience(world, caller, audienceIdOf(c), 'GET');
  chargeCustomAudienceCall(c, found.account);
  requireAdsRead(caller);
  settleReplace(world, found.audience);
  return { caller, ...found };
}

/** Checks shared by update and delete: the audience, quota, permission, task and terms. */
function writableAudience(c: Context<GraphEnv>, method: string) {
  const world = c.var.world;
  const caller = authenticate(c);
  const found = visibleAudience(world, caller, audienceIdOf(c), method);
  chargeCustomAudienceCall(c, found.account);
  requireAdsManagement(caller);
  if (!canWrite(world, found.account, caller)) throw cannotUpdateAudience(found.audience.id);
  requireTerms(found.account);
  return found;
}

function updateAudience(c: Context<GraphEnv>) {
  const world = c.var.world;
  const { audience } = writableAudience(c, 'POST');
  if (audience.operationStatus === 471) throw flaggedAudienceEdit();
  const params = c.var.params;
  if (params.is_value_based !== undefined) {
    throw invalidParameter('is_value_based cannot be changed after an audience is created');
  }
  const name = optionalString(params, 'name');
  if (name !== undefined && !name.trim()) throw invalidParameter('name must not be empty');
  const source = optionalString(params, 'customer_file_source');
  if (source !== undefined && !CUSTOMER_FILE_SOURCES.includes(source)) {
    throw invalidParameter(
      `customer_file_source must be one of ${CUSTOMER_FILE_SOURCES.join(', ')}`,
    );
  }
  if (name !== undefined) audience.name = name;
  audience.description = optionalString(params, 'description') ?? audience.description;
  audience.optOutLink = optionalString(params, 'opt_out_link') ?? audience.optOutLink;
  if (source !== undefined) audience.customerFileSource = source;
  if (params.retention_days !== undefined) audience.retentionDays = retentionDays(params);
  audience.timeUpdated = world.nowSeconds();
  return c.json({ success: true });
}

function deleteAudience(c: Context<GraphEnv>) {
  const world = c.var.world;
  const { audience } = writableAudience(c, 'DELETE');
  const hasLookalikes = [...world.audiences.values()].some(
    (other) => !other.deleted && other.originAudienceId === audience.id,
  );
  if (hasLookalikes) throw lookalikesExist();
  audience.deleted = true;
  return c.json({ success: true });
}

function describeSession(upload: UploadSession) {
  return {
    session_id: upload.id,
    start_time: Math.floor(upload.startedAtMs / 1000),
    end_time: upload.finishedAtMs ? Math.floor(upload.finishedAtMs / 1000) : 0,
    num_received: upload.numReceived,
    num_matched: 0,
    num_invalid_entries: upload.numInvalidEntries,
    progress: upload.finished ? 100 : 0,
    stage: upload.finished ? 'finished' : 'uploading',
  };
}
