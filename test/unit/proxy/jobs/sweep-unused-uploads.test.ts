import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brazeSnapshotId } from '../../../../proxy/jobs/braze-snapshot.ts';
import {
  scheduleUploadSweep,
  sweepUnusedUploads,
} from '../../../../proxy/jobs/sweep-unused-uploads.ts';
import { createLogger } from '../../../../proxy/log.ts';
import { createUploadSpool } from '../../../../proxy/sources/file/upload-spool.ts';
import type { ExportJobRecord, ExportSourceSpec } from '../../../../proxy/store/export-jobs.ts';
import { openSqliteStore } from '../../../../proxy/store/sqlite/open-sqlite-store.ts';
import type { RelayStore } from '../../../../proxy/store/store.ts';
import { DEFAULT_CONSENT_SETTINGS } from '../../../../shared/consent-settings.ts';
import { manualClock } from '../../../support/manual-clock.ts';
import { manualTimers } from '../../../support/manual-timers.ts';
import { removeTempDirs, tempDir } from '../../../support/temp-dirs.ts';

const stores: RelayStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  removeTempDirs();
});

const HOUR = 60 * 60 * 1000;
const TTL = 24 * HOUR;
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function* bytes(value: string) {
  yield new TextEncoder().encode(value);
}

/** A store and a spool on one clock, with uploads a…e and a Braze copy written at its start. */
async function world() {
  const clock = manualClock();
  const dir = tempDir();
  const store = openSqliteStore({ dataDir: dir, now: clock.now });
  stores.push(store);
  await store.workspaces.create({ id: 'ws_a', name: 'Acme', createdAt: clock.now() });
  const spool = createUploadSpool({
    dir: join(dir, 'spool'),
    key: new Uint8Array(32),
    now: clock.now,
  });
  const job = async (
    id: string,
    source: ExportSourceSpec,
    change: Partial<ExportJobRecord> = {},
  ) => {
    await store.exportJobs.create({
      id,
      workspaceId: 'ws_a',
      adAccountId: '1',
      status: 'queued',
      spec: {
        source,
        plan: { kind: 'per-field', keys: ['EMAIL'] },
        consent: DEFAULT_CONSENT_SETTINGS,
        audienceNames: {},
        customerFileSource: 'USER_PROVIDED_ONLY',
      },
      report: null,
      error: null,
      resumable: false,
      cancelRequested: false,
      startedAt: clock.now(),
      createdAt: clock.now(),
      updatedAt: clock.now(),
      finishedAt: null,
      ...change,
    });
  };
  const file = (uploadId: string): ExportSourceSpec => ({ kind: 'file', uploadId, name: 'f' });
  for (const id of [
    'upload-a',
    'upload-b',
    'upload-c',
    'upload-d',
    'upload-e',
    brazeSnapshotId('j5'),
  ])
    await spool.write('ws_a', bytes(id), id);
  await job('j1', file('upload-a'), { status: 'uploading' });
  await job('j2', file('upload-b'), { status: 'failed', resumable: true });
  await job('j3', file('upload-c'), { status: 'failed', resumable: false });
  await job('j4', file('upload-d'), { status: 'done' });
  await job('j5', { kind: 'braze', segmentId: 's', name: 'VIPs' }, { status: 'filtering' });
  const files = () => readdirSync(join(dir, 'spool', 'ws_a')).sort();
  return { clock, store, spool, files };
}

describe('sweepUnusedUploads', () => {
  it('keeps every upload until the TTL has passed', async () => {
    const { clock, store, spool, files } = await world();
    clock.advance(TTL - 1);
    const before = files();
    expect(
      await sweepUnusedUploads({ spool, jobs: store.exportJobs, ttlMs: TTL, now: clock.now }),
    ).toEqual([]);
    expect(files()).toEqual(before);
  });

  it('then deletes those no export may still read; running and resumable exports keep theirs', async () => {
    const { clock, store, spool, files } = await world();
    clock.advance(TTL + 1);
    const deleted = await sweepUnusedUploads({
      spool,
      jobs: store.exportJobs,
      ttlMs: TTL,
      now: clock.now,
    });
    expect(deleted.map(({ uploadId }) => uploadId).sort()).toEqual([
      'upload-c',
      'upload-d',
      'upload-e',
    ]);
    expect(files()).toEqual(['braze-j5.spool', 'upload-a.spool', 'upload-b.spool']);
  });
});

describe('scheduleUploadSweep', () => {
  it('sweeps at start-up, then every hour, and logs what it deleted', async () => {
    const { clock, store, spool, files } = await world();
    const { timers, armed, fire } = manualTimers();
    const lines: string[] = [];
    const schedule = scheduleUploadSweep({
      spool,
      jobs: store.exportJobs,
      ttlMs: TTL,
      now: clock.now,
      timers,
      logger: createLogger({ write: (line) => lines.push(line) }),
    });
    expect(armed()).toEqual([0]);
    fire();
    await settle();
    expect(files()).toHaveLength(6);
    expect(armed()).toEqual([HOUR]);
    clock.advance(TTL + 1);
    fire();
    await settle();
    expect(files()).toHaveLength(3);
    expect(lines.some((line) => line.includes('deleted unused uploads'))).toBe(true);
    await schedule.stop();
    expect(armed()).toEqual([]);
  });

  it('sweeps as often as the TTL when it is shorter than an hour', async () => {
    const { clock, store, spool } = await world();
    const { timers, armed, fire } = manualTimers();
    const schedule = scheduleUploadSweep({
      spool,
      jobs: store.exportJobs,
      ttlMs: 10 * 60_000,
      now: clock.now,
      timers,
      logger: createLogger({ write: () => {} }),
    });
    fire();
    await settle();
    expect(armed()).toEqual([10 * 60_000]);
    await schedule.stop();
  });
});
