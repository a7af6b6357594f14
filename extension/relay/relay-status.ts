import { z } from 'zod';
import { ROLES } from '../../shared/relay-api/roles.ts';
import { relayFailureSchema } from './relay-failure.ts';

const checkedAt = z.iso.datetime();

/** What the last check of the configured relay found. */
export const relayStatusSchema = z.union([
  z.object({
    state: z.literal('connected'),
    workspace: z.object({ id: z.string(), name: z.string() }),
    role: z.enum(ROLES),
    checkedAt,
  }),
  z.object({ state: z.literal('failed'), failure: relayFailureSchema, checkedAt }),
]);
export type RelayStatus = z.infer<typeof relayStatusSchema>;
export type ConnectedStatus = Extract<RelayStatus, { state: 'connected' }>;

/** What the UI is told about the configured relay: never the workspace key itself. */
export interface RelayConnection {
  url: string;
  /** The key's public id, so people can tell which key is saved. */
  keyId: string;
  status: RelayStatus;
}
