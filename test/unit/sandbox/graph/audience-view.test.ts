import { describe, expect, it } from 'vitest';
import { approximateBounds } from '../../../../sandbox/graph/views/audience.ts';

describe('approximateBounds', () => {
  it('shows ±2 % rounded outward to two significant digits', () => {
    expect(approximateBounds(5000)).toEqual({ lower: 4900, upper: 5100 });
    expect(approximateBounds(1_234_567)).toEqual({ lower: 1_200_000, upper: 1_300_000 });
    expect(approximateBounds(37)).toEqual({ lower: 36, upper: 38 });
    expect(approximateBounds(0)).toEqual({ lower: 0, upper: 0 });
  });
});
