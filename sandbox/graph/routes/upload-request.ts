import type { Context } from 'hono';
import {
  canWrite,
  chargeCustomAudienceCall,
  requireAdsManagement,
  requireTerms,
  visibleAudience,
} from '../access.ts';
import { checkRows, parseSchema, type RowCheck, type UploadSchema } from '../audience-rows.ts';
import { authenticate } from '../auth.ts';
import type { GraphEnv } from '../context.ts';
import {
  cannotUpdateAudience,
  invalidParameter,
  updateFailed,
  uploadBlocked,
  valueRequired,
} from '../errors.ts';
import { requiredObject } from '../params.ts';
import { parseSession, type SessionParams, settleReplace } from '../upload-sessions.ts';
import type { AdAccount, Audience, UploadOperation } from '../world.ts';

/** Audiences this large can't be replaced (reference §4.6, 1870144). */
export const MAX_REPLACE_SIZE = 100_000_000;

export interface UploadRequest {
  audience: Audience;
  account: AdAccount;
  schema: UploadSchema;
  payload: Record<string, unknown>;
  session: SessionParams;
}

/**
 * Everything /users and /usersreplace check before looking at sessions: the token, access to
 * the audience, the quota, `ads_management`, a write task, the terms, the audience's state
 * (lookalike, integrity flag) and the payload's schema against a value-based audience.
 */
export function readUploadRequest(c: Context<GraphEnv>, method: string): UploadRequest {
  const world = c.var.world;
  const caller = authenticate(c);
  const { audience, account } = visibleAudience(
    world,
    caller,
    c.req.param('audienceId') ?? '',
    method,
  );
  chargeCustomAudienceCall(c, account);
  requireAdsManagement(caller);
  if (!canWrite(world, account, caller)) throw cannotUpdateAudience(audience.id);
  requireTerms(account);
  if (audience.subtype !== 'CUSTOM') {
    throw invalidParameter('Members can only be changed on customer file custom audiences');
  }
  if (audience.operationStatus === 471) throw uploadBlocked();
  settleReplace(world, audience);
  const payload = requiredObject(c.var.params, 'payload');
  const schema = parseSchema(payload.schema, payload.is_raw);
  if (audience.isValueBased && !schema.hasValue) throw valueRequired();
  if (!audience.isValueBased && schema.hasValue) {
    throw invalidParameter('LOOKALIKE_VALUE can only be sent to a value-based custom audience');
  }
  const session = parseSession(optionalSession(c));
  return { audience, account, schema, payload, session };
}

function optionalSession(c: Context<GraphEnv>): unknown {
  const value = c.var.params.session;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw invalidParameter('Param session must be JSON');
  }
}

/**
 * Checks the rows and, for uploads that add members, the audience's data-source lock: once
 * filled with one kind of data (single-key hashes, multi-key, MADIDs, external ids) an
 * audience refuses another (observed, reference §4.5).
 */
export function checkUploadRows(request: UploadRequest, operation: UploadOperation): RowCheck {
  const check = checkRows(request.schema, request.payload.data);
  const locked = request.audience.dataSource;
  if (operation !== 'remove' && locked && locked !== request.schema.dataSource) {
    throw updateFailed(
      `This audience was created from data source FILE_IMPORTED.${locked}, which does not support data source FILE_IMPORTED.${request.schema.dataSource}.`,
    );
  }
  return check;
}

/** The rows of this request, counted for `num_received` (valid or not). */
export function rowCount(request: UploadRequest): number {
  const data = request.payload.data;
  return Array.isArray(data) ? data.length : 0;
}
