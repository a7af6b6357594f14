import { invalidParameter } from './errors.ts';

/** A validated `lookalike_spec` (reference §3.5). */
export interface LookalikeSpec {
  type: 'similarity' | 'reach' | 'custom_ratio';
  ratio: number;
  starting_ratio?: number;
  country?: string;
  location_spec?: Record<string, unknown>;
  allow_international_seeds: boolean;
}

/** `similarity` is the top 1 %, `reach` the top 5 %. */
const TYPE_RATIO = { similarity: 0.01, reach: 0.05 } as const;

const isStep = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;

/**
 * Validates a spec: `type` or `ratio` (0.01–0.20 in steps of 0.01; `custom_ratio` takes a
 * ratio too, for value-based lookalikes), an optional `starting_ratio` below the ratio, and
 * `country` or `location_spec` (exactly one).
 */
export function parseLookalikeSpec(spec: Record<string, unknown>): LookalikeSpec {
  const fail = (detail: string) => invalidParameter(`Invalid lookalike_spec: ${detail}`);
  const { type, ratio, starting_ratio, country, location_spec, allow_international_seeds } = spec;
  let kind: LookalikeSpec['type'];
  let size: number;
  if (type === 'similarity' || type === 'reach') {
    if (ratio !== undefined) throw fail('set either type or ratio, not both');
    kind = type;
    size = TYPE_RATIO[type];
  } else if (type === undefined || type === 'custom_ratio') {
    if (typeof ratio !== 'number') throw fail('ratio is required without a type');
    kind = 'custom_ratio';
    size = ratio;
  } else {
    throw fail('type must be similarity, reach or custom_ratio');
  }
  if (!(size >= 0.01 && size <= 0.2 && isStep(size))) {
    throw fail('ratio must be between 0.01 and 0.20 in steps of 0.01');
  }
  if (starting_ratio !== undefined) {
    if (typeof starting_ratio !== 'number' || starting_ratio < 0 || !isStep(starting_ratio)) {
      throw fail('starting_ratio must be a number in steps of 0.01');
    }
    if (starting_ratio >= size) throw fail('starting_ratio must be less than ratio');
  }
  if ((country === undefined) === (location_spec === undefined)) {
    throw fail('set exactly one of country or location_spec');
  }
  if (country !== undefined && (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country))) {
    throw fail('country must be an ISO 3166-1 alpha-2 code such as US');
  }
  if (location_spec !== undefined) checkLocationSpec(location_spec, fail);
  if (allow_international_seeds !== undefined && typeof allow_international_seeds !== 'boolean') {
    throw fail('allow_international_seeds must be a boolean');
  }
  return {
    type: kind,
    ratio: size,
    ...(starting_ratio === undefined ? {} : { starting_ratio }),
    ...(typeof country === 'string' ? { country } : {}),
    ...(location_spec === undefined
      ? {}
      : { location_spec: location_spec as Record<string, unknown> }),
    allow_international_seeds: allow_international_seeds === true,
  };
}

function checkLocationSpec(value: unknown, fail: (detail: string) => Error): void {
  const geo = (value as { geo_locations?: { countries?: unknown; country_groups?: unknown } })
    ?.geo_locations;
  const lists = [geo?.countries, geo?.country_groups].filter((list) => list !== undefined);
  const ok =
    lists.length > 0 &&
    lists.every(
      (list) =>
        Array.isArray(list) &&
        list.length > 0 &&
        list.every((entry) => typeof entry === 'string' && entry !== ''),
    );
  if (!ok) throw fail('location_spec.geo_locations needs countries or country_groups');
}
