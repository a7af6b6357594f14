import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { spawnRelay } from '../support/relay-child.ts';

/**
 * The processes a benchmark runs beside its client: emulators and the real relay, each in its
 * own process so the client's work is not counted with theirs. `stop()` ends them all.
 */
export function benchProcesses() {
  const children: ChildProcess[] = [];
  const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

  return {
    /** A script of test/bench/ that prints its URL on its first line. */
    async serve(file: string): Promise<string> {
      const child = spawn(process.execPath, [here(file)], { stdio: ['pipe', 'pipe', 'inherit'] });
      children.push(child);
      const [url] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      return url;
    },
    /** `node proxy/main.ts` with this environment; resolves once it listens. */
    async startRelay(
      env: Record<string, string>,
      nodeFlags: readonly string[] = [],
    ): Promise<{ relay: ChildProcess; url: string }> {
      const { child, url } = spawnRelay({ RELAY_PORT: '0', ...env }, nodeFlags);
      children.push(child);
      return { relay: child, url: await url };
    },
    stop() {
      for (const child of children) {
        child.stdin?.end();
        child.kill('SIGTERM');
      }
    },
  };
}
