import { z } from 'zod';
import { API_IDENTIFIER, MAX_SEGMENT_NAME, OBJECT_ID, type Segment } from './segment.ts';

/** A segment as a content script reports it: untrusted until it passes this schema. */
export const segmentSchema = z.object({
  host: z.string().min(1).max(260),
  segmentId: z.string().regex(OBJECT_ID),
  workspaceId: z.string().regex(OBJECT_ID),
  name: z.string().trim().min(1).max(MAX_SEGMENT_NAME),
  apiIdentifier: z.string().regex(API_IDENTIFIER).optional(),
}) satisfies z.ZodType<Segment>;
