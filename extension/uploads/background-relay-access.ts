import { sendRuntimeMessage } from '../messaging/send-runtime-message.ts';
import type { RelayAccess } from '../relay/relay-connection.ts';
import type { UploadResult } from './uploads-api.ts';

/** The relay and its session, from the background that holds the workspace key. */
export async function relayAccessFromBackground(
  renew: boolean,
  send: typeof sendRuntimeMessage = sendRuntimeMessage,
): Promise<UploadResult<RelayAccess>> {
  const reply = await send({ type: 'relay:access', renew });
  if (!reply.ok) return { ok: false, failure: { kind: 'no-background', detail: reply.error } };
  return reply.value ?? { ok: false, failure: { kind: 'no-relay' } };
}
