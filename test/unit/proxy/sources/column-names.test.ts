import { describe, expect, it } from 'vitest';
import {
  ColumnNames,
  foldColumnName,
  RECOGNISED_COLUMN_NAMES,
} from '../../../../proxy/sources/column-names.ts';
import { SOURCE_FIELDS } from '../../../../shared/column-mapping.ts';

const names = new ColumnNames();
const fieldOf = (name: string) => {
  const target = names.target(name);
  return target.kind === 'field' ? target.field : target.kind;
};

describe('column names', () => {
  it('fold case, accents, spaces and punctuation away', () => {
    expect(foldColumnName(' E-Mail_Address ')).toBe('emailaddress');
    expect(foldColumnName('PRÉNOM')).toBe('prenom');
    expect(foldColumnName('Zip Code 2')).toBe('zipcode2');
  });

  it.each([
    ['email', 'email'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['courriel', 'email'],
    ['phone', 'phone'],
    ['Phone Number', 'phone'],
    ['mobile', 'phone'],
    ['Telephone', 'phone'],
    ['Téléphone', 'phone'],
    ['Handynummer', 'phone'],
    ['IDFA', 'idfa'],
    ['gaid', 'google_ad_id'],
    ['AAID', 'google_ad_id'],
    ['google_ad_id', 'google_ad_id'],
    ['Advertising ID', 'google_ad_id'],
    ['MADID', 'google_ad_id'],
    ['first_name', 'first_name'],
    ['FN', 'first_name'],
    ['Given Name', 'first_name'],
    ['Prénom', 'first_name'],
    ['Vorname', 'first_name'],
    ['last_name', 'last_name'],
    ['ln', 'last_name'],
    ['Surname', 'last_name'],
    ['Nachname', 'last_name'],
    ['country', 'country'],
    ['Pays', 'country'],
    ['city', 'home_city'],
    ['home_city', 'home_city'],
    ['Ville', 'home_city'],
    ['state', 'state'],
    ['State/Province', 'state'],
    ['zip', 'zip'],
    ['Postcode', 'zip'],
    ['Postal Code', 'zip'],
    ['PLZ', 'zip'],
    ['dob', 'dob'],
    ['Birthday', 'dob'],
    ['Date of Birth', 'dob'],
    ['Geburtsdatum', 'dob'],
    ['gender', 'gender'],
    ['Sex', 'gender'],
    ['external_id', 'external_id'],
    ['User ID', 'external_id'],
    ['email_subscribe', 'email_subscribe'],
    ['ad_tracking_enabled', 'ad_tracking_enabled'],
  ])('%j feeds %s', (name, field) => {
    expect(fieldOf(name)).toBe(field);
  });

  it('leave other names as custom attributes under their own (trimmed) name', () => {
    expect(names.target(' Loyalty Tier ')).toEqual({ kind: 'attribute', name: 'Loyalty Tier' });
    expect(names.target('do_not_sell_or_share')).toEqual({
      kind: 'attribute',
      name: 'do_not_sell_or_share',
    });
  });

  it('ignore Braze fields that identify nobody, blank headers and __proto__', () => {
    for (const name of [
      'braze_id',
      'created_at',
      'random_bucket',
      'push_tokens',
      '',
      ' ',
      '__proto__',
    ]) {
      expect(names.target(name), name).toEqual({ kind: 'ignored' });
    }
  });

  it('obey a mapping over the recognised names, compared folded; null ignores', () => {
    const mapped = new ColumnNames({ 'Work Phone': 'phone', EMAIL: null, contact: 'email' });
    expect(mapped.target('work_phone')).toEqual({ kind: 'field', field: 'phone' });
    expect(mapped.target('Email')).toEqual({ kind: 'ignored' });
    expect(mapped.target('Contact')).toEqual({ kind: 'field', field: 'email' });
    expect(mapped.target('mobile')).toEqual({ kind: 'field', field: 'phone' });
  });

  it('recognise every field by its own name, and no name for two fields', () => {
    expect(SOURCE_FIELDS.map((field) => fieldOf(field))).toEqual([...SOURCE_FIELDS]);
    const all = Object.values(RECOGNISED_COLUMN_NAMES).flat();
    expect(new Set(all).size).toBe(all.length);
    // Listed folded, or they could never match a folded header.
    for (const name of all) expect(foldColumnName(name)).toBe(name);
  });

  it('stay bounded however many distinct names a file holds', () => {
    const many = new ColumnNames();
    for (let index = 0; index < 5000; index++) many.target(`key ${index}`);
    expect(many.target('key 1')).toEqual({ kind: 'attribute', name: 'key 1' });
  });
});
