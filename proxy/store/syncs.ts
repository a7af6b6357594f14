import type { ConsentOverrides } from '../../shared/consent-settings.ts';
import type { MatchKey } from '../../shared/match-keys.ts';
import type { SyncAction, SyncCounts, SyncStatus } from '../../shared/relay-api/syncs.ts';

/** A continuous audience sync as stored: its settings, state and running totals; no PII. */
export interface SyncRecord {
  id: string;
  workspaceId: string;
  name: string;
  status: SyncStatus;
  /** Numeric, without `act_`; null while a draft has none. */
  adAccountId: string | null;
  /** `new`: created at launch under `audienceName`; `existing`: `facebookAudienceId` chosen. */
  audienceKind: 'new' | 'existing' | null;
  audienceName: string | null;
  /** Null for a new audience until launch creates it. */
  facebookAudienceId: string | null;
  action: SyncAction;
  /** Empty while a draft has none. */
  fields: MatchKey[];
  consent: ConsentOverrides;
  defaultCountry: string | null;
  /** Lowercase hex SHA-256 of the ingest secret. */
  ingestSecretHash: string;
  secretRotatedAt: Date;
  error: { code: string; message: string } | null;
  /** Delivery waits until then after a throttled or transient failure. */
  retryAfter: Date | null;
  /** Since when delivery keeps failing (throttled or transient); null once a batch succeeds. */
  failingSince: Date | null;
  /** Running totals; `pending` is the queue's length, not stored. */
  counts: Omit<SyncCounts, 'pending'>;
  createdAt: Date;
  updatedAt: Date;
  launchedAt: Date | null;
}

export type SyncChange = Partial<
  Pick<
    SyncRecord,
    | 'name'
    | 'status'
    | 'adAccountId'
    | 'audienceKind'
    | 'audienceName'
    | 'facebookAudienceId'
    | 'action'
    | 'fields'
    | 'consent'
    | 'defaultCountry'
    | 'ingestSecretHash'
    | 'secretRotatedAt'
    | 'error'
    | 'retryAfter'
    | 'failingSince'
    | 'launchedAt'
  >
>;

/** One queued user: the rows Meta receives for them (a user with two devices has two MADID rows). */
export interface QueuedUser {
  id: number;
  rows: string[][];
  enqueuedAt: Date;
}

export interface SyncMinute {
  minute: Date;
  entered: number;
  synced: number;
  notSynced: number;
  errored: number;
}

export interface SyncRepository {
  create(sync: SyncRecord): Promise<void>;
  /** Undefined for another workspace's sync, as for none. */
  get(workspaceId: string, id: string): Promise<SyncRecord | undefined>;
  /** Oldest first. */
  list(workspaceId: string): Promise<SyncRecord[]>;
  /** Sets `updatedAt` to `now`; false when there is no such sync in this workspace. */
  update(workspaceId: string, id: string, change: SyncChange, now: Date): Promise<boolean>;
  /** Deletes the sync with its queue and series. */
  delete(workspaceId: string, id: string): Promise<boolean>;
  /**
   * The ingest route's exception to workspace scoping: the caller is authenticated by the
   * sync's own secret, so the sync is looked up by id alone and the secret checked after.
   */
  getForIngest(id: string): Promise<SyncRecord | undefined>;
  /** Operator only (the delivery loop): every active sync, across workspaces. */
  listActive(): Promise<SyncRecord[]>;

  /**
   * In one transaction: queues `users` (already hashed), and adds `users.length + notSynced`
   * to entered and `notSynced` to not synced, in the totals and in `now`'s minute.
   */
  enqueue(
    syncId: string,
    users: readonly string[][][],
    notSynced: number,
    now: Date,
  ): Promise<void>;
  pendingCount(syncId: string): Promise<number>;
  /** Oldest first, whole users, until adding the next user would pass `maxRows` rows. */
  peekBatch(syncId: string, maxRows: number): Promise<QueuedUser[]>;
  /** In one transaction: removes these users from the queue and counts them synced (totals and `now`'s minute). Ids no longer queued are ignored, so a repeat counts nothing twice. */
  acknowledge(syncId: string, userIds: readonly number[], now: Date): Promise<number>;
  /** In one transaction: removes users queued before `cutoff` and counts them errored; returns how many. */
  giveUp(syncId: string, cutoff: Date, now: Date): Promise<number>;
  /** Minutes in [from, to), oldest first; minutes with nothing are absent. */
  series(workspaceId: string, id: string, from: Date, to: Date): Promise<SyncMinute[]>;
  /** Operator only (metrics): users queued across every sync. */
  totalPending(): Promise<number>;
}
