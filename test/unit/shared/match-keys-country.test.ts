import { describe, expect, it } from 'vitest';
import { ISO_ALPHA2_TO_ALPHA3 } from '../../../shared/match-keys/country-codes.ts';
import { normalizeMatchKey } from '../../../shared/match-keys.ts';

const country = (raw: string) => normalizeMatchKey('COUNTRY', raw);

describe('COUNTRY', () => {
  it.each([
    [
      'us',
      [
        'US',
        'us',
        'USA',
        'U.S.',
        'U.S.A.',
        'United States',
        'united states of america',
        ' America ',
      ],
    ],
    ['gb', ['GB', 'GBR', 'UK', 'United Kingdom', 'Great Britain', 'England', 'Scotland', 'Wales']],
    [
      'de',
      [
        'DE',
        'DEU',
        'Germany',
        'Deutschland',
        'Allemagne',
        'Alemania',
        'Германия',
        'ドイツ',
        '독일',
        '德国',
      ],
    ],
    ['jp', ['JP', 'JPN', 'Japan', 'Japon', '日本', 'Ｊａｐａｎ']],
    ['ci', ["Côte d'Ivoire", 'Côte d’Ivoire', 'COTE D IVOIRE', 'Ivory Coast']],
    ['kn', ['St. Kitts & Nevis', 'Saint Kitts and Nevis', 'St Kitts and Nevis']],
    ['nl', ['Netherlands', 'The Netherlands', 'Holland', 'Nederland', 'Pays-Bas']],
    ['tr', ['Türkiye', 'Turkey', 'turkiye', 'Türkei']],
    ['cz', ['Czechia', 'Czech Republic', 'Tschechien']],
    ['kr', ['Korea', 'South Korea', 'Republic of Korea', 'Korea, Republic of', '대한민국']],
    ['kp', ['North Korea', 'DPRK']],
    ['cd', ['Congo - Kinshasa', 'DRC', 'Democratic Republic of the Congo']],
    ['cg', ['Congo', 'Congo - Brazzaville', 'Republic of the Congo']],
    ['ba', ['Bosnia and Herzegovina', 'Bosnia & Herzegovina', 'Bosnia']],
    ['mx', ['Mexico', 'México', 'MEX']],
    ['ae', ['United Arab Emirates', 'UAE', 'ARE']],
    ['hk', ['Hong Kong', 'Hong Kong SAR China', 'HKG']],
    ['mk', ['North Macedonia', 'Macedonia']],
    ['mm', ['Myanmar', 'Burma', 'Myanmar (Burma)']],
    ['st', ['ST', 'STP', 'São Tomé & Príncipe', 'Sao Tome and Principe']],
    ['ge', ['Georgia', 'GEO']],
    ['gn', ['Guinea']],
    ['gw', ['Guinea-Bissau']],
    ['ne', ['Niger']],
    ['ng', ['Nigeria']],
    ['ir', ['Iran', 'Irã']],
    ['cn', ['China', 'Çin', '中国']],
  ])('%s from %j', (code, inputs) => {
    for (const input of inputs) expect(country(input), input).toBe(code);
  });

  it('knows all 249 ISO countries by alpha-2, alpha-3 and English name', () => {
    const pairs = ISO_ALPHA2_TO_ALPHA3.trim().split(/\s+/);
    expect(pairs).toHaveLength(2 * 249);
    const english = new Intl.DisplayNames(['en'], { type: 'region' });
    for (let i = 0; i < pairs.length; i += 2) {
      const [alpha2 = '', alpha3 = ''] = [pairs[i], pairs[i + 1]];
      const code = alpha2.toLowerCase();
      expect([alpha2, alpha3, english.of(alpha2) ?? ''].map(country), alpha2).toEqual([
        code,
        code,
        code,
      ]);
    }
  });

  it.each([
    ['', 'empty'],
    ['XK', 'Kosovo has no official ISO code'],
    ['Kosovo', 'nor a name that maps to one'],
    ['EU', 'a union, not a country'],
    ['EUA', "Portuguese's abbreviation is no ISO code"],
    ['!!!', 'punctuation only'],
    ['Europe', 'a continent'],
    ['ZZ', 'an unassigned code'],
    ['USAA', 'a near-code'],
    ['U', 'one letter'],
    ['123', 'digits'],
    ['Atlantis', 'no such country'],
  ])('%j is unusable: %s', (raw) => {
    expect(country(raw)).toBeNull();
  });
});
