import { z } from 'zod';
import { normalizeRestEndpoint } from '../braze-rest-endpoint.ts';

/**
 * `PUT /v1/sources/braze`: the REST endpoint, or the dashboard address it is derived from,
 * and a REST API key (checked with Braze before it is stored, encrypted).
 */
export const brazeSettingsRequest = z
  .object({
    restEndpoint: z
      .string()
      .max(500)
      .refine((value) => normalizeRestEndpoint(value) !== null, {
        message: 'must be an https URL, like https://rest.iad-01.braze.com',
      })
      .optional()
      .describe('From Braze: Settings > APIs and Identifiers > API Keys.'),
    dashboardUrl: z
      .string()
      .max(2000)
      .optional()
      .describe('Any dashboard address (a segment page): the endpoint is derived from its host.'),
    apiKey: z.string().trim().min(8).max(200).describe('A REST API key of the Braze workspace.'),
  })
  .refine((body) => (body.restEndpoint === undefined) !== (body.dashboardUrl === undefined), {
    message: 'give either restEndpoint or dashboardUrl',
  });
export type BrazeSettingsRequest = z.infer<typeof brazeSettingsRequest>;

/** The settings as anyone in the workspace may see them: never the key, only its end. */
export const brazeSettingsResponse = z.discriminatedUnion('configured', [
  z.object({ configured: z.literal(false) }),
  z.object({
    configured: z.literal(true),
    restEndpoint: z.string(),
    keyHint: z.string().describe('The key masked but for its last 4 characters.'),
    savedAt: z.iso.datetime(),
  }),
]);
export type BrazeSettingsResponse = z.infer<typeof brazeSettingsResponse>;

export const brazeSegment = z.object({
  id: z.string().describe('The Segment API identifier (what exports use).'),
  name: z.string(),
  tags: z.array(z.string()),
});
export type BrazeSegment = z.infer<typeof brazeSegment>;

export const brazeSegmentsResponse = z.object({
  segments: z
    .array(brazeSegment)
    .describe('Active segments, oldest first (archived ones excluded).'),
});
export type BrazeSegmentsResponse = z.infer<typeof brazeSegmentsResponse>;

/** What the content script reads from a dashboard segment page. */
export const brazeResolveRequest = z.object({
  segmentId: z
    .string()
    .min(1)
    .max(100)
    .describe("The dashboard's internal id (24 hex) from the URL."),
  workspaceId: z.string().min(1).max(100).describe("The dashboard's app group id from the URL."),
  name: z.string().min(1).max(500).describe("The segment's name as the page shows it."),
  apiIdentifier: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("The API identifier from the page's footer, when it had appeared."),
});
export type BrazeResolveRequest = z.infer<typeof brazeResolveRequest>;

export const brazeResolveResponse = z.object({ segment: brazeSegment });
export type BrazeResolveResponse = z.infer<typeof brazeResolveResponse>;
