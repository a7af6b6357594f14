import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FileSourceOptions,
  readFileSource,
} from '../../../../../proxy/sources/file/read-file-source.ts';
import { UnreadableFileError } from '../../../../../proxy/sources/file/unreadable-file-error.ts';
import type { SourceItem } from '../../../../../proxy/sources/source-item.ts';
import { DEMO_SEED, DEMO_SEGMENT } from '../../../../../sandbox/braze/demo.ts';
import { exportedUsers } from '../../../../../sandbox/braze/users/exported-users.ts';
import { BRAZE_EXPORT_PROJECTION } from '../../../../support/braze-lines.ts';
import { byteStream, chunkedStream } from '../../../../support/chunks.ts';

const read = (text: string | Uint8Array, options?: FileSourceOptions, sizes?: number[]) =>
  Array.fromAsync(readFileSource(byteStream(text, sizes), options));

const users = (items: SourceItem[]) =>
  items.flatMap((item) => (item.kind === 'user' ? [{ line: item.line, ...item.user }] : []));
const problems = (items: SourceItem[]) =>
  items.flatMap((item) => (item.kind === 'problem' ? [[item.line, item.problem]] : []));
const unmapped = (items: SourceItem[]) =>
  items.flatMap((item) => (item.kind === 'unmapped-column' ? [item.name] : []));

const none = { devices: [], custom_attributes: {} };

describe('readFileSource: CSV', () => {
  it('recognises headers in several spellings and languages', async () => {
    const items = await read(
      'E-Mail Address,Mobile,Prénom,Nachname,Date of Birth,Sexe,Pays,Ville,Province,Postal Code,User ID\n' +
        'mary@example.com,+15559876543,Mary,Smith,1990-02-16,F,US,Menlo Park,CA,94025,u-1\n',
    );
    expect(users(items)).toEqual([
      {
        line: 2,
        email: 'mary@example.com',
        phone: '+15559876543',
        first_name: 'Mary',
        last_name: 'Smith',
        dob: '1990-02-16',
        gender: 'F',
        country: 'US',
        home_city: 'Menlo Park',
        state: 'CA',
        zip: '94025',
        external_id: 'u-1',
        ...none,
      },
    ]);
    expect(unmapped(items)).toEqual([]);
  });

  it('makes one device of a row’s IDFA, GAID and ad-tracking columns', async () => {
    const items = await read(
      'email,IDFA,Advertising ID,ad_tracking_enabled\na@example.com,AAA,BBB,true\nb@example.com,,,\n',
    );
    expect(users(items).map((user) => user.devices)).toEqual([
      [{ idfa: 'AAA', google_ad_id: 'BBB', ad_tracking_enabled: true }],
      [],
    ]);
  });

  it('keeps unknown columns as custom attributes and reports them once', async () => {
    const items = await read(
      'email,do_not_sell_or_share,Loyalty Tier\na@example.com,yes,gold\nb@example.com,,silver\n',
    );
    expect(unmapped(items)).toEqual(['do_not_sell_or_share', 'Loyalty Tier']);
    expect(items[0]?.kind).toBe('unmapped-column');
    expect(users(items).map((user) => user.custom_attributes)).toEqual([
      { do_not_sell_or_share: 'yes', 'Loyalty Tier': 'gold' },
      { 'Loyalty Tier': 'silver' },
    ]);
  });

  it('lets the mapping override the recognised names, and ignore columns', async () => {
    const items = await read('Contact,Mobile,Work Phone\na@example.com,no,+4930123456\n', {
      mapping: { contact: 'email', MOBILE: null, 'work phone': 'phone' },
    });
    expect(users(items)).toEqual([
      { line: 2, email: 'a@example.com', phone: '+4930123456', ...none },
    ]);
    expect(unmapped(items)).toEqual([]);
  });

  it('feeds a field from the first of two columns naming it; the second stays an attribute', async () => {
    const items = await read('email,Email\na@example.com,b@example.com\n');
    expect(users(items)).toEqual([
      {
        line: 2,
        email: 'a@example.com',
        devices: [],
        custom_attributes: { Email: 'b@example.com' },
      },
    ]);
    expect(unmapped(items)).toEqual(['Email']);
  });

  it('drops a UTF-8 byte order mark and sniffs ; and tab delimiters', async () => {
    for (const delimiter of [';', '\t']) {
      const items = await read(
        `\uFEFFemail${delimiter}first_name\r\na@example.com${delimiter}Ann\r\n`,
      );
      expect(users(items)).toEqual([
        { line: 2, email: 'a@example.com', first_name: 'Ann', ...none },
      ]);
    }
  });

  it('reads quoted values with delimiters, quotes and line breaks inside', async () => {
    const items = await read(
      'first_name,last_name,email\r\n"Ann, Jr.","O""Brien","a@example.com"\r\n"Multi\r\nline",x,b@example.com\r\nLast,Row,c@example.com',
    );
    expect(
      users(items).map(({ line, first_name, last_name }) => [line, first_name, last_name]),
    ).toEqual([
      [2, 'Ann, Jr.', 'O"Brien'],
      [3, 'Multi\r\nline', 'x'],
      [5, 'Last', 'Row'],
    ]);
  });

  it('reads short rows as far as they go, refuses rows with extra values, skips blank rows', async () => {
    const items = await read(
      'email,first_name,last_name\n\na@example.com\n,,\nb@example.com,Bo,Li,\nc@example.com,Cy,Do,extra\n   \n',
    );
    expect(users(items).map(({ line, email }) => [line, email])).toEqual([
      [3, 'a@example.com'],
      [5, 'b@example.com'],
    ]);
    expect(problems(items)).toEqual([[6, 'too_many_fields']]);
  });

  it('reports a quote never closed', async () => {
    const items = await read('email,first_name\na@example.com,"Ann\nb@example.com,Bo\n');
    expect(users(items)).toEqual([]);
    expect(problems(items)).toEqual([[2, 'unterminated_quote']]);
  });

  it('skips a 10 MB line cut by the cap, and reads the rows after it', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const items = await read(
      `email,first_name\na@example.com,${huge}\nb@example.com,Bo\n`,
      { maxLineLength: 64 * 1024 },
      [256 * 1024],
    );
    expect(problems(items)).toEqual([[2, 'line_too_long']]);
    expect(users(items)).toEqual([{ line: 3, email: 'b@example.com', first_name: 'Bo', ...none }]);
  });

  it('refuses a header longer than the cap, or one with no known column', async () => {
    await expect(
      read(`email,${'x'.repeat(100)}\na@example.com\n`, { maxLineLength: 50 }),
    ).rejects.toThrow(
      expect.objectContaining({ code: 'unreadable_file', reason: 'header_too_long' }),
    );
    await expect(read(`${'x'.repeat(100)}`, { maxLineLength: 50 })).rejects.toBeInstanceOf(
      UnreadableFileError,
    );
    await expect(read('Contact,Handle\na@example.com,@ann\n')).rejects.toThrow(
      expect.objectContaining({
        reason: 'no_known_columns',
        message: expect.stringContaining('"Contact", "Handle"'),
      }),
    );
  });

  it('refuses a header whose quote never closes, or whose quoted lines run past the cap', async () => {
    for (const maxLineLength of [60, 1000]) {
      await expect(
        read(`"email,phone\n${'a@example.com,1\n'.repeat(10)}`, { maxLineLength }),
      ).rejects.toThrow(expect.objectContaining({ reason: 'unterminated_header' }));
    }
    await expect(
      read(`"email\n${'x'.repeat(100)}",phone\na@example.com,1\n`, { maxLineLength: 60 }),
    ).rejects.toThrow(expect.objectContaining({ reason: 'header_too_long' }));
  });

  it('yields nothing for an empty file or a header alone', async () => {
    expect(await read('')).toEqual([]);
    expect(await read('\n\n')).toEqual([]);
    expect(await read('email,phone\n')).toEqual([]);
  });

  it('reads the header after leading blank lines, sniffing its delimiter', async () => {
    const items = await read('\r\n\r\nemail;first_name\r\na@example.com;Ann\r\n');
    expect(users(items)).toEqual([{ line: 4, email: 'a@example.com', first_name: 'Ann', ...none }]);
  });
});

describe('readFileSource: NDJSON', () => {
  it('reads Braze export lines exactly as the Braze emulator writes them', async () => {
    // Braze fields that identify nobody come along too: they must not be reported unmapped.
    const projection = {
      ...BRAZE_EXPORT_PROJECTION,
      fields_to_export: [
        ...BRAZE_EXPORT_PROJECTION.fields_to_export,
        'braze_id',
        'created_at',
        'push_subscribe',
      ],
    };
    const braze = [...exportedUsers(DEMO_SEED, DEMO_SEGMENT.everyone, projection, 0, 300)];
    // The sample holds what the mapping must handle: devices, state and ZIP attributes, nil gender.
    expect(braze.some((user) => (user.devices?.length ?? 0) > 1)).toBe(true);
    expect(braze.some((user) => user.custom_attributes?.zip_code !== undefined)).toBe(true);
    expect(braze.some((user) => user.gender === null)).toBe(true);
    const items = await read(braze.map((user) => JSON.stringify(user)).join('\n'));
    expect(problems(items)).toEqual([]);
    // Every key of a Braze line is known: match fields, or Braze fields that match nobody.
    expect(unmapped(items)).toEqual([]);
    const got = users(items);
    expect(got).toHaveLength(braze.length);
    for (const [index, user] of braze.entries()) {
      const mine = got[index];
      expect(mine?.line).toBe(index + 1);
      expect(mine?.email).toBe(user.email?.trim() || undefined);
      expect(mine?.phone).toBe(user.phone?.trim() || undefined);
      expect(mine?.first_name).toBe(user.first_name?.trim() || undefined);
      expect(mine?.gender).toBe(user.gender ?? undefined);
      expect(mine?.state).toBe(user.custom_attributes?.state);
      expect(mine?.zip).toBe(user.custom_attributes?.zip_code);
      expect(mine?.custom_attributes).toEqual(user.custom_attributes ?? {});
      expect(mine?.devices).toEqual(
        (user.devices ?? []).map(({ idfa, google_ad_id, ad_tracking_enabled }) => ({
          idfa,
          google_ad_id,
          ad_tracking_enabled,
        })),
      );
    }
  });

  it('counts lines that are not JSON objects, and skips blank ones', async () => {
    const items = await read(
      '{"email":"a@example.com"}\r\n[1,2]\n{"email": broken\n\n  \nnull\n"text"\n{"email":"b@example.com"}',
    );
    expect(users(items).map(({ line, email }) => [line, email])).toEqual([
      [1, 'a@example.com'],
      [8, 'b@example.com'],
    ]);
    expect(problems(items)).toEqual([
      [2, 'not_an_object'],
      [3, 'invalid_json'],
      [6, 'not_an_object'],
      [7, 'not_an_object'],
    ]);
  });

  it('reads flat lines of other tools by their key names, reporting unknown keys once', async () => {
    const items = await read(
      '{"E-mail":"a@example.com","Phone Number":15559876543,"segment":"vip"}\n{"E-mail":"b@example.com","segment":"new","tier":2}\n',
    );
    expect(users(items)).toEqual([
      {
        line: 1,
        email: 'a@example.com',
        phone: '15559876543',
        devices: [],
        custom_attributes: { segment: 'vip' },
      },
      {
        line: 2,
        email: 'b@example.com',
        devices: [],
        custom_attributes: { segment: 'new', tier: 2 },
      },
    ]);
    expect(unmapped(items)).toEqual(['segment', 'tier']);
    expect(items.findIndex((item) => item.kind === 'unmapped-column')).toBe(0);
  });

  it('skips a line over the cap and reads on', async () => {
    const items = await read(`{"email":"${'x'.repeat(500)}"}\n{"email":"b@example.com"}\n`, {
      maxLineLength: 100,
    });
    expect(problems(items)).toEqual([[1, 'line_too_long']]);
    expect(users(items).map((user) => user.email)).toEqual(['b@example.com']);
  });

  it('is chosen by content, or by the format option', async () => {
    expect(users(await read('  \n{"email":"a@example.com"}\n'))).toHaveLength(1);
    await expect(read('{"email":"a@example.com"}\n', { format: 'csv' })).rejects.toThrow(
      expect.objectContaining({ reason: 'no_known_columns' }),
    );
    expect(problems(await read('email\na@example.com\n', { format: 'ndjson' }))).toEqual([
      [1, 'invalid_json'],
      [2, 'invalid_json'],
    ]);
  });
});

describe('readFileSource: streaming', () => {
  const sample =
    '\uFEFFemail;first_name;city;notes\r\n' +
    'zoë@example.com;Zoë;São Paulo;"a;b\r\nc"\r\n' +
    '\r\n' +
    '"bad;x;y;z;w;v\r\n' +
    'jörg@example.com;Jörg;Köln;"say ""hi"""\n' +
    '東京@example.com;太郎;東京;\n';
  const ndjson =
    '{"email":"zoë@example.com","first_name":"Zoë"}\n[]\n{"email":"東京@example.com","custom_attributes":{"x":"é"}}\n';

  it.each([
    ['CSV', sample],
    ['NDJSON', ndjson],
  ])(
    'yields the same items for %s however the bytes are cut, inside characters included',
    async (_, text) => {
      const bytes = new TextEncoder().encode(text);
      const whole = await Array.fromAsync(readFileSource(chunkedStream(bytes, [])));
      expect(whole.length).toBeGreaterThan(2);
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 20 }),
          async (cuts) => {
            const items = await Array.fromAsync(
              readFileSource(
                chunkedStream(
                  bytes,
                  [...cuts].sort((a, b) => a - b),
                ),
              ),
            );
            expect(items).toEqual(whole);
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  it('reads a file cut at every single byte', async () => {
    const whole = await read(sample);
    expect(await read(sample, {}, [1])).toEqual(whole);
  });

  it('stops reading the upload when the consumer stops', async () => {
    let pulled = 0;
    let cancelled = false;
    const rows = new TextEncoder().encode('a@example.com\n');
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('email\n'));
      },
      pull(controller) {
        pulled++;
        controller.enqueue(rows);
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const item of readFileSource(endless)) {
      if (item.kind === 'user' && item.line === 5) break;
    }
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
  });
});
