/**
 * One continuous sync through the real relay (`node proxy/main.ts`, its own process) into a
 * new EMAIL audience of the Graph emulator (another process), this process only the client
 * POSTing users to the ingest URL, 100 a request:
 * `node test/bench/sync-delivery-process.ts ingest <users> <concurrency>`: as fast as the relay
 * takes them; `node test/bench/sync-delivery-process.ts latency <users/s> <seconds>`: at a
 * steady rate, timing each request from its 202 to the moment the sync counts its users
 * synced (the queue is first in, first out). Prints a `SyncBenchResult` as JSON.
 */
import { DEMO_AD_ACCOUNT_ID } from '../../sandbox/graph/demo-world.ts';
import type { SyncView } from '../../shared/relay-api/syncs.ts';
import { benchProcesses } from './bench-processes.ts';

export interface SyncBenchResult {
  users: number;
  seconds: number;
  /** Latency runs: from each request's 202 to its users counted synced, in seconds. */
  ackSeconds: number[];
  synced: number;
}

const USERS_PER_REQUEST = 100;
const [mode = 'ingest', first = '100000', second = '8'] = process.argv.slice(2);
const processes = benchProcesses();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The JSON body of request `n`: users n×100 … n×100+99, each with an email. */
const body = (n: number) =>
  JSON.stringify(
    Array.from({ length: USERS_PER_REQUEST }, (_, index) => {
      const user = n * USERS_PER_REQUEST + index;
      return { external_id: `u${user}`, email: `user${user}@example.com` };
    }),
  );

try {
  const graphUrl = await processes.serve('./graph-emulator-process.ts');
  const { url: relayUrl, call, token } = await processes.startRelayWithWorkspace(graphUrl);
  const created = (await call(
    '/v1/syncs',
    {
      method: 'POST',
      body: JSON.stringify({
        name: 'Benchmark',
        adAccountId: DEMO_AD_ACCOUNT_ID,
        audience: { kind: 'new', name: 'Benchmark sync' },
        action: 'add',
        fields: ['EMAIL'],
      }),
    },
    token,
  )) as unknown as SyncView;
  await call(`/v1/syncs/${created.id}/launch`, { method: 'POST' }, token);
  const { secret } = (await call(`/v1/syncs/${created.id}/secret`, {}, token)) as {
    secret: string;
  };
  const ingest = async (n: number) => {
    const response = await fetch(`${relayUrl}/v1/ingest/${created.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: body(n),
    });
    if (response.status !== 202)
      throw new Error(`ingest: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    return performance.now();
  };
  const synced = async () =>
    ((await call(`/v1/syncs/${created.id}`, {}, token)) as unknown as SyncView).counts.synced;

  const result: SyncBenchResult = { users: 0, seconds: 0, ackSeconds: [], synced: 0 };
  if (mode === 'ingest') {
    const requests = Math.ceil(Number(first) / USERS_PER_REQUEST);
    let next = 0;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: Number(second) }, async () => {
        for (let n = next++; n < requests; n = next++) await ingest(n);
      }),
    );
    result.seconds = (performance.now() - began) / 1000;
    result.users = requests * USERS_PER_REQUEST;
  } else {
    const perSecond = Number(first);
    const requests = Math.round((perSecond * Number(second)) / USERS_PER_REQUEST);
    const spacingMs = (1000 * USERS_PER_REQUEST) / perSecond;
    // The synced count over time, polled all along (every 50 ms).
    const samples: [at: number, synced: number][] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const count = await synced();
        samples.push([performance.now(), count]);
        if (count >= requests * USERS_PER_REQUEST) return;
        await pause(50);
      }
    })();
    const accepted: Promise<number>[] = [];
    const began = performance.now();
    for (let n = 0; n < requests; n++) {
      await pause(began + n * spacingMs - performance.now());
      accepted.push(ingest(n));
    }
    const acceptedAt = await Promise.all(accepted);
    result.seconds = (performance.now() - began) / 1000;
    result.users = requests * USERS_PER_REQUEST;
    await Promise.race([poller, pause(120_000)]);
    polling = false;
    // Request n is synced once the count passes its last user: the queue is first in, first out.
    for (const [n, at] of acceptedAt.entries()) {
      const sample = samples.find(([, count]) => count >= (n + 1) * USERS_PER_REQUEST);
      if (sample) result.ackSeconds.push((sample[0] - at) / 1000);
    }
  }
  for (let i = 0; i < 600 && (await synced()) < result.users; i++) await pause(100);
  result.synced = await synced();
  console.log(JSON.stringify(result));
} finally {
  processes.stop();
}
