import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AudienceRow,
  batchRows,
  MAX_BATCH_ROWS,
} from '../../../../../proxy/exports/batches/batch-rows.ts';

async function* each<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

const rowsFor = (audience: string, count: number): AudienceRow[] =>
  Array.from({ length: count }, (_, index) => ({ audience, row: [`${audience}-${index}`] }));

const batch = (rows: AudienceRow[], audiences = ['EMAIL'], batchSize?: number) =>
  Array.fromAsync(batchRows(each(rows), { audiences, batchSize }));

/** A batch as [audience, seq, row count, rows so far, last]. */
const shape = (batches: Awaited<ReturnType<typeof batch>>) =>
  batches.map(({ audience, seq, rows, rowsSoFar, last }) => [
    audience,
    seq,
    rows.length,
    rowsSoFar,
    last,
  ]);

describe('batchRows', () => {
  it.each([
    [9_999, [['EMAIL', 1, 9_999, 9_999, true]]],
    [10_000, [['EMAIL', 1, 10_000, 10_000, true]]],
    [
      10_001,
      [
        ['EMAIL', 1, 10_000, 10_000, false],
        ['EMAIL', 2, 1, 10_001, true],
      ],
    ],
    [
      20_000,
      [
        ['EMAIL', 1, 10_000, 10_000, false],
        ['EMAIL', 2, 10_000, 20_000, true],
      ],
    ],
  ])('cuts %i rows into Meta-sized batches', async (count, expected) => {
    const rows = rowsFor('EMAIL', count);
    const batches = await batch(rows);
    expect(shape(batches)).toEqual(expected);
    expect(batches.flatMap((one) => one.rows)).toEqual(rows.map(({ row }) => row));
  });

  it('takes a lower batch size', async () => {
    expect(shape(await batch(rowsFor('EMAIL', 7), ['EMAIL'], 3))).toEqual([
      ['EMAIL', 1, 3, 3, false],
      ['EMAIL', 2, 3, 6, false],
      ['EMAIL', 3, 1, 7, true],
    ]);
  });

  it('numbers each audience on its own and keeps each audience’s row order', async () => {
    const rows = [
      ...rowsFor('EMAIL', 3),
      ...rowsFor('PHONE', 2),
      ...rowsFor('EMAIL', 1).map(({ row }) => ({ audience: 'EMAIL', row: [`${row[0]}b`] })),
    ];
    const batches = await batch(rows, ['EMAIL', 'PHONE', 'MADID'], 2);
    expect(shape(batches)).toEqual([
      ['EMAIL', 1, 2, 2, false],
      ['EMAIL', 2, 2, 4, true],
      ['PHONE', 1, 2, 2, true],
    ]);
    expect(batches[1]?.rows).toEqual([['EMAIL-2'], ['EMAIL-0b']]);
  });

  it('yields nothing for no rows', async () => {
    expect(await batch([], ['EMAIL', 'PHONE'])).toEqual([]);
  });

  it('refuses sizes Meta would refuse, and rows for an audience not in the plan', async () => {
    for (const batchSize of [0, MAX_BATCH_ROWS + 1, 2.5]) {
      await expect(batch(rowsFor('EMAIL', 1), ['EMAIL'], batchSize)).rejects.toThrow(RangeError);
    }
    await expect(batch(rowsFor('PHONE', 1), ['EMAIL'])).rejects.toThrow(/No audience PHONE/);
  });

  it('is deterministic: the same rows always give the same batches, every row once, in order', async () => {
    const audiences = ['A', 'B', 'C'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...audiences), fc.string()), { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        async (pairs, size) => {
          const rows = pairs.map(([audience, value]) => ({ audience, row: [value] }));
          const first = await batch(rows, audiences, size);
          expect(await batch(rows, audiences, size)).toEqual(first);
          for (const audience of audiences) {
            const mine = first.filter((one) => one.audience === audience);
            expect(mine.flatMap((one) => one.rows)).toEqual(
              rows.filter((row) => row.audience === audience).map(({ row }) => row),
            );
            expect(mine.map((one) => one.seq)).toEqual(mine.map((_, index) => index + 1));
            expect(mine.every((one) => one.rows.length >= 1 && one.rows.length <= size)).toBe(true);
            expect(mine.map((one) => one.last)).toEqual(
              mine.map((_, index) => index === mine.length - 1),
            );
          }
        },
      ),
    );
  });
});
