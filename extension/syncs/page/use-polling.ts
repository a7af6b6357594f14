import { useEffect, useRef } from 'preact/hooks';

export type Timers = Pick<typeof globalThis, 'setInterval' | 'clearInterval'>;

/**
 * Runs `load` now and every `intervalMs` while the component is shown, never two at once: a
 * slow answer makes the next run wait rather than pile up. The latest `load` is always used.
 */
export function usePolling(
  load: () => Promise<void>,
  intervalMs: number,
  timers: Timers = globalThis,
  key: unknown = null,
): void {
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      void latest.current().finally(() => {
        running = false;
      });
    };
    tick();
    const timer = timers.setInterval(tick, intervalMs);
    return () => timers.clearInterval(timer);
  }, [intervalMs, timers, key]);
}
