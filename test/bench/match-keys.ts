import { hash } from 'node:crypto';
import { matchKeyValue } from '../../shared/match-keys.ts';
import { cpuSecondsInTurn, type Figure, median } from './bench.ts';
import { generateEmails, generatePhones } from './generated-contacts.ts';

const EMAILS = 50_000;
const PHONES = 10_000;
const ROUNDS = 21;

export const name = 'match-keys';
export const description =
  'Match-key throughput (normalize + SHA-256, `matchKeyValue`) against a bare SHA-256 loop ' +
  `over the same generated strings, in turn in the same process, ${ROUNDS} rounds: ` +
  `${EMAILS.toLocaleString('en-US')} emails (20 % with capitals, 5 % with stray spaces) and ` +
  `${PHONES.toLocaleString('en-US')} phone numbers (workspace country US; 60 % E.164, ` +
  '20 % US national formats, 20 % other countries). Rows per CPU-second of this process, ' +
  'medians; the ratio is the median of the rounds’ ratios.';

export async function run(): Promise<Figure[]> {
  return [
    ...compareWithSha256(
      'email',
      generateEmails(EMAILS),
      (value) => matchKeyValue('EMAIL', value),
      { atLeast: 0.7 }, // the export engine's goal (issue 4)
    ),
    ...compareWithSha256('phone', generatePhones(PHONES), (value) =>
      matchKeyValue('PHONE', value, { defaultCountry: 'US' }),
    ),
  ];
}

function compareWithSha256(
  label: string,
  values: readonly string[],
  toMatchKey: (value: string) => string | null,
  ratioTarget?: Figure['target'],
): Figure[] {
  let sink = 0; // consumed below, so that no engine can skip the work
  const seconds = cpuSecondsInTurn(
    {
      sha256: () => {
        for (const value of values) sink += hash('sha256', value).length;
      },
      matchKey: () => {
        for (const value of values) sink += toMatchKey(value)?.length ?? 0;
      },
    },
    ROUNDS,
  );
  if (sink === 0) throw new Error('the benchmark produced nothing');
  const ratios = seconds.sha256.map(
    (base, round) => base / (seconds.matchKey[round] ?? Number.NaN),
  );
  const rowsPerSecond = (runs: number[]) => values.length / median(runs);
  return [
    { label: `${label}: matchKeyValue`, value: rowsPerSecond(seconds.matchKey), unit: 'rows/s' },
    { label: `${label}: bare SHA-256`, value: rowsPerSecond(seconds.sha256), unit: 'rows/s' },
    {
      label: `${label}: ratio to bare SHA-256`,
      value: median(ratios),
      unit: '×',
      ...(ratioTarget === undefined ? {} : { target: ratioTarget }),
    },
  ];
}
