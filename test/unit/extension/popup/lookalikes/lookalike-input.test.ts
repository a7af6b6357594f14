import { describe, expect, it } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import {
  countryCodes,
  countryName,
  parseLookalikeInput,
} from '../../../../../extension/popup/lookalikes/lookalike-input.ts';

const errors = en.lookalike.errors;

describe('the lookalike form’s input', () => {
  it.each([
    ['us', ['US']],
    [' us, ca ;gb  de ', ['US', 'CA', 'GB', 'DE']],
    ['US, us', ['US']],
    ['', []],
    [' , ', []],
  ])('reads the country codes in %j', (typed, codes) => {
    expect(countryCodes(typed)).toEqual(codes);
  });

  it.each([
    ['US', 'United States'],
    ['DE', 'Germany'],
    ['XK', 'Kosovo'],
  ])('names the country %s', (code, name) => {
    expect(countryName(code)).toBe(name);
  });

  it.each(['XX', 'ZZ', 'EU', 'UN', 'UK', 'QO', 'USA', 'U', '12'])(
    'knows %s is no country Meta targets',
    (code) => {
      expect(countryName(code)).toBeNull();
    },
  );

  it.each([
    ['us', '1', { countries: ['US'], ratio: 0.01 }],
    ['US, CA', '20', { countries: ['US', 'CA'], ratio: 0.2 }],
    ['fr', ' 7 ', { countries: ['FR'], ratio: 0.07 }],
  ])('turns %j and %j %% into a request', (countries, ratio, request) => {
    expect(parseLookalikeInput({ countries, ratio })).toEqual({ ok: true, request });
  });

  it.each([
    ['', '1', { countries: errors.countriesMissing }],
    ['US, XX, ZZ', '1', { countries: errors.countryUnknown('XX, ZZ') }],
    ['USA', '1', { countries: errors.countryUnknown('USA') }],
    ['US', '0', { ratio: errors.ratioInvalid }],
    ['US', '21', { ratio: errors.ratioInvalid }],
    ['US', '2.5', { ratio: errors.ratioInvalid }],
    ['US', '', { ratio: errors.ratioInvalid }],
    ['US', '5%', { ratio: errors.ratioInvalid }],
    ['', 'x', { countries: errors.countriesMissing, ratio: errors.ratioInvalid }],
  ])('refuses %j with %j %%', (countries, ratio, found) => {
    expect(parseLookalikeInput({ countries, ratio })).toEqual({ ok: false, errors: found });
  });

  it('refuses more countries than Meta takes', () => {
    const many = 'US CA GB DE FR IT ES NL BE AT CH SE NO DK FI IE PT PL CZ HU RO GR BG HR SI SK';
    expect(countryCodes(many)).toHaveLength(26);
    expect(parseLookalikeInput({ countries: many, ratio: '1' })).toEqual({
      ok: false,
      errors: { countries: errors.tooManyCountries },
    });
  });
});
