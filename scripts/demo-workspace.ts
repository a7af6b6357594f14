import { createWorkspaceAdmin } from '../proxy/auth/workspace-admin.ts';
import type { RelayStore } from '../proxy/store/store.ts';

export const DEMO_WORKSPACE_NAME = 'Demo workspace';
const DEMO_KEY_LABEL = 'npm start demo key';

/**
 * The workspace `npm start` signs the demo into. Keys are stored only as hashes, so each start
 * issues a fresh admin key to print, and revokes the one the previous start printed.
 */
export async function ensureDemoWorkspace(store: Pick<RelayStore, 'apiKeys' | 'workspaces'>) {
  const admin = createWorkspaceAdmin({ store });
  const existing = (await store.workspaces.list()).find((w) => w.name === DEMO_WORKSPACE_NAME);
  const workspace = existing ?? (await admin.createWorkspace(DEMO_WORKSPACE_NAME)).workspace;
  for (const key of await admin.listKeys(workspace.id)) {
    if (!key.revokedAt) await admin.revokeKey(workspace.id, key.id);
  }
  const issued = await admin.issueKey(workspace.id, { role: 'admin', label: DEMO_KEY_LABEL });
  if (!issued) throw new Error(`The demo workspace ${workspace.id} vanished while starting.`);
  return { workspace, adminKey: issued.apiKey };
}
