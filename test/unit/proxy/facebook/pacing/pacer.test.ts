import { describe, expect, it } from 'vitest';
import { createPacer, type PacerOptions } from '../../../../../proxy/facebook/pacing/pacer.ts';
import { MINUTE, manualClock, sleepOnClock } from '../../../../support/manual-clock.ts';

/** A pacer on a manual clock whose sleeps move the clock and are written down. */
function pacerOnClock(options: PacerOptions = {}) {
  const { clock, sleeps, sleep } = sleepOnClock();
  const pacer = createPacer({ now: clock.now, sleep, ...options });
  return { pacer, clock, sleeps };
}

const buc = (accountId: string, percent: number, regainMinutes = 0) =>
  new Headers({
    'x-business-use-case-usage': JSON.stringify({
      [accountId]: [
        {
          type: 'custom_audience',
          call_count: percent,
          total_cputime: 1,
          total_time: 1,
          estimated_time_to_regain_access: regainMinutes,
        },
      ],
    }),
  });

/** The pause `ready` makes before the next call on the account. */
async function nextWait(pacer: ReturnType<typeof createPacer>, sleeps: number[], id?: string) {
  sleeps.length = 0;
  await pacer.ready(id);
  return sleeps.reduce((sum, ms) => sum + ms, 0);
}

describe('pacer', () => {
  it('lets calls through at once while usage is low or unknown', async () => {
    const { pacer, sleeps } = pacerOnClock();
    expect(await nextWait(pacer, sleeps, '42')).toBe(0);
    pacer.observe('42', buc('42', 74));
    expect(await nextWait(pacer, sleeps, '42')).toBe(0);
    expect(await nextWait(pacer, sleeps, '42')).toBe(0);
  });

  it('spaces calls along the documented curve as usage nears 100 %', async () => {
    const expected: [number, number][] = [
      [80, 2_400],
      [90, 21_600],
      [99, 55_296],
      [100, 60_000],
    ];
    for (const [percent, delay] of expected) {
      const { pacer, sleeps } = pacerOnClock();
      await pacer.ready('42');
      pacer.observe('42', buc('42', percent));
      expect(await nextWait(pacer, sleeps, 'act_42'), `${percent} %`).toBe(delay);
    }
  });

  it('takes the higher of the business-use-case and ad-account readings', async () => {
    const { pacer, sleeps } = pacerOnClock();
    await pacer.ready('42');
    const headers = buc('42', 10);
    headers.set('x-ad-account-usage', JSON.stringify({ acc_id_util_pct: 90 }));
    pacer.observe('act_42', headers);
    expect(await nextWait(pacer, sleeps, '42')).toBe(21_600);
  });

  it('paces each ad account on its own readings', async () => {
    const { pacer, sleeps } = pacerOnClock();
    await pacer.ready('42');
    pacer.observe('42', buc('42', 100));
    expect(await nextWait(pacer, sleeps, '43')).toBe(0);
    expect(await nextWait(pacer, sleeps)).toBe(0);
  });

  it('spaces calls that wait together instead of releasing them at once', async () => {
    const clock = manualClock();
    const sleeps: number[] = [];
    // Sleeps that take no time: the three calls are all waiting at the same instant.
    const pacer = createPacer({ now: clock.now, sleep: async (ms) => void sleeps.push(ms) });
    await pacer.ready('42');
    pacer.observe('42', buc('42', 90));
    await Promise.all([1, 2, 3].map(() => pacer.ready('42')));
    expect(sleeps).toEqual([21_600, 43_200, 64_800]);
  });

  it("stops for Meta's estimated_time_to_regain_access", async () => {
    const { pacer, sleeps } = pacerOnClock();
    pacer.observe('42', buc('42', 100, 19), { throttled: true });
    expect(await nextWait(pacer, sleeps, '42')).toBe(19 * MINUTE);
  });

  it('tells until when an account is paused, so a caller can wait elsewhere', () => {
    const { pacer, clock } = pacerOnClock();
    expect(pacer.pausedUntil('42')).toBeUndefined();
    pacer.observe('42', buc('42', 100, 19), { throttled: true });
    expect(pacer.pausedUntil('act_42')).toEqual(new Date(clock.now().getTime() + 19 * MINUTE));
    expect(pacer.pausedUntil('43')).toBeUndefined();
    expect(pacer.pausedUntil()).toBeUndefined();
    clock.advance(19 * MINUTE);
    expect(pacer.pausedUntil('42')).toBeUndefined();
  });

  it('backs off, doubling, after throttles that say nothing of when', async () => {
    const { pacer, sleeps } = pacerOnClock();
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      pacer.observe('42', new Headers(), { throttled: true });
      waits.push(await nextWait(pacer, sleeps, '42'));
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60].map((minutes) => minutes * MINUTE));
    pacer.observe('42', new Headers());
    pacer.observe('42', new Headers(), { throttled: true });
    expect(await nextWait(pacer, sleeps, '42')).toBe(MINUTE);
  });

  it('paces calls of no ad account on the app usage', async () => {
    const { pacer, sleeps } = pacerOnClock();
    await pacer.ready();
    pacer.observe(undefined, new Headers({ 'x-app-usage': JSON.stringify({ call_count: 90 }) }));
    expect(await nextWait(pacer, sleeps)).toBe(21_600);
    expect(await nextWait(pacer, sleeps, '42')).toBe(0);
    pacer.observe(undefined, new Headers(), { throttled: true });
    expect(await nextWait(pacer, sleeps)).toBe(MINUTE);
  });

  it('forgets readings older than a quarter of an hour', async () => {
    const { pacer, sleeps, clock } = pacerOnClock();
    await pacer.ready('42');
    pacer.observe('42', buc('42', 99));
    clock.advance(16 * MINUTE);
    expect(await nextWait(pacer, sleeps, '42')).toBe(0);
  });

  it('holds a waiting call back when a throttle arrives while it waits', async () => {
    const clock = manualClock();
    const sleeps: number[] = [];
    let pacer: ReturnType<typeof createPacer> | undefined;
    let throttledOnce = false;
    pacer = createPacer({
      now: clock.now,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
        if (!throttledOnce) {
          throttledOnce = true;
          pacer?.observe('42', buc('42', 100, 5), { throttled: true });
        }
      },
    });
    await pacer.ready('42');
    pacer.observe('42', buc('42', 80));
    await pacer.ready('42');
    expect(sleeps[0]).toBe(2_400);
    expect(sleeps.slice(1).reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(5 * MINUTE);
  });
});
