import type { ConsentOverrides } from '../../shared/consent-settings.ts';

/** What a workspace changed from the built-in consent defaults, and when. */
export interface ConsentDefaultsRecord {
  settings: ConsentOverrides;
  updatedAt: Date;
}

/** Each workspace's consent defaults, which its exports and syncs start from. */
export interface ConsentDefaultsRepository {
  /** Undefined while the workspace keeps the built-in defaults. */
  get(workspaceId: string): Promise<ConsentDefaultsRecord | undefined>;
  /** Replaces the workspace's defaults as a whole. */
  put(workspaceId: string, record: ConsentDefaultsRecord): Promise<void>;
}
