import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../../proxy/sources/bounded-memo.ts';

describe('boundedMemo', () => {
  it('computes each input once, null and undefined results included', () => {
    const calls: string[] = [];
    const memo = boundedMemo((input: string) => {
      calls.push(input);
      return input === 'none' ? null : input.length;
    });
    expect([memo('ab'), memo('ab'), memo('none'), memo('none')]).toEqual([2, 2, null, null]);
    expect(calls).toEqual(['ab', 'none']);
  });

  it('forgets everything past its bound, then remembers afresh', () => {
    let calls = 0;
    const memo = boundedMemo((input: number) => {
      calls++;
      return input * 2;
    }, 3);
    for (const input of [1, 2, 3, 1]) memo(input);
    expect(calls).toBe(3);
    memo(4); // the fourth distinct input clears the three remembered
    memo(1);
    expect(calls).toBe(5);
  });
});
