import { z } from 'zod';
import { ROLES } from './roles.ts';

const timestamp = z.iso.datetime();

/** A workspace key as listed: never its secret. */
export const apiKeySummary = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  label: z.string().nullable(),
  state: z.enum(['active', 'revoked', 'expired']),
  createdAt: timestamp,
  expiresAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  lastUsedAt: timestamp.nullable().describe('When a session was last started with it.'),
});
export type ApiKeySummary = z.infer<typeof apiKeySummary>;

export const listKeysResponse = z.object({ keys: z.array(apiKeySummary) });

export const createKeyRequest = z.object({
  role: z.enum(ROLES),
  label: z.string().trim().min(1).max(100).optional().describe('Whose key it is, e.g. "Dana".'),
  expiresInDays: z.number().int().min(1).max(3650).optional().describe('Default: never.'),
});

export const createdKeyResponse = z.object({
  key: apiKeySummary,
  apiKey: z.string().describe('The key itself, shown this once: the relay keeps only a hash.'),
});

export const revokedKeyResponse = z.object({ key: apiKeySummary });
