import { z } from 'zod';

/**
 * Where an export job is. `queued` waits for a slot (bounded concurrency per workspace and
 * per ad account); `resolving` checks the ad account and creates the audiences; `exporting`
 * opens the source (a Braze segment export is prepared by Braze first); `filtering` reads
 * users through the consent filters; `uploading` sends one audience's batches; then one of
 * the three ends. A `failed` job with `resumable: true` can be resumed once the cause is fixed.
 */
export const EXPORT_PHASES = [
  'queued',
  'resolving',
  'exporting',
  'filtering',
  'uploading',
  'done',
  'failed',
  'cancelled',
] as const;
export type ExportPhase = (typeof EXPORT_PHASES)[number];

export const ENDED_PHASES: readonly ExportPhase[] = ['done', 'failed', 'cancelled'];

const count = z.number().int().nonnegative();

export const phaseEvent = z.object({
  type: z.literal('phase'),
  phase: z.enum(EXPORT_PHASES),
  audience: z.string().optional().describe('For `uploading`: the plan audience being sent.'),
  at: z.iso.datetime(),
});

export const audienceProgress = z.object({
  audience: z.string(),
  sent: count.describe('Rows Meta acknowledged.'),
  batches: count.describe('Batches Meta acknowledged.'),
  received: count.describe("Meta's num_received, summed."),
  invalid: count.describe("Meta's num_invalid_entries, summed."),
});

export const progressEvent = z.object({
  type: z.literal('progress'),
  read: count.describe('Users read from the source so far.'),
  eligible: count.describe('Users every consent filter kept.'),
  sent: count.describe('Rows Meta acknowledged, all audiences.'),
  invalid: count.describe("Meta's invalid entries, all audiences."),
  fields: z
    .array(z.object({ audience: z.string(), key: z.string(), valid: count, unusable: count }))
    .describe(
      'Per field of each audience: users with a usable value, and with only unusable ones.',
    ),
  audiences: z.array(audienceProgress),
  rowsPerSecond: z
    .number()
    .nonnegative()
    .describe('Rows acknowledged per second since the run started.'),
  at: z.iso.datetime(),
});

export const errorEvent = z.object({
  type: z.literal('error'),
  code: z.string().describe('An error catalog code: describeError(code) explains it.'),
  message: z.string(),
  retrying: z.boolean().describe('True while the relay retries by itself (throttled, transient).'),
  audience: z.string().optional(),
  at: z.iso.datetime(),
});

export const endEvent = z.object({
  type: z.literal('end'),
  status: z.enum(['done', 'failed', 'cancelled']),
  resumable: z.boolean(),
  at: z.iso.datetime(),
});

/**
 * One Server-Sent Event of `GET /v1/exports/:id/events`: the SSE `event` field is `type`,
 * `data` is this object as JSON and `id` its sequence number in the job (1, 2, 3…), so
 * `Last-Event-ID` resumes a dropped stream exactly after the last event seen.
 */
export const exportEvent = z.discriminatedUnion('type', [
  phaseEvent,
  progressEvent,
  errorEvent,
  endEvent,
]);
export type ExportEvent = z.infer<typeof exportEvent>;
