import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  scheduleDailyChecks,
} from '../../../../../proxy/facebook/connection/daily-check-schedule.ts';
import { createLogger } from '../../../../../proxy/log.ts';
import { manualTimers } from '../../../../support/manual-timers.ts';

const quietLogger = (lines: string[] = []) => createLogger({ write: (line) => lines.push(line) });
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('scheduleDailyChecks', () => {
  it('runs soon after start, then daily, one run at a time', async () => {
    const { timers, armed, fire } = manualTimers();
    let runs = 0;
    let finish: () => void = () => {};
    const schedule = scheduleDailyChecks({
      run: () => {
        runs += 1;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      logger: quietLogger(),
      timers,
    });
    expect(armed()).toEqual([60_000]);
    fire();
    expect(runs).toBe(1);
    // Nothing is armed while a run is in flight.
    expect(armed()).toEqual([]);
    finish();
    await settle();
    expect(armed()).toEqual([DAY_MS]);
    fire();
    finish();
    await settle();
    expect(runs).toBe(2);
    await schedule.stop();
  });

  it('keeps its rhythm when a run fails, and logs it', async () => {
    const { timers, armed, fire } = manualTimers();
    const lines: string[] = [];
    const schedule = scheduleDailyChecks({
      run: async () => {
        throw new Error('Graph is down');
      },
      logger: quietLogger(lines),
      timers,
    });
    fire();
    await settle();
    expect(lines.join('\n')).toContain('scheduled Facebook check failed');
    expect(armed()).toEqual([DAY_MS]);
    await schedule.stop();
  });

  it('stops: nothing armed, and the run in flight is waited for', async () => {
    const { timers, armed, fire } = manualTimers();
    let finished = false;
    let finish: () => void = () => {};
    const schedule = scheduleDailyChecks({
      run: () =>
        new Promise<void>((resolve) => {
          finish = () => {
            finished = true;
            resolve();
          };
        }),
      logger: quietLogger(),
      timers,
    });
    fire();
    const stopped = schedule.stop();
    finish();
    await stopped;
    expect(finished).toBe(true);
    expect(armed()).toEqual([]);
  });
});
