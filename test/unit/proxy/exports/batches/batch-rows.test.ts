import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AudienceBatch,
  MAX_BATCH_ROWS,
  RowBatcher,
} from '../../../../../proxy/exports/batches/batch-rows.ts';
import { rowsOf } from '../../../../support/batch-rows.ts';

/** Text JSON escapes or encodes in several bytes: quotes, controls, accents, emoji, a lone surrogate. */
const text = fc
  .array(fc.constantFrom('a', '"', '\\', '\n', '\u0001', 'é', '\u2028', '😀', '\ud800'), {
    maxLength: 12,
  })
  .map((characters) => characters.join(''));

interface AudienceRow {
  audience: string;
  row: string[];
}

const rowsFor = (audience: string, count: number): AudienceRow[] =>
  Array.from({ length: count }, (_, index) => ({ audience, row: [`${audience}-${index}`] }));

/** Every batch the rows make, in order, with its rows read back from its bytes. */
async function batch(rows: AudienceRow[], audiences = ['EMAIL'], batchSize?: number) {
  const batcher = new RowBatcher(audiences, batchSize);
  const batches: AudienceBatch[] = [];
  for (const { audience, row } of rows) {
    const full = batcher.add(audience, row);
    if (full) batches.push(full);
  }
  batches.push(...batcher.end());
  return batches.map((one) => ({ ...one, rows: rowsOf(one) }));
}

/** A batch as [audience, seq, row count, rows so far, last]. */
const shape = (batches: Awaited<ReturnType<typeof batch>>) =>
  batches.map(({ audience, seq, rows, rowsSoFar, last }) => [
    audience,
    seq,
    rows.length,
    rowsSoFar,
    last,
  ]);

describe('RowBatcher', () => {
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

  it('writes each batch as the exact JSON of its rows, however long and whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(text, { maxLength: 3 }), {
          maxLength: 8,
        }),
        async (cells) => {
          const rows = cells.map((row) => ({ audience: 'A', row }));
          for (const one of await batch(rows, ['A'], 3)) {
            expect(Buffer.from(one.data.bytes).toString('utf8')).toBe(JSON.stringify(one.rows));
            expect(one.size).toBe(one.rows.length);
          }
          expect((await batch(rows, ['A'], 3)).flatMap((one) => one.rows)).toEqual(cells);
        },
      ),
    );
  });

  it('grows a batch’s bytes past their first allocation, and starts the next one whole', async () => {
    const long = (index: number) => ({ audience: 'A', row: [`${index}${'é'.repeat(30_000)}`] });
    const batches = await batch(
      Array.from({ length: 5 }, (_, index) => long(index)),
      ['A'],
      3,
    );
    expect(batches.map((one) => one.rows)).toEqual([
      [0, 1, 2].map((index) => long(index).row),
      [3, 4].map((index) => long(index).row),
    ]);
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
