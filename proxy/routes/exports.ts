import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { exportEvent } from '../../shared/export-events.ts';
import {
  createExportRequest,
  exportJobView,
  exportListResponse,
} from '../../shared/relay-api/exports.ts';
import { jsonBody, validated } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ExportJobs } from '../jobs/export-jobs.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import type { StoredExportEvent } from '../store/export-jobs.ts';

const exportId = { exportId: 'The export id.' };
const jobResponse = (description: string) => ({ description, body: exportJobView });

export const exportOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/exports',
    tag: 'exports',
    access: 'session',
    summary: 'Start an export into Facebook audiences',
    description:
      'From an upload or a Braze segment, into one audience per field (`per-field`) or one multi-key audience, in an ad account the token can see. Queued at once; follow it with GET /v1/exports/{exportId}/events.',
    requestBody: createExportRequest,
    responses: { 202: jobResponse('Queued.') },
  },
  {
    method: 'get',
    path: '/v1/exports',
    tag: 'exports',
    access: 'session',
    summary: 'Export history, newest first, with reports',
    queryParams: { limit: 'At most this many (1-200, default 50).' },
    responses: { 200: { description: 'The exports.', body: exportListResponse } },
  },
  {
    method: 'get',
    path: '/v1/exports/{exportId}',
    tag: 'exports',
    access: 'session',
    summary: 'One export and its report',
    pathParams: exportId,
    responses: { 200: jobResponse('The export.') },
  },
  {
    method: 'post',
    path: '/v1/exports/{exportId}/cancel',
    tag: 'exports',
    access: 'session',
    summary: 'Cancel an export',
    description:
      'A queued export is cancelled at once; a running one stops after the batch in flight (batches Meta acknowledged stay in the audience).',
    pathParams: exportId,
    responses: { 200: jobResponse('The export, cancelled or stopping.') },
  },
  {
    method: 'post',
    path: '/v1/exports/{exportId}/resume',
    tag: 'exports',
    access: 'session',
    summary: 'Resume a stopped export once its cause is fixed',
    description: '`export_not_resumable` (409) unless the export failed with `resumable: true`.',
    pathParams: exportId,
    responses: { 202: jobResponse('Queued again.') },
  },
  {
    method: 'get',
    path: '/v1/exports/{exportId}/events',
    tag: 'exports',
    access: 'session',
    summary: 'Follow an export (Server-Sent Events)',
    description:
      'text/event-stream of `phase`, `progress`, `error` and `end` events (shared/export-events.ts), each with an `id`; send `Last-Event-ID` to continue after it. Heartbeat comments keep the stream open; it closes after `end` and when the relay stops.',
    pathParams: exportId,
    responses: { 200: { description: 'The event stream.', body: exportEvent } },
  },
];

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export interface ExportRoutesOptions {
  exports: ExportJobs;
  jsonLimit: number;
  /** Between SSE heartbeat comments. */
  heartbeatMs?: number;
}

export function exportRoutes({ exports, jsonLimit, heartbeatMs = 15_000 }: ExportRoutesOptions) {
  return new Hono<RelayEnv>()
    .post('/exports', jsonBody(createExportRequest, jsonLimit), async (c) =>
      c.json(await exports.create(c.get('session').workspaceId, c.req.valid('json')), 202),
    )
    .get('/exports', async (c) => {
      const { limit } = validated(listQuery, { limit: c.req.query('limit') });
      return c.json({ exports: await exports.list(c.get('session').workspaceId, limit) });
    })
    .get('/exports/:exportId', async (c) =>
      c.json(await exports.get(c.get('session').workspaceId, c.req.param('exportId'))),
    )
    .post('/exports/:exportId/cancel', async (c) =>
      c.json(await exports.cancel(c.get('session').workspaceId, c.req.param('exportId'))),
    )
    .post('/exports/:exportId/resume', async (c) =>
      c.json(await exports.resume(c.get('session').workspaceId, c.req.param('exportId')), 202),
    )
    .get('/exports/:exportId/events', async (c) => {
      const lastId = Number(c.req.header('last-event-id') ?? 0);
      const queue: (StoredExportEvent | 'closed')[] = [];
      let wake: (() => void) | undefined;
      const { backlog, ended, stop } = await exports.follow(
        c.get('session').workspaceId,
        c.req.param('exportId'),
        Number.isInteger(lastId) && lastId > 0 ? lastId : 0,
        (event) => {
          queue.push(event);
          wake?.();
        },
      );
      return streamSSE(c, async (stream) => {
        const send = ({ id, event }: StoredExportEvent) =>
          stream.writeSSE({ id: String(id), event: event.type, data: JSON.stringify(event) });
        const heartbeat = setInterval(() => {
          wake?.();
          void stream.write(': heartbeat\n\n');
        }, heartbeatMs);
        stream.onAbort(() => {
          queue.push('closed');
          wake?.();
        });
        try {
          for (const event of backlog) await send(event);
          let open = !ended;
          while (open) {
            const next = queue.shift();
            if (next === undefined) {
              await new Promise<void>((resolve) => {
                wake = resolve;
              });
              continue;
            }
            if (next === 'closed') break;
            await send(next);
            if (next.event.type === 'end') open = false;
          }
        } finally {
          clearInterval(heartbeat);
          stop();
        }
      });
    });
}
