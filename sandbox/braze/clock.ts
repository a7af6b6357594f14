/** The emulator's time: an injected base clock plus an offset tests move through the control API. */
export interface Clock {
  now(): Date;
  advance(ms: number): void;
  set(at: Date): void;
  reset(): void;
}

export function createClock(base: () => Date = () => new Date()): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(base().getTime() + offsetMs),
    advance(ms) {
      offsetMs += ms;
    },
    set(at) {
      offsetMs = at.getTime() - base().getTime();
    },
    reset() {
      offsetMs = 0;
    },
  };
}
