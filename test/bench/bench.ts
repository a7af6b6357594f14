/** What every benchmark module exports; `run.ts` lists them. */
export interface Bench {
  /** Short id, used to pick benches on the command line: `npm run bench -- match-keys`. */
  name: string;
  /** One sentence for the report: what is measured, over what data. */
  description: string;
  run(): Promise<Figure[]>;
}

export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** The goal for this figure, when it has one. */
  target?: { atLeast: number } | { atMost: number };
}

export function meetsTarget({ value, target }: Figure): boolean | undefined {
  if (target === undefined) return undefined;
  return 'atLeast' in target ? value >= target.atLeast : value <= target.atMost;
}

/**
 * Warms every contender up twice (JIT, lazy tables), then runs them in turn, `rounds` times,
 * so that a busy moment of a shared machine hits them alike. Returns the CPU seconds of each
 * run: this process's CPU time, unlike wall time, does not count the moments another
 * process had the core, which on a 2-core machine shared with other work is most of the noise.
 */
export function cpuSecondsInTurn<Name extends string>(
  contenders: Record<Name, () => void>,
  rounds: number,
): Record<Name, number[]> {
  const names = Object.keys(contenders) as Name[];
  const seconds = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    Name,
    number[]
  >;
  for (const name of names) for (let warmUp = 0; warmUp < 2; warmUp++) contenders[name]();
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const started = process.cpuUsage();
      contenders[name]();
      const { user, system } = process.cpuUsage(started);
      seconds[name].push((user + system) / 1e6);
    }
  }
  return seconds;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}
