import { seededRandom } from '../../sandbox/seeded-random.ts';

export const CSV_HEADER = 'Email,First Name,Last Name,Phone,Country,do_not_sell_or_share';

const FIRST = ['Mary', 'James', 'Sofia', 'Lucas', 'Yuki', 'Priya', 'Jörg', 'Zoë', 'Omar', 'Anna'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Müller', 'Rossi', 'Dubois', 'Kowalski', 'Tanaka'];
const DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'example.co.uk', 'mail.example.de'];
const COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'France', ''];
const ROWS_PER_CHUNK = 1000;

/**
 * A customer list as an uploaded CSV file of `rows` rows, generated as it is read (never
 * held whole, so it does not weigh on the memory measured), the same for the same seed:
 * some emails with capitals or stray spaces, 2 % unusable, 8 % opted out.
 */
export function generatedCsv(rows: number, seed = 7): ReadableStream<Uint8Array> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const encoder = new TextEncoder();
  let written = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`${CSV_HEADER}\r\n`));
    },
    pull(controller) {
      if (written >= rows) return controller.close();
      let text = '';
      const end = Math.min(rows, written + ROWS_PER_CHUNK);
      for (; written < end; written++) {
        const first = pick(FIRST);
        const last = pick(LAST);
        let email = `${first}.${last}${written}@${pick(DOMAINS)}`;
        const kind = random();
        if (kind < 0.02) email = `${first} ${last}`;
        else if (kind < 0.1) email = ` ${email} `;
        else if (kind < 0.7) email = email.toLowerCase();
        const phone = `+1650${String(written % 10_000_000).padStart(7, '0')}`;
        const optedOut = random() < 0.08 ? 'true' : 'false';
        text += `${email},${first},"${last}",${phone},${pick(COUNTRIES)},${optedOut}\r\n`;
      }
      controller.enqueue(encoder.encode(text));
    },
  });
}
