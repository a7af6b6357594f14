import {
  type ColumnMapping,
  SOURCE_FIELDS,
  type SourceField,
} from '../../shared/column-mapping.ts';
import { withoutAccents } from '../../shared/match-keys/text-folding.ts';
import { boundedMemo } from './bounded-memo.ts';

/**
 * Header names (and NDJSON keys) each field is recognised by, written folded: lowercase,
 * without accents, spaces or punctuation, so `E-mail`, `e_mail` and `E Mail` all read
 * `email`. English first, then a few common words in French, German, Spanish, Portuguese
 * and Italian; Meta's own key names (`fn`, `ln`, `ct`, `st`) too.
 */
export const RECOGNISED_COLUMN_NAMES: Readonly<Record<SourceField, readonly string[]>> = {
  external_id: ['externalid', 'externid', 'userid', 'customerid', 'clientid', 'memberid'],
  email: [
    'email',
    'emailaddress',
    'mail',
    'mailaddress',
    'courriel',
    'adresseemail',
    'adressemail',
    'emailadresse',
    'correo',
    'correoelectronico',
    'enderecodeemail',
  ],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'cellphone',
    'cell',
    'telephone',
    'telephonenumber',
    'tel',
    'telefon',
    'telefonnummer',
    'handy',
    'handynummer',
    'portable',
    'numerodetelephone',
    'telefono',
    'celular',
    'movil',
    'cellulare',
  ],
  first_name: [
    'firstname',
    'fn',
    'first',
    'givenname',
    'forename',
    'prenom',
    'vorname',
    'nombre',
    'nome',
    'primeironome',
  ],
  last_name: [
    'lastname',
    'ln',
    'last',
    'surname',
    'familyname',
    'nom',
    'nomdefamille',
    'nachname',
    'familienname',
    'apellido',
    'apellidos',
    'sobrenome',
    'cognome',
  ],
  dob: [
    'dob',
    'dateofbirth',
    'birthdate',
    'birthday',
    'datedenaissance',
    'geburtsdatum',
    'geburtstag',
    'fechadenacimiento',
    'datadenascimento',
    'datadinascita',
  ],
  gender: ['gender', 'gen', 'sex', 'sexe', 'genre', 'geschlecht', 'sexo', 'genero', 'sesso'],
  country: ['country', 'countrycode', 'pays', 'land', 'pais', 'paese'],
  home_city: [
    'homecity',
    'city',
    'ct',
    'town',
    'ville',
    'stadt',
    'ort',
    'ciudad',
    'cidade',
    'citta',
  ],
  state: [
    'state',
    'st',
    'province',
    'stateprovince',
    'region',
    'bundesland',
    'estado',
    'provincia',
  ],
  zip: [
    'zip',
    'zipcode',
    'postcode',
    'postalcode',
    'postleitzahl',
    'plz',
    'codepostal',
    'codigopostal',
    'cep',
    'cap',
  ],
  email_subscribe: ['emailsubscribe', 'emailsubscription', 'emailsubscriptionstatus'],
  idfa: ['idfa', 'appleidfa', 'iosadid', 'iosadvertisingid'],
  google_ad_id: [
    'googleadid',
    'gaid',
    'aaid',
    'androidadid',
    'androidadvertisingid',
    'googleadvertisingid',
    'advertisingid',
    'adid',
    'madid',
    'mobileadvertiserid',
  ],
  ad_tracking_enabled: ['adtrackingenabled', 'adtracking', 'adstrackingenabled'],
};

/**
 * Braze export fields that identify nobody on Facebook: neither a match field nor worth
 * listing as unmapped. (Top-level `devices` and `custom_attributes` are read by name.)
 */
const BRAZE_FIELDS_NOT_USED = [
  'braze_id',
  'created_at',
  'created_from',
  'random_bucket',
  'user_aliases',
  'language',
  'time_zone',
  'last_coordinates',
  'total_revenue',
  'attributed_campaign',
  'attributed_source',
  'attributed_adgroup',
  'attributed_ad',
  'push_subscribe',
  'push_opted_in_at',
  'push_tokens',
  'apps',
  'purchases',
  'custom_events',
  'campaigns_received',
  'canvases_received',
  'cards_clicked',
  'uninstalled_at',
];

/** Where a column's values go. */
export type ColumnTarget =
  | { kind: 'field'; field: SourceField }
  | { kind: 'attribute'; name: string }
  | { kind: 'ignored' };

/** `First Name`, `first_name`, `PRÉNOM` → `firstname`, `prenom`. */
export function foldColumnName(name: string): string {
  return withoutAccents(name).replace(/[^\p{L}\p{N}]/gu, '');
}

const BY_FOLDED_NAME = new Map<string, ColumnTarget>([
  ...BRAZE_FIELDS_NOT_USED.map((name): [string, ColumnTarget] => [
    foldColumnName(name),
    { kind: 'ignored' },
  ]),
  ...SOURCE_FIELDS.flatMap((field) =>
    RECOGNISED_COLUMN_NAMES[field].map((name): [string, ColumnTarget] => [
      name,
      { kind: 'field', field },
    ]),
  ),
]);

/**
 * Resolves column names (CSV headers, NDJSON keys, custom attribute names) to fields: the
 * mapping first, then the recognised names; anything else stays a custom attribute under
 * its own name, so that consent filters can read it.
 */
export class ColumnNames {
  private readonly mapping = new Map<string, ColumnTarget>();
  private readonly resolved: ((name: string, target: ColumnTarget) => void) | undefined;
  readonly target: (name: string) => ColumnTarget = boundedMemo((name) => {
    const target = this.resolve(name);
    this.resolved?.(name, target);
    return target;
  });

  /** `resolved` hears of each name as it is first resolved (previews list the columns so). */
  constructor(
    mapping: ColumnMapping = {},
    resolved?: (name: string, target: ColumnTarget) => void,
  ) {
    this.resolved = resolved;
    for (const [name, field] of Object.entries(mapping)) {
      this.mapping.set(
        foldColumnName(name),
        field === null ? { kind: 'ignored' } : { kind: 'field', field },
      );
    }
  }

  private resolve(name: string): ColumnTarget {
    const folded = foldColumnName(name);
    const known = this.mapping.get(folded) ?? BY_FOLDED_NAME.get(folded);
    if (known !== undefined) return known;
    // A blank header (a trailing delimiter) names nothing; `__proto__` must never become an
    // attribute name (assigning it would set the object's prototype).
    if (folded === '' || name === '__proto__') return { kind: 'ignored' };
    return { kind: 'attribute', name: name.trim() };
  }
}
