import { z } from 'zod';
import { audiencePlan } from '../audience-plan.ts';
import { columnMapping } from '../column-mapping.ts';
import { consentOverrides } from '../consent-settings.ts';
import { EXPORT_PHASES } from '../export-events.ts';
import { exportReport } from '../export-report.ts';
import { adAccountId } from './ad-account-id.ts';
import { FILE_FORMATS, uploadId } from './uploads.ts';

const timestamp = z.iso.datetime();

export const fileSource = z.object({
  kind: z.literal('file'),
  uploadId,
  format: z.enum(FILE_FORMATS).optional().describe('Read from the content when absent.'),
  mapping: columnMapping.optional().describe('Column name → field, over the recognised names.'),
  name: z.string().trim().min(1).max(200).optional().describe('What the file holds, e.g. "VIPs".'),
});

export const brazeSource = z.object({
  kind: z.literal('braze'),
  segmentId: z.string().trim().min(1).max(200).describe("The segment's API identifier."),
  segmentName: z.string().trim().min(1).max(200).optional(),
});

export const createExportRequest = z.object({
  source: z.discriminatedUnion('kind', [fileSource, brazeSource]),
  adAccountId,
  plan: audiencePlan,
  consent: consentOverrides.optional(),
  audienceNames: z
    .record(z.string(), z.string().trim().min(1).max(200))
    .optional()
    .describe(
      'Plan audience id (EMAIL, PHONE, MADID, … or MULTI_KEY) → name; default `<segment> — Email`.',
    ),
  customerFileSource: z
    .enum(['USER_PROVIDED_ONLY', 'PARTNER_PROVIDED_ONLY', 'BOTH_USER_AND_PARTNER_PROVIDED'])
    .default('USER_PROVIDED_ONLY'),
  defaultCountry: z.string().trim().min(2).max(60).optional(),
  batchSize: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .describe('Rows per request; 10,000 by default.'),
});
export type CreateExportRequest = z.infer<typeof createExportRequest>;

export const exportAudienceView = z.object({
  audience: z.string().describe('The plan audience id.'),
  name: z.string(),
  facebookAudienceId: z.string(),
  adsManagerUrl: z.url(),
});
export type ExportAudienceView = z.infer<typeof exportAudienceView>;

export const exportJobView = z.object({
  id: z.string(),
  status: z.enum(EXPORT_PHASES),
  adAccountId: z.string(),
  source: z.object({ kind: z.enum(['file', 'braze']), name: z.string() }),
  createdAt: timestamp,
  updatedAt: timestamp,
  finishedAt: timestamp.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  resumable: z.boolean().describe('A failed export that continues where it stopped once fixed.'),
  audiences: z.array(exportAudienceView),
  report: exportReport.nullable().describe('The counts so far; final once the export ended.'),
});
export type ExportJobView = z.infer<typeof exportJobView>;

export const exportListResponse = z.object({ exports: z.array(exportJobView) });
export type ExportListResponse = z.infer<typeof exportListResponse>;

export const lookalikeRequest = z.object({
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'ISO alpha-2, e.g. US'))
    .min(1)
    .max(25),
  ratio: z.number().min(0.01).max(0.2).describe('0.01 (1 %) to 0.20 (20 %).'),
  name: z.string().trim().min(1).max(200).optional(),
});
export type LookalikeRequest = z.infer<typeof lookalikeRequest>;

export const lookalikeResponse = z.object({
  id: z.string(),
  name: z.string(),
  originAudienceId: z.string(),
  adsManagerUrl: z.url(),
});
export type LookalikeResponse = z.infer<typeof lookalikeResponse>;

/** Where a marketer sees an audience (it opens Ads Manager's audience list on it). */
export function adsManagerUrl(adAccountId: string, audienceId: string): string {
  return `https://adsmanager.facebook.com/adsmanager/audiences?act=${encodeURIComponent(adAccountId)}&ids=${encodeURIComponent(audienceId)}`;
}
