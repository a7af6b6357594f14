/**
 * V8 flags the relay runs with, however it is started. A young generation of at most 8 MiB
 * per semi-space: the export pipeline's garbage dies young (rows are written straight into
 * each batch's bytes), so a larger one holds nothing but uncollected garbage, and V8's default
 * lets it grow to 64 MiB per semi-space, some 100 MiB of the relay's memory during an export
 * (docs/benchmarks.md). Not a cap on the heap: a relay that needs more memory still gets it.
 */
export const RELAY_NODE_FLAGS = ['--max-semi-space-size=8'] as const;

const nameOf = (flag: string) => flag.split('=')[0] ?? flag;

/**
 * Starts this process again in place (same PID, `process.execve`) with `RELAY_NODE_FLAGS`
 * when it was started without them; an operator's own value for a flag (command line or
 * NODE_OPTIONS) wins. Call it before loading anything else: V8 reads these at start only.
 * Without `process.execve` (Windows) the relay runs on with Node's defaults.
 */
export function withRelayNodeFlags({
  execArgv = process.execArgv,
  nodeOptions = process.env.NODE_OPTIONS ?? '',
  execve = process.execve ?? null,
}: {
  execArgv?: readonly string[];
  nodeOptions?: string;
  /** `null` where the process cannot start again in place. */
  execve?: typeof process.execve | null;
} = {}): void {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map(nameOf);
  const missing = RELAY_NODE_FLAGS.filter((flag) => !given.includes(nameOf(flag)));
  if (missing.length === 0 || execve === null) return;
  execve(
    process.execPath,
    [process.execPath, ...missing, ...execArgv, ...process.argv.slice(1)],
    process.env,
  );
}
