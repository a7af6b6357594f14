import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../../proxy/log.ts';
import type { SyncRecord } from '../../../../../proxy/store/syncs.ts';
import { createDeliveryLoop } from '../../../../../proxy/syncs/delivery/delivery-loop.ts';
import { manualClock } from '../../../../support/manual-clock.ts';
import { manualTimers } from '../../../../support/manual-timers.ts';
import { activeSync } from '../../../../support/sync-records.ts';

/** A loop over `syncs` whose flushes are recorded and finish when the test says. */
function loopFixture(syncs: SyncRecord[]) {
  const clock = manualClock();
  const timers = manualTimers();
  const flushed: string[] = [];
  const finish = new Map<string, () => void>();
  const signals: AbortSignal[] = [];
  const logLines: string[] = [];
  const loop = createDeliveryLoop({
    syncs: { listActive: async () => syncs },
    flush: (sync, signal) => {
      flushed.push(sync.id);
      signals.push(signal);
      return new Promise<void>((resolve) => finish.set(sync.id, resolve));
    },
    logger: createLogger({ write: (line) => logLines.push(line) }),
    now: clock.now,
    timers: timers.timers,
  });
  /** Fires the armed tick and lets it list the syncs. */
  const fireTick = async () => {
    timers.fire();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const finishAll = async () => {
    for (const done of finish.values()) done();
    finish.clear();
    await loop.idle();
  };
  return { loop, clock, timers, flushed, signals, logLines, fireTick, finishAll };
}

describe('the delivery loop', () => {
  it('ticks every 5 seconds, re-arming after each tick', async () => {
    const f = loopFixture([activeSync()]);
    expect(f.timers.armed()).toEqual([]);
    f.loop.start();
    expect(f.timers.armed()).toEqual([5000]);
    await f.fireTick();
    expect(f.flushed).toEqual(['sync_1']);
    expect(f.timers.armed()).toEqual([5000]);
    await f.finishAll();
    await f.fireTick();
    expect(f.flushed).toEqual(['sync_1', 'sync_1']);
    await f.finishAll();
  });

  it('flushes every due sync side by side, never two flushes of one sync', async () => {
    const f = loopFixture([activeSync({ id: 'a' }), activeSync({ id: 'b' })]);
    await f.loop.tick();
    await f.loop.tick();
    expect(f.flushed).toEqual(['a', 'b']);
    await f.finishAll();
    await f.loop.tick();
    expect(f.flushed).toEqual(['a', 'b', 'a', 'b']);
    await f.finishAll();
  });

  it('leaves a sync alone until its retryAfter has passed', async () => {
    const clock = manualClock();
    const f = loopFixture([
      activeSync({ id: 'later', retryAfter: new Date(clock.now().getTime() + 10_000) }),
      activeSync({ id: 'due', retryAfter: clock.now() }),
    ]);
    await f.loop.tick();
    expect(f.flushed).toEqual(['due']);
    await f.finishAll();
    f.clock.advance(10_000);
    await f.loop.tick();
    expect(f.flushed).toEqual(['due', 'later', 'due']);
    await f.finishAll();
  });

  it('keeps ticking after a failed listing, logging it', async () => {
    const timers = manualTimers();
    const logLines: string[] = [];
    const loop = createDeliveryLoop({
      syncs: {
        listActive: async () => {
          throw new Error('disk gone');
        },
      },
      flush: async () => {},
      logger: createLogger({ write: (line) => logLines.push(line) }),
      timers: timers.timers,
    });
    loop.start();
    timers.fire();
    await new Promise((resolve) => setImmediate(resolve));
    expect(logLines.join('\n')).toContain('sync delivery tick failed');
    expect(timers.armed()).toEqual([5000]);
    await loop.close();
  });

  it('on close stops ticking and abandons flushes in flight, waiting for them', async () => {
    const f = loopFixture([activeSync()]);
    f.loop.start();
    await f.fireTick();
    const closed = f.loop.close();
    expect(f.signals[0]?.aborted).toBe(true);
    expect(f.timers.armed()).toEqual([]);
    let done = false;
    void closed.then(() => {
      done = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    await f.finishAll();
    await closed;
    await f.loop.tick();
    expect(f.flushed).toEqual(['sync_1']);
  });
});
