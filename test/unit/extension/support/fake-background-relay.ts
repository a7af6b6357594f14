import { vi } from 'vitest';
import type { MessageReplyOf } from '../../../../extension/messaging/runtime-messages.ts';
import type { RelayFailure } from '../../../../extension/relay/relay-failure.ts';
import type { RelayConnection, RelayStatus } from '../../../../extension/relay/relay-status.ts';
import type { Role } from '../../../../shared/relay-api/roles.ts';
import { KEY_ID, NOW, RELAY_URL } from '../relay/fake-relay.ts';

export function connectedStatus(role: Role = 'admin', name = 'Acme Marketing'): RelayStatus {
  return {
    state: 'connected',
    workspace: { id: 'ws_1', name },
    role,
    checkedAt: NOW.toISOString(),
  };
}

export function failedStatus(failure: RelayFailure): RelayStatus {
  return { state: 'failed', failure, checkedAt: NOW.toISOString() };
}

export function relayConnection(status: RelayStatus = connectedStatus()): RelayConnection {
  return { url: RELAY_URL, keyId: KEY_ID, status };
}

export const REVOKED: RelayFailure = {
  kind: 'unauthenticated',
  status: 401,
  code: 'api_key_revoked',
  message: 'This workspace key was revoked.',
  requestId: 'req-42',
};

/**
 * The pages' view of the background: `status` answers with `saved` (null: no relay), the
 * other messages with what a test queues, recording every call.
 */
export function fakeBackgroundRelay(saved: RelayConnection | null = null) {
  const reply = <T>(value: T) => ({ ok: true as const, value });
  return {
    status: vi.fn(async (): Promise<MessageReplyOf<'relay:status'>> => reply(saved)),
    configure: vi.fn(
      async (settings: { url: string }): Promise<MessageReplyOf<'relay:configure'>> =>
        reply({ ok: true, value: { ...relayConnection(), url: settings.url } }),
    ),
    forget: vi.fn(async (): Promise<MessageReplyOf<'relay:forget'>> => reply(undefined)),
  };
}
