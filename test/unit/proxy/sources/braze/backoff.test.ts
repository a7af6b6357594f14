import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from '../../../../../proxy/sources/braze/backoff.ts';

const BACKOFF = { baseMs: 500, maxMs: 30_000 };

describe('backoffDelay', () => {
  it('doubles per attempt up to the cap, between half and all of the nominal pause', () => {
    const nominal = [500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000];
    nominal.forEach((ms, attempt) => {
      expect(backoffDelay(attempt, BACKOFF, () => 0)).toBe(ms / 2);
      expect(backoffDelay(attempt, BACKOFF, () => 0.5)).toBe((ms * 3) / 4);
      expect(backoffDelay(attempt, BACKOFF, () => 0.999_999)).toBeCloseTo(ms, 0);
    });
  });

  it('never exceeds the cap, even after many attempts', () => {
    expect(backoffDelay(1000, BACKOFF, () => 1)).toBe(30_000);
  });
});

describe('sleep', () => {
  it('rejects with the reason at once when the signal aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const waiting = sleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });

  it('rejects before waiting when the signal has already aborted', async () => {
    await expect(sleep(60_000, AbortSignal.abort('gone'))).rejects.toBe('gone');
  });
});
