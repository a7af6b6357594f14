import type { Timers } from '../../../../extension/syncs/page/use-polling.ts';
import { settle } from '../support/render-page.ts';

/** Intervals that run only when a test says so: `tick` runs every live one once. */
export function manualIntervals() {
  const live = new Map<number, () => void>();
  let next = 1;
  const timers = {
    setInterval: ((run: () => void) => {
      const id = next++;
      live.set(id, run);
      return id;
    }) as unknown as Timers['setInterval'],
    clearInterval: ((id: number) => {
      live.delete(id);
    }) as Timers['clearInterval'],
    async tick() {
      for (const run of [...live.values()]) run();
      await settle();
    },
    live: () => live.size,
  };
  return timers;
}
