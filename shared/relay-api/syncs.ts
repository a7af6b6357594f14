import { z } from 'zod';
import { consentOverrides } from '../consent-settings.ts';
import { MATCH_KEYS } from '../match-keys/keys.ts';
import { adAccountId } from './ad-account-id.ts';

/**
 * Continuous Audience Sync (Braze's "Audience Sync to Facebook" step as a relay feature): users
 * POSTed to a sync's ingest URL are added to (or removed from) one Facebook Custom Audience,
 * every 5 seconds, in batches of at most 10,000.
 */

const timestamp = z.iso.datetime();
const audienceName = z.string().trim().min(1).max(200);

/** draft: being set up; active: ingesting and delivering; paused: ingest refused (409), queue kept; errored: delivery stopped on a cause the admin must fix (queue kept). */
export const SYNC_STATUSES = ['draft', 'active', 'paused', 'errored'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export const SYNC_ACTIONS = ['add', 'remove'] as const;
export type SyncAction = (typeof SYNC_ACTIONS)[number];

/** Matching is OR: a user with any one of these is sent. One field: the single-key schema; several: one multi-key row per user. */
export const syncFields = z
  .array(z.enum(MATCH_KEYS))
  .min(1, 'choose at least one field to match')
  .refine((keys) => new Set(keys).size === keys.length, 'each field only once');

/** Which audience a sync fills: one the relay creates at launch, or one that already exists. */
export const syncAudienceChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new'), name: audienceName }),
  z.object({
    kind: z.literal('existing'),
    facebookAudienceId: z.string().regex(/^\d+$/, 'a Facebook audience id (digits)'),
  }),
]);
export type SyncAudienceChoice = z.infer<typeof syncAudienceChoice>;

/**
 * A draft may be saved incomplete (Braze saves a step before it is valid); launch names
 * what is missing. Hence every field but `name` is optional here.
 */
const syncSettings = z.object({
  name: z.string().trim().min(1).max(200).describe('What the sync is for, e.g. "Cart abandoners".'),
  adAccountId: adAccountId.optional(),
  audience: syncAudienceChoice.optional(),
  action: z.enum(SYNC_ACTIONS),
  fields: syncFields.optional(),
  consent: consentOverrides.optional().describe("Over the workspace's consent defaults."),
  defaultCountry: z.string().trim().min(2).max(60).optional(),
});
export const createSyncRequest = syncSettings.extend({
  action: z.enum(SYNC_ACTIONS).default('add'),
});
export type CreateSyncRequest = z.infer<typeof createSyncRequest>;

/**
 * A change. A draft may change anything. Once launched (active, paused or errored) only
 * `name`, `consent` and `defaultCountry` may change, applying to users ingested from then on;
 * the ad account, audience, action and fields are what queued rows were hashed and created
 * for, so changing them is refused with `sync_not_editable` (make a new sync instead).
 */
export const updateSyncRequest = syncSettings.partial();
export type UpdateSyncRequest = z.infer<typeof updateSyncRequest>;

/** The five numbers Braze shows for a sync step (reference §3.2 "Analytics metrics"). */
export const syncCounts = z.object({
  entered: z.number().int().nonnegative().describe('Users POSTed to the ingest URL and accepted.'),
  synced: z.number().int().nonnegative().describe('Users Meta acknowledged.'),
  notSynced: z
    .number()
    .int()
    .nonnegative()
    .describe('No usable field to match, or removed by a consent filter.'),
  pending: z.number().int().nonnegative().describe('Queued, not yet acknowledged by Meta.'),
  errored: z
    .number()
    .int()
    .nonnegative()
    .describe('Given up after the retry window (13 hours by default).'),
});
export type SyncCounts = z.infer<typeof syncCounts>;

export const syncView = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(SYNC_STATUSES),
  adAccountId: z.string().nullable(),
  audience: z
    .object({
      kind: z.enum(['new', 'existing']),
      name: z.string().nullable(),
      facebookAudienceId: z.string().nullable().describe('Null for a new audience before launch.'),
      adsManagerUrl: z.url().nullable(),
    })
    .nullable(),
  action: z.enum(SYNC_ACTIONS),
  fields: z.array(z.enum(MATCH_KEYS)),
  consent: consentOverrides,
  defaultCountry: z.string().nullable(),
  ingestUrl: z.url().describe('POST users here with `Authorization: Bearer <ingest secret>`.'),
  error: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .describe('Why an errored sync stopped; look the code up in the error catalog.'),
  counts: syncCounts,
  createdAt: timestamp,
  updatedAt: timestamp,
  launchedAt: timestamp.nullable(),
});
export type SyncView = z.infer<typeof syncView>;

export const syncListResponse = z.object({ syncs: z.array(syncView) });

/** The ingest secret, readable by admins of the workspace (to paste into a Canvas webhook). */
export const syncSecretResponse = z.object({
  secret: z.string(),
  rotatedAt: timestamp,
});

/** Why a sync may not launch: one entry per reason, each a catalog code with its message. */
export const launchRefusal = z.object({
  code: z.string().describe('Error catalog code, e.g. facebook_tos_not_accepted.'),
  message: z.string(),
  field: z.string().optional().describe('The editor field to fix, when there is one.'),
});
export const launchCheckResponse = z.object({
  ok: z.boolean(),
  refusals: z.array(launchRefusal),
  warnings: z
    .array(launchRefusal)
    .describe('Launch goes ahead, e.g. a remove-sync on an audience under about 1,000 users.'),
});
export type LaunchCheckResponse = z.infer<typeof launchCheckResponse>;

/** One customer-file audience of an ad account, and whether a sync can use it. */
export const syncableAudience = z.object({
  id: z.string(),
  name: z.string(),
  approximateCount: z.number().int().nullable(),
  usable: z.boolean(),
  reason: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .describe('Why not: value-based (with the workaround), integrity-flagged (471), not editable.'),
});
export const syncableAudiencesResponse = z.object({ audiences: z.array(syncableAudience) });

/** Per-minute buckets, oldest first; minutes with nothing are omitted. */
export const syncSeriesPoint = z.object({
  minute: timestamp,
  entered: z.number().int().nonnegative(),
  synced: z.number().int().nonnegative(),
  notSynced: z.number().int().nonnegative(),
  errored: z.number().int().nonnegative(),
});
export const syncMetricsResponse = z.object({
  counts: syncCounts,
  series: z.array(syncSeriesPoint),
  from: timestamp,
  to: timestamp,
});
export type SyncMetricsResponse = z.infer<typeof syncMetricsResponse>;

/**
 * A user as Braze's user export object has it (reference §1.7), the fields a sync reads.
 * Unknown fields are ignored (a Canvas webhook may send more); a wrong type is an error.
 */
export const ingestUser = z
  .object({
    external_id: z.string().max(512).optional(),
    email: z.string().max(512).nullable().optional(),
    phone: z.string().max(128).nullable().optional(),
    first_name: z.string().max(256).nullable().optional(),
    last_name: z.string().max(256).nullable().optional(),
    dob: z.string().max(32).nullable().optional(),
    gender: z.string().max(32).nullable().optional(),
    country: z.string().max(64).nullable().optional(),
    home_city: z.string().max(256).nullable().optional(),
    email_subscribe: z.string().max(32).nullable().optional(),
    devices: z
      .array(
        z
          .object({
            idfa: z.string().max(128).nullable().optional(),
            google_ad_id: z.string().max(128).nullable().optional(),
            ad_tracking_enabled: z.boolean().nullable().optional(),
          })
          .loose(),
      )
      .max(50)
      .optional(),
    custom_attributes: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type IngestUser = z.infer<typeof ingestUser>;

/** Most users one ingest request may carry (the body is also capped in bytes). */
export const MAX_INGEST_USERS = 1_000;

export const ingestRequest = z.union([
  ingestUser,
  z.array(ingestUser).min(1).max(MAX_INGEST_USERS, `at most ${MAX_INGEST_USERS} users a request`),
]);

export const ingestResponse = z.object({
  accepted: z.number().int().nonnegative().describe('Queued for Facebook.'),
  notUsable: z
    .number()
    .int()
    .nonnegative()
    .describe('No usable field to match, or removed by a consent filter.'),
});
export type IngestResponse = z.infer<typeof ingestResponse>;
