import { z } from 'zod';
import { CONSENT_FILTERS } from './consent-settings.ts';
import { MATCH_KEYS } from './match-keys/keys.ts';

/** Why a source line or row could not be read at all (it is counted and skipped). */
export const SOURCE_PROBLEMS = [
  'line_too_long',
  'invalid_json',
  'not_an_object',
  'too_many_fields',
  'unterminated_quote',
] as const;
export type SourceProblemCode = (typeof SOURCE_PROBLEMS)[number];

export const SOURCE_PROBLEM_TEXT: Readonly<Record<SourceProblemCode, string>> = {
  line_too_long: 'The line is longer than the relay accepts.',
  invalid_json: 'The line is not valid JSON.',
  not_an_object: 'The line is JSON, but not an object with fields.',
  too_many_fields: 'The row has more values than the header has columns.',
  unterminated_quote: 'A quoted value is never closed, so the row runs to the end of the file.',
};

/** Said with every report: the relay never fakes a match rate. */
export const META_MATCH_NOTE =
  'Meta does not reveal which users matched, nor how many: these counts say what was sent and what Meta received, not who was found.';

const count = z.number().int().nonnegative();

/** Counts for one key of one audience, in users: at least one usable value, or values but none usable. */
export const fieldCounts = z.object({
  key: z.enum(MATCH_KEYS),
  valid: count,
  unusable: count,
});

export const audienceReport = z.object({
  audience: z.string().describe("The plan's audience id: the key, or MULTI_KEY."),
  schema: z.union([z.string(), z.array(z.enum(MATCH_KEYS))]),
  fields: z.array(fieldCounts),
  users: count.describe('Users with at least one row in this audience.'),
  sent: count.describe('Rows in the batches handed to the uploader.'),
  batches: count,
  meta: z
    .object({
      received: count.describe("Sum of Meta's num_received."),
      invalid: count.describe("Sum of Meta's num_invalid_entries (Meta says it is approximate)."),
    })
    .nullable()
    .describe('Filled by the uploader; null until Meta answered.'),
});
export type AudienceReport = z.infer<typeof audienceReport>;

/**
 * What an export did, from the source to Meta. The sums hold: `source.rowsRead` = `users.read`
 * + `source.malformed`; `users.read` = the removals + `users.eligible`; `users.eligible` =
 * `users.sent` + `users.withoutUsableKey`. The job layer extends it (audience ids, links).
 */
export const exportReport = z.object({
  source: z.object({
    rowsRead: count.describe('Data rows or lines, headers and blank lines not counted.'),
    malformed: count,
    malformedSample: z
      .array(z.object({ line: z.number().int().positive(), problem: z.enum(SOURCE_PROBLEMS) }))
      .describe('The first malformed rows, by line number.'),
    unmappedColumns: z
      .array(z.string())
      .describe('Columns or keys that name no match field (kept as custom attributes).'),
  }),
  users: z.object({
    read: count,
    removed: z.object(
      Object.fromEntries(CONSENT_FILTERS.map((filter) => [filter, count])) as Record<
        (typeof CONSENT_FILTERS)[number],
        typeof count
      >,
    ),
    eligible: count.describe('Users every consent filter kept.'),
    withoutUsableKey: count.describe('Eligible users with no usable value for any chosen key.'),
    sent: count.describe('Eligible users with at least one row sent.'),
  }),
  deviceIdsWithheld: count.describe(
    'Usable device IDs left out because ad tracking was not enabled.',
  ),
  audiences: z.array(audienceReport),
  matchNote: z.literal(META_MATCH_NOTE),
});
export type ExportReport = z.infer<typeof exportReport>;
