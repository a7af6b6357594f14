import { z } from 'zod';
import { ROLES } from './roles.ts';

export const createSessionRequest = z.object({
  apiKey: z.string().min(1).max(200).describe('A workspace key, `ar_live_…`.'),
});

export const sessionResponse = z.object({
  token: z.string().describe('Send as `Authorization: Bearer <token>` on every other /v1 call.'),
  tokenType: z.literal('Bearer'),
  expiresAt: z.iso.datetime().describe('About 15 minutes from now; then start a new session.'),
  workspace: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  keyId: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;
