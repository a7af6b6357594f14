import { Hono } from 'hono';
import { ingestRequest, ingestResponse } from '../../shared/relay-api/syncs.ts';
import { readJson } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import type { SyncRepository } from '../store/syncs.ts';
import { authenticateIngest } from '../syncs/ingest/ingest-auth.ts';
import { parseIngestBody } from '../syncs/ingest/ingest-body.ts';
import { ingestUsers } from '../syncs/ingest/ingest-users.ts';

export const ingestOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/ingest/{syncId}',
    tag: 'syncs',
    // No session: the sync's own ingest secret, checked by the route.
    access: 'public',
    summary: "Send users to a sync (a journey's webhook)",
    description:
      "`Authorization: Bearer <the sync's ingest secret>`. One user object or an array (at most 1,000), shaped like Braze's user export object; each is hashed on arrival and queued before the answer. `ingest_unauthorized` (401) for a wrong, rotated or other sync's secret and for an unknown sync id; `sync_not_active` (409) unless the sync is active; `payload_too_large` (413) over RELAY_INGEST_BODY_LIMIT.",
    pathParams: { syncId: 'The sync id, as its ingest URL shows it.' },
    requestBody: ingestRequest,
    responses: {
      202: { description: 'Queued.', body: ingestResponse },
      401: { description: '`ingest_unauthorized`.' },
      409: { description: '`sync_not_active`.' },
    },
  },
];

export interface IngestRoutesOptions {
  syncs: SyncRepository;
  /** `RELAY_INGEST_BODY_LIMIT`. */
  maxBytes: number;
  now?: () => Date;
}

export function ingestRoutes({ syncs, maxBytes, now = () => new Date() }: IngestRoutesOptions) {
  return new Hono<RelayEnv>().post('/ingest/:syncId', async (c) => {
    // The secret first: nobody else's body is read at all.
    const sync = await authenticateIngest(
      syncs,
      c.req.param('syncId'),
      c.req.header('authorization'),
    );
    const users = parseIngestBody(await readJson(c.req.raw, maxBytes));
    return c.json(await ingestUsers(syncs, sync, users, now()), 202);
  });
}
