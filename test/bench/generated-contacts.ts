/**
 * Contact data shaped like a real customer list, generated from a seed so that every run
 * measures the same strings.
 */
import { seededRandom } from '../../sandbox/seeded-random.ts';

const FIRST = `
  mary james patricia john jennifer robert linda michael elizabeth david sofia
  lucas emma noah olivia liam ava mateo chloe yuki wei priya arjun fatima omar
  anna jan lea marco giulia
`
  .trim()
  .split(/\s+/);
const LAST = `
  smith johnson williams brown jones garcia miller davis rodriguez martinez
  hernandez lopez gonzalez wilson anderson thomas taylor moore jackson martin lee
  nguyen kim patel mueller rossi dubois silva kowalski tanaka
`
  .trim()
  .split(/\s+/);
const DOMAINS = `
  gmail.com gmail.com gmail.com gmail.com yahoo.com hotmail.com outlook.com
  icloud.com aol.com proton.me acme-corp.com example.co.uk mail.example.de
`
  .trim()
  .split(/\s+/);

export function generateEmails(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const number = String(Math.floor(random() * 10_000));
    const local = pick([
      `${first}.${last}`,
      `${first}${last}`,
      `${first[0]}.${last}`,
      `${first}_${last}${number.slice(0, 2)}`,
      `${first}${number}`,
      `${last}.${first}+news`,
    ]);
    let email = `${local}@${pick(DOMAINS)}`;
    // Real exports carry some capitals and stray white space, which normalization must handle.
    if (random() < 0.2) email = email[0]?.toUpperCase() + email.slice(1);
    if (random() < 0.05) email = ` ${email} `;
    emails.push(email);
  }
  return emails;
}

const US_AREA_CODES = `
  212 310 415 512 617 646 650 702 718 773 917
`
  .trim()
  .split(/\s+/);

/** Mostly E.164 (what Braze stores), some US national formats, some other countries. */
export function generatePhones(count: number, seed = 2): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const phones: string[] = [];
  for (let i = 0; i < count; i++) {
    const area = pick(US_AREA_CODES);
    const exchange = `${2 + Math.floor(random() * 8)}${digits(2)}`;
    const line = digits(4);
    const kind = random();
    if (kind < 0.6) phones.push(`+1${area}${exchange}${line}`);
    else if (kind < 0.7) phones.push(`(${area}) ${exchange}-${line}`);
    else if (kind < 0.8) phones.push(`${area}.${exchange}.${line}`);
    else
      phones.push(
        pick([
          `+44 7911 ${digits(6)}`,
          `+49 151 ${digits(8)}`,
          `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
          `+91 98${digits(3)} ${digits(5)}`,
          `+55 11 9${digits(4)}-${digits(4)}`,
        ]),
      );
  }
  return phones;
}
