import { describe, expect, it } from 'vitest';
import { RELAY_NODE_FLAGS, withRelayNodeFlags } from '../../../proxy/node-flags.ts';

/** The calls `withRelayNodeFlags` made to a recording `execve`. */
function restarts(options: { execArgv?: string[]; nodeOptions?: string }) {
  const calls: { file: string; args: readonly string[] }[] = [];
  withRelayNodeFlags({
    execArgv: [],
    nodeOptions: '',
    ...options,
    execve: ((file: string, args: readonly string[]) => {
      calls.push({ file, args });
    }) as typeof process.execve,
  });
  return calls;
}

describe('withRelayNodeFlags', () => {
  it('starts the process again with the relay’s flags first, keeping its own flags and arguments', () => {
    const [call, ...more] = restarts({ execArgv: ['--cpu-prof'] });
    expect(more).toEqual([]);
    expect(call?.file).toBe(process.execPath);
    expect(call?.args).toEqual([
      process.execPath,
      ...RELAY_NODE_FLAGS,
      '--cpu-prof',
      ...process.argv.slice(1),
    ]);
  });

  it('does nothing once the flags are there, or when the operator chose another value', () => {
    expect(restarts({ execArgv: [...RELAY_NODE_FLAGS] })).toEqual([]);
    expect(restarts({ execArgv: ['--max-semi-space-size=32'] })).toEqual([]);
    expect(restarts({ nodeOptions: '--trace-gc --max-semi-space-size=16' })).toEqual([]);
  });

  it('runs on with Node’s defaults where the process cannot start again in place', () => {
    expect(() => withRelayNodeFlags({ execArgv: [], nodeOptions: '', execve: null })).not.toThrow();
  });
});
