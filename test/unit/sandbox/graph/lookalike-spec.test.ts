import { describe, expect, it } from 'vitest';
import { parseLookalikeSpec } from '../../../../sandbox/graph/lookalike-spec.ts';

describe('parseLookalikeSpec', () => {
  it('turns a type into its ratio', () => {
    expect(parseLookalikeSpec({ type: 'similarity', country: 'US' })).toEqual({
      type: 'similarity',
      ratio: 0.01,
      country: 'US',
      allow_international_seeds: false,
    });
    expect(parseLookalikeSpec({ type: 'reach', country: 'US' }).ratio).toBe(0.05);
  });

  it('takes a ratio alone or with custom_ratio, and a starting ratio below it', () => {
    expect(parseLookalikeSpec({ ratio: 0.2, country: 'FR' })).toMatchObject({
      type: 'custom_ratio',
      ratio: 0.2,
    });
    expect(parseLookalikeSpec({ type: 'custom_ratio', ratio: 0.01, country: 'US' }).ratio).toBe(
      0.01,
    );
    expect(
      parseLookalikeSpec({ ratio: 0.03, starting_ratio: 0.02, country: 'US' }).starting_ratio,
    ).toBe(0.02);
  });

  it('takes a location_spec with countries or country groups', () => {
    const spec = { ratio: 0.01, location_spec: { geo_locations: { country_groups: ['europe'] } } };
    expect(parseLookalikeSpec(spec).location_spec).toEqual(spec.location_spec);
  });

  it.each([
    [{ type: 'similarity', ratio: 0.01, country: 'US' }],
    [{ type: 'custom_ratio', country: 'US' }],
    [{ ratio: 0, country: 'US' }],
    [{ ratio: 0.21, country: 'US' }],
    [{ ratio: 0.031, country: 'US' }],
    [{ ratio: '0.01', country: 'US' }],
    [{ ratio: 0.02, starting_ratio: 0.03, country: 'US' }],
    [{ ratio: 0.02, starting_ratio: 0.015, country: 'US' }],
    [{ ratio: 0.02 }],
    [{ ratio: 0.02, country: 'USA' }],
    [{ ratio: 0.02, location_spec: { geo_locations: {} } }],
    [{ ratio: 0.02, location_spec: { geo_locations: { countries: [] } } }],
    [{ ratio: 0.02, country: 'US', allow_international_seeds: 'yes' }],
  ])('refuses %j', (spec) => {
    expect(() => parseLookalikeSpec(spec)).toThrow(/Invalid lookalike_spec/);
  });
});
