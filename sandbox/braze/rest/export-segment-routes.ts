import { Hono } from 'hono';
import type { ExportJobs, OutputFormat } from '../exports/jobs.ts';
import type { Workspace } from '../segments/workspace.ts';
import { SEGMENT_EXPORT_FIELDS } from '../users/export-fields.ts';
import { type AuthEnv, requirePermission } from './auth.ts';
import { brazeError } from './errors.ts';
import { fieldsProblem, isStringArray, jsonObject } from './request-body.ts';

const MAX_CUSTOM_ATTRIBUTES = 500;

export interface ExportSegmentDeps {
  workspace: Workspace;
  jobs: ExportJobs;
}

/** `POST /users/export/segment` and `POST /export/segment/cancel` (reference §1.4). */
export function exportSegmentRoutes({ workspace, jobs }: ExportSegmentDeps) {
  return new Hono<AuthEnv>()
    .post('/users/export/segment', requirePermission('users.export.segment'), async (c) => {
      const body = await jsonObject(c);
      if (!body) return brazeError(c, 400, 'Bad Request: the body must be a JSON object');
      const { segment_id, callback_endpoint, output_format = 'zip' } = body;
      const { fields_to_export, custom_attributes_to_export } = body;
      if (typeof segment_id !== 'string') return brazeError(c, 400, 'segment_id is required');
      const segment = workspace.byApiId(segment_id);
      if (!segment) return brazeError(c, 400, 'Invalid Segment ID');
      const fields = fieldsProblem(fields_to_export, SEGMENT_EXPORT_FIELDS);
      if (fields) return brazeError(c, 400, fields);
      if (custom_attributes_to_export !== undefined) {
        if (!isStringArray(custom_attributes_to_export)) {
          return brazeError(c, 400, 'custom_attributes_to_export must be an array of names');
        }
        if (custom_attributes_to_export.length > MAX_CUSTOM_ATTRIBUTES) {
          return brazeError(
            c,
            400,
            `custom_attributes_to_export accepts at most ${MAX_CUSTOM_ATTRIBUTES} names`,
          );
        }
      }
      if (output_format !== 'zip' && output_format !== 'gzip') {
        return brazeError(c, 400, 'output_format must be zip or gzip');
      }
      if (callback_endpoint !== undefined && !isHttpUrl(callback_endpoint)) {
        return brazeError(c, 400, 'callback_endpoint must be an http or https URL');
      }
      const started = jobs.start({
        segment,
        projection: {
          fields_to_export: fields_to_export as string[],
          custom_attributes_to_export: custom_attributes_to_export as string[] | undefined,
        },
        outputFormat: output_format as OutputFormat,
        callbackEndpoint: callback_endpoint as string | undefined,
        storageUrl: `${new URL(c.req.url).origin}/storage/segment-export`,
      });
      if ('refused' in started) {
        return brazeError(
          c,
          429,
          started.refused === 'segment-busy'
            ? 'An export of this segment is already running'
            : 'Too many concurrent segment exports',
        );
      }
      return c.json({
        message: 'success',
        object_prefix: started.job.prefix,
        url: started.job.url,
      });
    })
    .post('/export/segment/cancel', requirePermission('segments.list'), async (c) => {
      const body = await jsonObject(c);
      const segmentId = body?.segment_id;
      if (typeof segmentId !== 'string') return brazeError(c, 400, 'segment_id is required');
      if (!workspace.byApiId(segmentId)) return brazeError(c, 400, 'Invalid Segment ID');
      jobs.cancel(segmentId);
      return c.json({ message: 'success' });
    });
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
