import { z } from 'zod';
import { createExportRequest, type ExportJobView } from '../../shared/relay-api/exports.ts';
import type { FacebookStatusResponse } from '../../shared/relay-api/facebook.ts';
import type { RelayResult } from '../relay/relay-failure.ts';
import { relaySettingsSchema } from '../relay/relay-settings.ts';
import type { RelayConnection } from '../relay/relay-status.ts';
import { segmentSchema } from '../segment-page/segment-schema.ts';

/** Every message the background accepts; senders are untrusted, so each one is parsed. */
export const runtimeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('segment:selected'), segment: segmentSchema }),
  /** From the options page: check the relay with these settings, and save them if it answers. */
  z.object({ type: z.literal('relay:configure'), ...relaySettingsSchema.shape }),
  /** Check the saved relay now. */
  z.object({ type: z.literal('relay:status') }),
  z.object({ type: z.literal('relay:forget') }),
  /** The Facebook connection and its ad accounts, for the export form. */
  z.object({ type: z.literal('facebook:status') }),
  /** Start an export and follow its event stream in the background. */
  z.object({
    type: z.literal('export:start'),
    request: createExportRequest,
    name: z.string().min(1).max(1000),
    segmentKey: z.string().max(600).nullable(),
  }),
  z.object({ type: z.literal('export:cancel'), exportId: z.string().min(1).max(100) }),
]);

export type RuntimeMessage = z.infer<typeof runtimeMessageSchema>;
export type RuntimeMessageType = RuntimeMessage['type'];
export type RuntimeMessageOf<T extends RuntimeMessageType> = Extract<RuntimeMessage, { type: T }>;

/**
 * Messages only the extension's own pages (options, popup) may send, as they change or reveal
 * the relay connection: content scripts live inside web pages and fall with them.
 */
export const EXTENSION_PAGE_MESSAGES: ReadonlySet<RuntimeMessageType> = new Set([
  'relay:configure',
  'relay:status',
  'relay:forget',
  'facebook:status',
  'export:start',
  'export:cancel',
]);

/** What each message's handler resolves with, delivered as the reply's `value`. */
export interface RuntimeMessageValues {
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that answers nothing returns Promise<void>.
  'segment:selected': void;
  /** Failures to reach or use the relay are values here, not message errors. */
  'relay:configure': RelayResult<RelayConnection>;
  /** Null when no relay is configured. */
  'relay:status': RelayConnection | null;
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that answers nothing returns Promise<void>.
  'relay:forget': void;
  /** Null when no relay is configured. */
  'facebook:status': RelayResult<FacebookStatusResponse> | null;
  'export:start': RelayResult<ExportJobView>;
  'export:cancel': RelayResult<ExportJobView>;
}

/**
 * The background's answer to every message. `ok: false` means the message itself failed
 * (refused, no background, a handler error), never that the relay said no.
 */
export type MessageReply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export type MessageReplyOf<T extends RuntimeMessageType> = MessageReply<RuntimeMessageValues[T]>;
