/** What the generator knows about each country its users live in. */
export interface Locale {
  country: CountryCode;
  countryName: string;
  language: string;
  timeZones: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  cities: readonly string[];
  /** Values of the `state` custom attribute, as marketers import them (codes and names). */
  states: readonly string[];
  /** Makes a `zip_code` from random digits. */
  zip(digits: (count: number) => string): string;
  phone: PhonePlan;
}

/** How a country's mobile numbers look; the last six national digits identify the user. */
export interface PhonePlan {
  callingCode: string;
  /** National (significant) number prefixes; random digits then the 6-digit user code follow. */
  prefixes: readonly string[];
  /** Digits between prefix and user code. */
  fillerDigits: number;
  /** Trunk prefix dialled nationally ('0' in most of Europe, '' in the US). */
  trunk: string;
  /** Groups a national significant number for display, e.g. `(415) 555-0123`. */
  national(nsn: string): string;
  international(nsn: string): string;
}

export type CountryCode = 'US' | 'GB' | 'DE' | 'FR' | 'BR' | 'IN' | 'JP';

/** Romanized forms for names in non-Latin scripts, used to build email addresses. */
export const ROMANIZED: Readonly<Record<string, string>> = {
  山田: 'yamada',
  佐藤: 'sato',
  高橋: 'takahashi',
  田中: 'tanaka',
  太郎: 'taro',
  花子: 'hanako',
  さくら: 'sakura',
  Иван: 'ivan',
  Петров: 'petrov',
  Наталья: 'natalya',
  محمد: 'mohammed',
  فاطمة: 'fatima',
  मोहन: 'mohan',
  शर्मा: 'sharma',
  प्रिया: 'priya',
};

const group = (nsn: string, sizes: readonly number[], separator: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(nsn.slice(at, at + size));
    at += size;
  }
  if (at < nsn.length) parts.push(nsn.slice(at));
  return parts.join(separator);
};

export const LOCALES: Readonly<Record<CountryCode, Locale>> = {
  US: {
    country: 'US',
    countryName: 'United States',
    language: 'en',
    timeZones: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
    firstNames: [
      'James',
      'Mary',
      'Zoë',
      'José',
      'Chloé',
      'Michael',
      'Aaliyah',
      "D'Andre",
      'Иван',
      'Olivia',
      'Liam',
      'Noah',
    ],
    lastNames: [
      'Smith',
      'Johnson',
      'García',
      "O'Brien",
      'Nguyen',
      'Williams',
      'Martínez',
      'Brown',
      'Petrov',
      'Van der Berg',
    ],
    cities: [
      'New York',
      'San José',
      'Los Angeles',
      'St. Louis',
      'Saint Paul',
      'Coeur d’Alene',
      'Chicago',
      'Española',
    ],
    states: ['CA', 'NY', 'TX', 'WA', 'IL', 'California', 'New York', 'ca'],
    zip: (digits) => (digits(1) < '3' ? `${digits(5)}-${digits(4)}` : digits(5)),
    phone: {
      callingCode: '1',
      // Area code and the exchange's first digit (never 0 or 1).
      prefixes: ['2125', '4153', '3126', '6174', '2068', '3037', '5129', '3052', '4048', '7022'],
      fillerDigits: 0,
      trunk: '',
      national: (nsn) => `(${nsn.slice(0, 3)}) ${nsn.slice(3, 6)}-${nsn.slice(6)}`,
      international: (nsn) => `+1 ${nsn.slice(0, 3)}-${nsn.slice(3, 6)}-${nsn.slice(6)}`,
    },
  },
  GB: {
    country: 'GB',
    countryName: 'United Kingdom',
    language: 'en',
    timeZones: ['Europe/London'],
    firstNames: ['Oliver', 'Amelia', 'Siobhán', 'Harry', 'Isla', 'Zoë', 'محمد', 'Fatima', 'Seán'],
    lastNames: [
      'Smith',
      'Jones',
      'Taylor',
      "O'Connor",
      'Ó Súilleabháin',
      'Patel',
      'Ahmed',
      'Brown',
    ],
    cities: ['London', 'Stoke-on-Trent', 'Milton Keynes', 'Edinburgh', "Bishop's Stortford"],
    states: ['England', 'Scotland', 'Wales', 'Greater London'],
    zip: (digits) => `SW${digits(1)}A ${digits(1)}AA`,
    phone: {
      callingCode: '44',
      prefixes: ['7412', '7453', '7521', '7568', '7723', '7781', '7802', '7867', '7934', '7960'],
      fillerDigits: 0,
      trunk: '0',
      national: (nsn) => `0${nsn.slice(0, 4)} ${nsn.slice(4)}`,
      international: (nsn) => `+44 ${nsn.slice(0, 4)} ${nsn.slice(4)}`,
    },
  },
  DE: {
    country: 'DE',
    countryName: 'Germany',
    language: 'de',
    timeZones: ['Europe/Berlin'],
    firstNames: [
      'Lukas',
      'Jürgen',
      'Björn',
      'Sophie',
      'Lena',
      'Günther',
      'Maximilian',
      'Zoë',
      'Наталья',
    ],
    lastNames: ['Müller', 'Schmidt', 'Schäfer', 'Weiß', 'Köhler', 'Groß', 'Yılmaz', 'Петров'],
    cities: ['München', 'Köln', 'Frankfurt am Main', 'Düsseldorf', 'Halle (Saale)', 'Berlin'],
    states: ['Bayern', 'BY', 'Nordrhein-Westfalen', 'NRW', 'Baden-Württemberg', 'Berlin'],
    zip: (digits) => digits(5),
    phone: {
      callingCode: '49',
      prefixes: ['151', '152', '157', '159'],
      fillerDigits: 2,
      trunk: '0',
      national: (nsn) => `0${nsn.slice(0, 3)} ${nsn.slice(3)}`,
      international: (nsn) => `+49 ${nsn.slice(0, 3)} ${nsn.slice(3)}`,
    },
  },
  FR: {
    country: 'FR',
    countryName: 'France',
    language: 'fr',
    timeZones: ['Europe/Paris'],
    firstNames: ['Zoé', 'Léa', 'Chloé', 'Gaëlle', 'François', 'Hélène', 'Jérôme', 'Noël', 'فاطمة'],
    lastNames: [
      'Martin',
      'Bernard',
      'Lefèvre',
      'Dubois',
      'Girard',
      'Lemaître',
      'Benali',
      "d'Estaing",
    ],
    cities: ['Paris', 'Saint-Étienne', 'Orléans', 'Aix-en-Provence', 'Besançon', 'Nîmes'],
    states: ['Île-de-France', 'IDF', "Provence-Alpes-Côte d'Azur", 'Auvergne-Rhône-Alpes'],
    zip: (digits) => `${digits(2)}${digits(1)}00`,
    phone: {
      callingCode: '33',
      prefixes: ['60', '61', '62', '64', '65', '66', '67', '68', '75', '76', '77', '78'],
      fillerDigits: 1,
      trunk: '0',
      national: (nsn) => `0${group(nsn, [1, 2, 2, 2], ' ')}`,
      international: (nsn) => `+33 ${group(nsn, [1, 2, 2, 2], ' ')}`,
    },
  },
  BR: {
    country: 'BR',
    countryName: 'Brazil',
    language: 'pt',
    timeZones: ['America/Sao_Paulo', 'America/Manaus', 'America/Recife'],
    firstNames: ['José', 'João', 'Conceição', 'Ana', 'Luíza', 'Gonçalo', 'Antônio', 'Thaís'],
    lastNames: ['Silva', 'Santos', 'Oliveira', 'Conceição', 'Araújo', 'Gonçalves', 'Nóbrega'],
    cities: ['São Paulo', 'Rio de Janeiro', 'Belém', 'Florianópolis', 'Goiânia', 'Maceió'],
    states: ['SP', 'RJ', 'MG', 'São Paulo', 'Paraná'],
    zip: (digits) => `${digits(5)}-${digits(3)}`,
    phone: {
      callingCode: '55',
      prefixes: ['119', '219', '319', '419', '519', '619', '719', '819'],
      fillerDigits: 2,
      trunk: '0',
      national: (nsn) => `(${nsn.slice(0, 2)}) ${nsn.slice(2, 7)}-${nsn.slice(7)}`,
      international: (nsn) => `+55 ${nsn.slice(0, 2)} ${nsn.slice(2, 7)}-${nsn.slice(7)}`,
    },
  },
  IN: {
    country: 'IN',
    countryName: 'India',
    language: 'hi',
    timeZones: ['Asia/Kolkata'],
    firstNames: ['Priya', 'Arjun', 'Aarav', 'Ananya', 'मोहन', 'प्रिया', 'Mohammed', 'Saanvi'],
    lastNames: ['Sharma', 'Patel', 'Singh', 'Kumar', 'शर्मा', 'Iyer', 'Reddy'],
    cities: ['Mumbai', 'New Delhi', 'Bengaluru', 'Chennai', 'Kolkata', 'Pune'],
    states: ['MH', 'Maharashtra', 'KA', 'Karnataka', 'Delhi', 'Tamil Nadu'],
    zip: (digits) => `${digits(1) < '5' ? '4' : '5'}${digits(5)}`,
    phone: {
      callingCode: '91',
      prefixes: ['98', '97', '96', '90', '88', '70'],
      fillerDigits: 2,
      trunk: '0',
      national: (nsn) => `0${nsn.slice(0, 5)} ${nsn.slice(5)}`,
      international: (nsn) => `+91 ${nsn.slice(0, 5)} ${nsn.slice(5)}`,
    },
  },
  JP: {
    country: 'JP',
    countryName: 'Japan',
    language: 'ja',
    timeZones: ['Asia/Tokyo'],
    firstNames: ['太郎', '花子', 'さくら', 'Hiroshi', 'Yuki', 'Ren', 'Aoi'],
    lastNames: ['山田', '佐藤', '高橋', '田中', 'Suzuki', 'Watanabe', 'Itō'],
    cities: ['東京', 'Ōsaka', 'Kyoto', 'Sapporo', '横浜', 'Kōbe'],
    states: ['東京都', 'Tokyo', '大阪府', 'Osaka', 'Hokkaidō'],
    zip: (digits) => `${digits(3)}-${digits(4)}`,
    phone: {
      callingCode: '81',
      prefixes: ['903', '905', '908', '806', '809', '704', '708'],
      fillerDigits: 1,
      trunk: '0',
      national: (nsn) => `0${nsn.slice(0, 2)}-${nsn.slice(2, 6)}-${nsn.slice(6)}`,
      international: (nsn) => `+81 ${nsn.slice(0, 2)}-${nsn.slice(2, 6)}-${nsn.slice(6)}`,
    },
  },
};
