import { z } from 'zod';
import { segmentSchema } from '../segment-page/segment-schema.ts';

/** Every message the background accepts; senders are untrusted, so each one is parsed. */
export const runtimeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('segment:selected'), segment: segmentSchema }),
]);

export type RuntimeMessage = z.infer<typeof runtimeMessageSchema>;
export type RuntimeMessageType = RuntimeMessage['type'];
export type RuntimeMessageOf<T extends RuntimeMessageType> = Extract<RuntimeMessage, { type: T }>;

/** The background's answer to every message. */
export type MessageReply = { ok: true } | { ok: false; error: string };
