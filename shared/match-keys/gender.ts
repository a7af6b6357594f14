import { foldForLookup } from './text-folding.ts';

/**
 * Words and letters for male and female in the languages of Meta's large markets, compared
 * after folding (so `Männlich`, `MÄNNLICH` and `mannlich` all count). Deliberately absent:
 * titles (`Mr`, `Mrs`), which are not gender data, and letters that mean different things
 * in different forms (`H` is "homme" in French but "Herr" in German).
 */
const WORDS = {
  m: [
    'm',
    'male',
    'man',
    'men',
    'boy',
    'masculine',
    'masculin',
    'masculino',
    'maschile',
    'maschio',
    'mannlich',
    'mann',
    'homme',
    'hombre',
    'homem',
    'uomo',
    'mannelijk',
    'mand',
    'mies',
    'mężczyzna',
    'męski',
    'muž',
    'mužský',
    'erkek',
    'мужской',
    'мужчина',
    'м',
    '男',
    '男性',
    '남',
    '남성',
    '남자',
  ],
  f: [
    'f',
    'female',
    'woman',
    'women',
    'girl',
    'feminine',
    'féminin',
    'féminine',
    'femme',
    'femenino',
    'femenina',
    'feminino',
    'mujer',
    'mulher',
    'femminile',
    'donna',
    'weiblich',
    'w',
    'frau',
    'vrouw',
    'vrouwelijk',
    'kvinna',
    'kvinne',
    'kvinde',
    'nainen',
    'kobieta',
    'żeński',
    'žena',
    'ženský',
    'kadın',
    'женский',
    'женщина',
    'ж',
    '女',
    '女性',
    '여',
    '여성',
    '여자',
  ],
} as const;

let genders: Map<string, 'm' | 'f'> | undefined;

/** GEN: `m` or `f`; every other value (other, unknown, prefer not to say, nil) is unusable. */
export function normalizeGender(raw: string): 'm' | 'f' | null {
  if (genders === undefined) {
    genders = new Map();
    for (const gender of ['m', 'f'] as const)
      for (const word of WORDS[gender]) genders.set(foldForLookup(word), gender);
  }
  return genders.get(foldForLookup(raw)) ?? null;
}
