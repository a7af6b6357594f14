import { z } from 'zod';
import { consentSettings } from '../../shared/consent-settings.ts';
import { type BrazeSettingsResponse, brazeSettingsRequest } from '../../shared/relay-api/braze.ts';
import type { ConsentDefaultsResponse } from '../../shared/relay-api/consent.ts';
import {
  createExportRequest,
  type ExportJobView,
  type ExportListResponse,
  type LookalikeResponse,
  lookalikeRequest,
} from '../../shared/relay-api/exports.ts';
import { connectAdAccountsRequest } from '../../shared/relay-api/facebook.ts';
import type { FacebookResult } from '../facebook/facebook-failure.ts';
import type {
  AvailableAdAccounts,
  ConnectedAdAccounts,
  FacebookStatus,
  SystemUserToken,
} from '../facebook/facebook-service.ts';
import type { RelayAccess } from '../relay/relay-connection.ts';
import type { RelayResult } from '../relay/relay-failure.ts';
import { relaySettingsSchema } from '../relay/relay-settings.ts';
import type { RelayConnection } from '../relay/relay-status.ts';
import type { SavedRelayResult } from '../relay/saved-relay-call.ts';
import { extraDashboardHostSchema } from '../segment-page/dashboard-host-input.ts';
import type { ExtraDashboardHost } from '../segment-page/extra-dashboard-hosts.ts';
import { segmentSchema } from '../segment-page/segment-schema.ts';
import { SYNC_MESSAGE_SCHEMAS, type SyncMessageValues } from './sync-messages.ts';

const exportId = z.string().min(1).max(100);

/** Every message the background accepts; senders are untrusted, so each one is parsed. */
export const runtimeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('segment:selected'), segment: segmentSchema }),
  /** From the options page: check the relay with these settings, and save them if it answers. */
  z.object({ type: z.literal('relay:configure'), ...relaySettingsSchema.shape }),
  /** Check the saved relay now. */
  z.object({ type: z.literal('relay:status') }),
  z.object({ type: z.literal('relay:forget') }),
  /** A session token for a page that calls the relay itself (uploads); `renew` after a 401. */
  z.object({ type: z.literal('relay:access'), renew: z.boolean() }),
  /** Facebook, through the relay; `refresh` asks Facebook now rather than the last check. */
  z.object({ type: z.literal('facebook:status'), refresh: z.boolean() }),
  /** Runs the login window from the background, which outlives the page losing focus. */
  z.object({ type: z.literal('facebook:connect') }),
  z.object({ type: z.literal('facebook:ad-accounts') }),
  z.object({ type: z.literal('facebook:save-ad-accounts'), ...connectAdAccountsRequest.shape }),
  z.object({ type: z.literal('facebook:disconnect') }),
  // The relay checks the token itself; this only keeps absurd input from reaching it.
  z.object({ type: z.literal('facebook:use-system-user-token'), token: z.string().max(1000) }),
  z.object({ type: z.literal('facebook:remove-system-user-token') }),
  /** The workspace's Braze REST source, through the relay (which checks the key on save). */
  z.object({ type: z.literal('braze:settings') }),
  z.object({ type: z.literal('braze:save'), settings: brazeSettingsRequest }),
  z.object({ type: z.literal('braze:remove') }),
  /** Dashboard hosts an admin enabled beyond Braze's own. */
  z.object({ type: z.literal('dashboard-hosts:list') }),
  z.object({ type: z.literal('dashboard-hosts:add'), host: extraDashboardHostSchema }),
  z.object({ type: z.literal('dashboard-hosts:remove'), host: extraDashboardHostSchema }),
  /** Start an export and follow its event stream in the background. */
  z.object({
    type: z.literal('export:start'),
    request: createExportRequest,
    name: z.string().min(1).max(1000),
    segmentKey: z.string().max(600).nullable(),
  }),
  z.object({ type: z.literal('export:cancel'), exportId }),
  /** The workspace's export history and reports, from the relay. */
  z.object({ type: z.literal('exports:list'), limit: z.number().int().min(1).max(200) }),
  z.object({ type: z.literal('export:get'), exportId }),
  /** Follow a running export this browser did not start, so the popup shows it live. */
  z.object({ type: z.literal('export:follow'), exportId }),
  z.object({ type: z.literal('export:resume'), exportId }),
  z.object({
    type: z.literal('audience:create-lookalike'),
    audienceId: z.string().min(1).max(100),
    request: lookalikeRequest,
  }),
  ...SYNC_MESSAGE_SCHEMAS,
  /** The workspace's consent defaults: the options page edits them, the export form starts from them. */
  z.object({ type: z.literal('consent-defaults:get') }),
  z.object({ type: z.literal('consent-defaults:save'), settings: consentSettings }),
]);

export type RuntimeMessage = z.infer<typeof runtimeMessageSchema>;
export type RuntimeMessageType = RuntimeMessage['type'];
export type RuntimeMessageOf<T extends RuntimeMessageType> = Extract<RuntimeMessage, { type: T }>;

/**
 * The messages a content script may send; every other one changes or reveals the relay
 * connection, so only the extension's own pages (options, popup) may: content scripts live
 * inside web pages and fall with them. Listed this way round so a new message is page-only
 * unless it is added here.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<RuntimeMessageType> = new Set([
  'segment:selected',
]);

/** What each message's handler resolves with, delivered as the reply's `value`. */
export interface RuntimeMessageValues extends SyncMessageValues {
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that answers nothing returns Promise<void>.
  'segment:selected': void;
  /** Failures to reach or use the relay are values here, not message errors. */
  'relay:configure': RelayResult<RelayConnection>;
  /** Null when no relay is configured. */
  'relay:status': RelayConnection | null;
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that answers nothing returns Promise<void>.
  'relay:forget': void;
  /** Null when no relay is configured. */
  'relay:access': RelayResult<RelayAccess> | null;
  'facebook:status': FacebookResult<FacebookStatus>;
  'facebook:connect': FacebookResult<FacebookStatus>;
  'facebook:ad-accounts': FacebookResult<AvailableAdAccounts>;
  'facebook:save-ad-accounts': FacebookResult<ConnectedAdAccounts>;
  'facebook:disconnect': FacebookResult<FacebookStatus>;
  'facebook:use-system-user-token': FacebookResult<SystemUserToken>;
  'facebook:remove-system-user-token': FacebookResult<FacebookStatus>;
  /** Each resolves with the settings as they are now (the key never, only its hint). */
  'braze:settings': SavedRelayResult<BrazeSettingsResponse>;
  'braze:save': SavedRelayResult<BrazeSettingsResponse>;
  'braze:remove': SavedRelayResult<BrazeSettingsResponse>;
  /** Each resolves with every enabled host, after the change. */
  'dashboard-hosts:list': ExtraDashboardHost[];
  'dashboard-hosts:add': ExtraDashboardHost[];
  'dashboard-hosts:remove': ExtraDashboardHost[];
  'export:start': RelayResult<ExportJobView>;
  'export:cancel': RelayResult<ExportJobView>;
  'consent-defaults:get': RelayResult<ConsentDefaultsResponse>;
  'consent-defaults:save': RelayResult<ConsentDefaultsResponse>;
  'exports:list': RelayResult<ExportListResponse>;
  'export:get': RelayResult<ExportJobView>;
  'export:follow': RelayResult<ExportJobView>;
  'export:resume': RelayResult<ExportJobView>;
  'audience:create-lookalike': RelayResult<LookalikeResponse>;
}

/**
 * The background's answer to every message. `ok: false` means the message itself failed
 * (refused, no background, a handler error), never that the relay said no.
 */
export type MessageReply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export type MessageReplyOf<T extends RuntimeMessageType> = MessageReply<RuntimeMessageValues[T]>;
