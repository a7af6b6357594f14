import { z } from 'zod';
import { columnMapping, SOURCE_FIELDS } from '../column-mapping.ts';
import { SOURCE_PROBLEMS } from '../export-report.ts';

export const FILE_FORMATS = ['csv', 'ndjson'] as const;

export const uploadId = z.string().regex(/^[\w-]{10,64}$/);

export const uploadResponse = z.object({
  uploadId: z.string().describe('Name it in `source.uploadId` of POST /v1/exports.'),
  bytes: z.number().int().nonnegative(),
});
export type UploadResponse = z.infer<typeof uploadResponse>;

/** `GET /v1/uploads/limits`: what a client checks before sending a file. */
export const uploadLimitsResponse = z.object({
  maxBytes: z.number().int().positive().describe('A larger body is refused: `upload_too_large`.'),
  formats: z.array(z.enum(FILE_FORMATS)),
});
export type UploadLimitsResponse = z.infer<typeof uploadLimitsResponse>;

export const uploadPreviewRequest = z.object({
  format: z.enum(FILE_FORMATS).optional().describe('Read from the content when absent.'),
  mapping: columnMapping.optional().describe('Column name → field, over the recognised names.'),
});
export type UploadPreviewRequest = z.infer<typeof uploadPreviewRequest>;

/** How an export would read an upload, from its first rows. */
export const uploadPreviewResponse = z.object({
  format: z.enum(FILE_FORMATS),
  columns: z
    .array(
      z.object({
        name: z.string().describe('As the file writes it (a CSV header, an NDJSON key).'),
        field: z
          .enum(SOURCE_FIELDS)
          .nullable()
          .describe('The field it feeds; null when it feeds none (kept as a custom attribute).'),
      }),
    )
    .describe('In file order; NDJSON keys in the order they first appear.'),
  rowsRead: z.number().int().nonnegative().describe('Data rows read, malformed ones included.'),
  malformed: z.number().int().nonnegative(),
  malformedSample: z
    .array(z.object({ line: z.number().int().positive(), problem: z.enum(SOURCE_PROBLEMS) }))
    .describe('The first malformed rows, by line number.'),
  complete: z.boolean().describe('Whether the whole file was read (else only its first rows).'),
});
export type UploadPreviewResponse = z.infer<typeof uploadPreviewResponse>;
