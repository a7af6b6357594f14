import type {
  CreateSyncRequest,
  LaunchCheckResponse,
  SyncMetricsResponse,
  SyncView,
  UpdateSyncRequest,
} from '../../../shared/relay-api/syncs.ts';
import type { WorkspaceGraphs } from '../../facebook/connection/workspace-graph.ts';
import { ApiError } from '../../http/api-error.ts';
import type { EncryptedSecrets } from '../../secrets/encrypted-secrets.ts';
import type { SyncChange, SyncRecord, SyncRepository } from '../../store/syncs.ts';
import { settingsChange, updateChange } from './edit-rules.ts';
import {
  hashIngestSecret,
  ingestSecretName,
  newIngestSecret,
  newSyncId,
  type RandomBytes,
} from './ingest-secret.ts';
import { checkLaunch } from './launch-check.ts';
import { createSyncAudience } from './sync-audience-creation.ts';
import { syncView } from './sync-view.ts';

/** Where the sync's ingest URL points: the configured public URL, else the request's origin. */
export interface ViewContext {
  publicBase: string;
}

export interface SyncSecret {
  secret: string;
  rotatedAt: string;
}

/** Every sync operation of a workspace; each refuses another workspace's sync as `not_found`. */
export interface SyncManager {
  list(workspaceId: string, context: ViewContext): Promise<SyncView[]>;
  create(workspaceId: string, request: CreateSyncRequest, context: ViewContext): Promise<SyncView>;
  get(workspaceId: string, id: string, context: ViewContext): Promise<SyncView>;
  update(
    workspaceId: string,
    id: string,
    request: UpdateSyncRequest,
    context: ViewContext,
  ): Promise<SyncView>;
  delete(workspaceId: string, id: string): Promise<void>;
  launchCheck(workspaceId: string, id: string): Promise<LaunchCheckResponse>;
  launch(workspaceId: string, id: string, context: ViewContext): Promise<SyncView>;
  pause(workspaceId: string, id: string, context: ViewContext): Promise<SyncView>;
  resume(workspaceId: string, id: string, context: ViewContext): Promise<SyncView>;
  secret(workspaceId: string, id: string): Promise<SyncSecret>;
  rotateSecret(workspaceId: string, id: string): Promise<SyncSecret>;
  metrics(workspaceId: string, id: string, hours: number): Promise<SyncMetricsResponse>;
}

export interface SyncManagerOptions {
  syncs: SyncRepository;
  secrets: EncryptedSecrets;
  graphs: WorkspaceGraphs;
  now?: () => Date;
  random?: RandomBytes;
}

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

export function createSyncManager({
  syncs,
  secrets,
  graphs,
  now = () => new Date(),
  random,
}: SyncManagerOptions): SyncManager {
  const find = async (workspaceId: string, id: string): Promise<SyncRecord> => {
    const sync = await syncs.get(workspaceId, id);
    if (!sync) throw new ApiError('not_found', `No sync ${id} in this workspace.`);
    return sync;
  };
  const view = async (sync: SyncRecord, { publicBase }: ViewContext) =>
    syncView(sync, await syncs.pendingCount(sync.id), publicBase);
  const change = async (sync: SyncRecord, changes: SyncChange, context: ViewContext) => {
    await syncs.update(sync.workspaceId, sync.id, changes, now());
    return view(await find(sync.workspaceId, sync.id), context);
  };

  /** A new secret: sealed (to show again) and hashed (to check ingest requests). */
  const issueSecret = async (workspaceId: string, id: string) => {
    const secret = newIngestSecret(random);
    await secrets.put(workspaceId, ingestSecretName(id), secret);
    return { secret, hash: hashIngestSecret(secret) };
  };

  /** The launch checks, refusing with every reason (and the warnings) at once. */
  const launchable = async (sync: SyncRecord) => {
    const check = await checkLaunch(graphs, sync);
    if (!check.ok || !check.graph) {
      throw new ApiError(
        'sync_launch_refused',
        `The sync cannot launch: ${check.refusals.map((refusal) => refusal.message).join(' ')}`,
        { refusals: check.refusals, warnings: check.warnings },
      );
    }
    return check.graph;
  };

  return {
    async list(workspaceId, context) {
      return Promise.all((await syncs.list(workspaceId)).map((sync) => view(sync, context)));
    },
    async create(workspaceId, request, context) {
      const at = now();
      const id = newSyncId(random);
      const { hash } = await issueSecret(workspaceId, id);
      const sync: SyncRecord = {
        id,
        workspaceId,
        name: request.name,
        status: 'draft',
        adAccountId: null,
        audienceKind: null,
        audienceName: null,
        facebookAudienceId: null,
        action: request.action,
        fields: [],
        consent: {},
        defaultCountry: null,
        ...settingsChange(request),
        ingestSecretHash: hash,
        secretRotatedAt: at,
        error: null,
        retryAfter: null,
        failingSince: null,
        counts: { entered: 0, synced: 0, notSynced: 0, errored: 0 },
        createdAt: at,
        updatedAt: at,
        launchedAt: null,
      };
      await syncs.create(sync);
      return view(sync, context);
    },
    async get(workspaceId, id, context) {
      return view(await find(workspaceId, id), context);
    },
    async update(workspaceId, id, request, context) {
      const sync = await find(workspaceId, id);
      return change(sync, updateChange(sync, request), context);
    },
    async delete(workspaceId, id) {
      await find(workspaceId, id);
      await syncs.delete(workspaceId, id);
      await secrets.delete(workspaceId, ingestSecretName(id));
    },
    async launchCheck(workspaceId, id) {
      const { graph: _graph, ...check } = await checkLaunch(graphs, await find(workspaceId, id));
      return check;
    },
    async launch(workspaceId, id, context) {
      const sync = await find(workspaceId, id);
      if (sync.status !== 'draft') return view(sync, context);
      const graph = await launchable(sync);
      let facebookAudienceId = sync.facebookAudienceId;
      if (sync.audienceKind === 'new' && !facebookAudienceId && sync.adAccountId) {
        facebookAudienceId = await createSyncAudience(graph, {
          ...sync,
          adAccountId: sync.adAccountId,
        });
      }
      return change(
        sync,
        { status: 'active', facebookAudienceId, launchedAt: now(), error: null },
        context,
      );
    },
    async pause(workspaceId, id, context) {
      const sync = await find(workspaceId, id);
      if (sync.status === 'draft') {
        throw new ApiError('sync_not_active', 'A draft sync has not launched, so it cannot pause.');
      }
      return sync.status === 'paused'
        ? view(sync, context)
        : change(sync, { status: 'paused' }, context);
    },
    async resume(workspaceId, id, context) {
      const sync = await find(workspaceId, id);
      if (sync.status === 'draft') {
        throw new ApiError('sync_not_active', 'A draft sync is launched, not resumed.');
      }
      if (sync.status === 'active') return view(sync, context);
      await launchable(sync);
      // A fresh retry window: users must not give up for failures from before the pause.
      return change(
        sync,
        { status: 'active', error: null, retryAfter: null, failingSince: null },
        context,
      );
    },
    async secret(workspaceId, id) {
      const sync = await find(workspaceId, id);
      const secret = await secrets.get(workspaceId, ingestSecretName(id));
      if (secret === undefined) throw new Error(`The ingest secret of sync ${id} is missing.`);
      return { secret, rotatedAt: sync.secretRotatedAt.toISOString() };
    },
    async rotateSecret(workspaceId, id) {
      await find(workspaceId, id);
      const at = now();
      const { secret, hash } = await issueSecret(workspaceId, id);
      // From this update on, only the new secret is accepted.
      await syncs.update(workspaceId, id, { ingestSecretHash: hash, secretRotatedAt: at }, at);
      return { secret, rotatedAt: at.toISOString() };
    },
    async metrics(workspaceId, id, hours) {
      const sync = await find(workspaceId, id);
      const to = now();
      const from = new Date(to.getTime() - hours * HOUR_MS);
      // Through the end of the current minute, which is still counting.
      const minuteEnd = new Date((Math.floor(to.getTime() / MINUTE_MS) + 1) * MINUTE_MS);
      const series = await syncs.series(workspaceId, id, from, minuteEnd);
      return {
        counts: { ...sync.counts, pending: await syncs.pendingCount(id) },
        series: series.map(({ minute, ...counts }) => ({
          minute: minute.toISOString(),
          ...counts,
        })),
        from: from.toISOString(),
        to: to.toISOString(),
      };
    },
  };
}
