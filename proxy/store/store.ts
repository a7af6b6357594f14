import type { ApiKeyRepository } from './api-keys.ts';
import type { EncryptionKeyRepository } from './encryption-keys.ts';
import type { ExportJobRepository } from './export-jobs.ts';
import type { FacebookConnectionRepository } from './facebook-connections.ts';
import type { OAuthStateRepository } from './oauth-states.ts';
import type { SecretRepository } from './secrets.ts';
import type { SyncRepository } from './syncs.ts';
import type { WorkspaceRepository } from './workspaces.ts';

/**
 * Everything the relay persists, one repository per aggregate. The interfaces are async even
 * though the default engine (node:sqlite) is synchronous, so a PostgreSQL store can satisfy
 * them unchanged. Every method that touches workspace data takes the workspace id.
 */
export interface RelayStore {
  workspaces: WorkspaceRepository;
  apiKeys: ApiKeyRepository;
  encryptionKeys: EncryptionKeyRepository;
  secrets: SecretRepository;
  facebookConnections: FacebookConnectionRepository;
  oauthStates: OAuthStateRepository;
  exportJobs: ExportJobRepository;
  syncs: SyncRepository;
  close(): Promise<void>;
}
