import { Hono } from 'hono';
import {
  FILE_FORMATS,
  type UploadLimitsResponse,
  uploadId,
  uploadLimitsResponse,
  uploadPreviewRequest,
  uploadPreviewResponse,
  uploadResponse,
} from '../../shared/relay-api/uploads.ts';
import { ApiError } from '../http/api-error.ts';
import { bodyLimit } from '../http/body-limit.ts';
import { jsonBody } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import { previewFile } from '../sources/file/preview-file.ts';
import { UnreadableFileError } from '../sources/file/unreadable-file-error.ts';
import type { UploadSpool } from '../sources/file/upload-spool.ts';

export const uploadOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/uploads/limits',
    tag: 'exports',
    access: 'session',
    summary: 'What the relay accepts as an upload',
    description: 'Lets a client refuse a file that is too large before sending it.',
    responses: { 200: { description: 'The limits.', body: uploadLimitsResponse } },
  },
  {
    method: 'post',
    path: '/v1/uploads',
    tag: 'exports',
    access: 'session',
    summary: 'Upload a CSV or NDJSON file to export',
    description:
      'The body is the file itself (any content type), streamed to the relay and held encrypted until the export that names it ends; larger than RELAY_UPLOAD_BODY_LIMIT is `upload_too_large` (413, with `limitBytes`).',
    responses: { 201: { description: 'Stored.', body: uploadResponse } },
  },
  {
    method: 'post',
    path: '/v1/uploads/{uploadId}/preview',
    tag: 'exports',
    access: 'session',
    summary: 'How an export would read an upload',
    description:
      'Reads the first rows of the upload with the given mapping: its format, each column and the field it feeds, the rows that cannot be read (by line). Columns that feed no field at all come back with every `field` null, for a mapping to fix; `unreadable_file` (422, with `reason`) when no mapping could help (an unreadable header); `upload_not_found` (404).',
    pathParams: { uploadId: 'The upload id.' },
    requestBody: uploadPreviewRequest,
    responses: { 200: { description: 'The preview.', body: uploadPreviewResponse } },
  },
];

export interface UploadRoutesOptions {
  spool: UploadSpool;
  jsonLimit: number;
  uploadLimit: number;
}

export function uploadRoutes({ spool, jsonLimit, uploadLimit }: UploadRoutesOptions) {
  return new Hono<RelayEnv>()
    .get('/uploads/limits', (c) =>
      c.json({ maxBytes: uploadLimit, formats: [...FILE_FORMATS] } satisfies UploadLimitsResponse),
    )
    .post('/uploads', bodyLimit(uploadLimit, 'upload_too_large'), async (c) => {
      const body = c.req.raw.body ?? new Blob([]).stream();
      return c.json(await spool.write(c.get('session').workspaceId, body), 201);
    })
    .post('/uploads/:uploadId/preview', jsonBody(uploadPreviewRequest, jsonLimit), async (c) => {
      const workspaceId = c.get('session').workspaceId;
      const id = c.req.param('uploadId');
      if (!uploadId.safeParse(id).success || !spool.exists(workspaceId, id)) {
        throw new ApiError('upload_not_found', `No upload ${id} in this workspace.`);
      }
      try {
        return c.json(await previewFile(spool.read(workspaceId, id), c.req.valid('json')));
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        throw new ApiError('unreadable_file', error.message, { reason: error.reason });
      }
    });
}
