import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../proxy/main.ts', import.meta.url));

/**
 * `node proxy/main.ts` in a child process with only this environment (and PATH). `url`
 * resolves once the relay logs the URL it listens on, and rejects with its output if it exits
 * first; the child is returned at once, so a caller can always stop it.
 */
export function spawnRelay(
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [...nodeFlags, MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /"url":"(http:\/\/[^"]+)"/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`relay exited (${code}):\n${out}`)));
  });
  return { child, url };
}
