import { z } from 'zod';
import { ROLES } from './roles.ts';

/** `GET /v1/workspace`: lets the extension check its credential and show who it is. */
export const workspaceResponse = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  keyId: z.string(),
});
export type WorkspaceResponse = z.infer<typeof workspaceResponse>;
