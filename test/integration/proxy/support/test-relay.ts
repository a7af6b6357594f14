import { join } from 'node:path';
import { createWorkspaceAdmin } from '../../../../proxy/auth/workspace-admin.ts';
import { loadConfig } from '../../../../proxy/config.ts';
import { createLogger } from '../../../../proxy/log.ts';
import type { Timers } from '../../../../proxy/schedule/repeat.ts';
import { type RunningRelay, startRelay } from '../../../../proxy/start-relay.ts';
import { manualClock } from '../../../support/manual-clock.ts';
import { removeTempDirs, tempDir } from '../../../support/temp-dirs.ts';

const running: RunningRelay[] = [];

/** For afterEach: stops every relay started here and deletes their data directories. */
export async function stopTestRelays(): Promise<void> {
  await Promise.all(running.splice(0).map((relay) => relay.close(100)));
  removeTempDirs();
}

export interface TestRelayOptions {
  /** Extra environment; the data dir defaults to a fresh temp dir, the port to 0. */
  env?: Record<string, string>;
  clock?: ReturnType<typeof manualClock>;
  /** For the relay's scheduled work (the daily Facebook check); real timers by default. */
  timers?: Timers;
  /** For the sync delivery loop's ticks; real timers by default. */
  deliveryTimers?: Timers;
  /** How the relay's pacing and retries wait; real time by default. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The address Braze calls back at, from the one the relay listens on; none by default. */
  publicUrl?: (listeningUrl: string) => string | undefined;
}

/** The real relay (`startRelay`) over real HTTP on 127.0.0.1:0, with helpers to drive it. */
export async function startTestRelay({
  env = {},
  clock = manualClock(),
  timers,
  deliveryTimers,
  sleep,
  publicUrl,
}: TestRelayOptions = {}) {
  const dataDir = env.RELAY_DATA_DIR ?? join(tempDir(), 'data');
  const config = loadConfig({ RELAY_DATA_DIR: dataDir, RELAY_PORT: '0', ...env });
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });
  const relay = await startRelay(config, logger, {
    now: clock.now,
    ...(timers ? { timers } : {}),
    ...(deliveryTimers ? { deliveryTimers } : {}),
    ...(sleep ? { sleep } : {}),
    ...(publicUrl ? { publicUrl } : {}),
  });
  running.push(relay);
  const admin = createWorkspaceAdmin({ store: relay.services.store, now: clock.now });

  const call = (
    path: string,
    { token, method = 'GET', body, headers = {} }: CallOptions = {},
  ): Promise<Response> =>
    fetch(`${relay.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  /** A session token for `apiKey`, failing the test if the relay refuses. */
  const sessionFor = async (apiKey: string): Promise<string> => {
    const response = await call('/v1/session', { method: 'POST', body: { apiKey } });
    if (response.status !== 200) throw new Error(`session refused: ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  };

  /** A workspace with an admin and a marketer, each with a key and a session. */
  const workspaceWithUsers = async (name: string) => {
    const { workspace, adminKey } = await admin.createWorkspace(name);
    const marketerKey = await admin.issueKey(workspace.id, { role: 'marketer' });
    if (!marketerKey) throw new Error('workspace vanished');
    return {
      workspace,
      adminKey,
      marketerKey,
      adminToken: await sessionFor(adminKey.apiKey),
      marketerToken: await sessionFor(marketerKey.apiKey),
    };
  };

  return {
    relay,
    url: relay.url,
    dataDir,
    config,
    clock,
    logLines,
    admin,
    call,
    sessionFor,
    workspaceWithUsers,
  };
}

export interface CallOptions {
  token?: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The catalog code of an error response. */
export const errorCode = async (response: Response): Promise<string> =>
  ((await response.json()) as { error: { code: string } }).error.code;
