/**
 * Languages besides English whose words for countries and months (as `Intl` spells them)
 * are recognised: those of Meta's large markets, in their main scripts.
 */
export const OTHER_LANGUAGES = [
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'hu',
  'ro',
  'tr',
  'el',
  'ru',
  'uk',
  'ar',
  'he',
  'hi',
  'ja',
  'ko',
  'zh',
  'zh-Hant',
  'id',
  'vi',
  'th',
];
