import type { ChildProcess } from 'node:child_process';
import { spawnRelay } from '../../../support/relay-child.ts';

const children: ChildProcess[] = [];

/** For afterEach: kills every relay process started here. */
export function killRelayProcesses(): void {
  for (const child of children.splice(0)) child.kill('SIGKILL');
}

/** `node proxy/main.ts` in a child process, killed after the test; resolves with its URL once it listens. */
export async function startRelayProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const { child, url } = spawnRelay(env);
  children.push(child);
  return { child, url: await url };
}

/** `kill -9`, resolved once the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
