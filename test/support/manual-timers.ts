import type { Timers } from '../../proxy/schedule/repeat.ts';

/** Timers that fire only when the test says so, injected wherever the code schedules work. */
export function manualTimers() {
  const armed = new Map<number, { run: () => void; ms: number }>();
  let ids = 0;
  const timers: Timers = {
    setTimeout(run, ms) {
      ids += 1;
      armed.set(ids, { run, ms });
      return ids;
    },
    clearTimeout(handle) {
      armed.delete(handle as number);
    },
  };
  return {
    timers,
    /** The delays of what is armed, oldest first. */
    armed: () => [...armed.values()].map((timer) => timer.ms),
    /** Runs the oldest armed timer. */
    fire() {
      const [id, timer] = [...armed.entries()][0] ?? [];
      if (id === undefined || !timer) throw new Error('nothing armed');
      armed.delete(id);
      timer.run();
    },
  };
}
