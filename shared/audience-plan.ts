import { z } from 'zod';
import { MATCH_KEYS, type MatchKey, SINGLE_KEY_SCHEMAS } from './match-keys/keys.ts';

const matchKeys = z
  .array(z.enum(MATCH_KEYS))
  .min(1, 'choose at least one field')
  .refine((keys) => new Set(keys).size === keys.length, 'each field only once');

/**
 * Which audiences an export fills, and on which keys. `per-field` is Braze's way: one
 * audience per chosen field (`EMAIL`, `PHONE`, `MADID` …). `multi-key` is one audience whose
 * rows carry every chosen key, Meta's recommended way to raise match rates.
 */
export const audiencePlan = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('per-field'), keys: matchKeys }),
  z.object({ kind: z.literal('multi-key'), keys: matchKeys }),
]);
export type AudiencePlan = z.infer<typeof audiencePlan>;

/** The id of the one audience of a multi-key plan. */
export const MULTI_KEY_AUDIENCE = 'MULTI_KEY';

/** One audience of a plan, with the `payload.schema` its uploads send. */
export interface PlannedAudience {
  /** The key for a per-field audience, `MULTI_KEY` for the multi-key one. */
  id: string;
  /** Per-field audiences take one row per value; the multi-key one, one row per user. */
  kind: AudiencePlan['kind'];
  /** Row columns, in order. */
  keys: readonly MatchKey[];
  /** A single-key schema name (`EMAIL_SHA256`), or the array of key names. */
  schema: string | readonly MatchKey[];
}

/**
 * The audiences a plan fills, in a fixed order: per-field audiences in the order chosen;
 * multi-key columns in `MATCH_KEYS` order whatever order they were chosen in, so that the
 * same choice always gives the same schema (Meta keeps an audience to one schema style).
 */
export function planAudiences(plan: AudiencePlan): PlannedAudience[] {
  if (plan.kind === 'multi-key') {
    const keys = MATCH_KEYS.filter((key) => plan.keys.includes(key));
    return [{ id: MULTI_KEY_AUDIENCE, kind: 'multi-key', keys, schema: keys }];
  }
  return plan.keys.map((key) => ({
    id: key,
    kind: 'per-field',
    keys: [key],
    // Keys without a single-key schema go as a one-column multi-key schema (keys.ts).
    schema:
      key in SINGLE_KEY_SCHEMAS
        ? SINGLE_KEY_SCHEMAS[key as keyof typeof SINGLE_KEY_SCHEMAS]
        : [key],
  }));
}
