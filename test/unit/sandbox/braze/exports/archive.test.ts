import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { archiveStream } from '../../../../../sandbox/braze/exports/archive.ts';

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('archiveStream', () => {
  it('splits users into NDJSON files of usersPerFile', async () => {
    const users = Array.from({ length: 7 }, (_, n) => ({ n }));
    const zip = await collect(
      archiveStream({ users, prefix: 'p', format: 'zip', usersPerFile: 3 }),
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['p/0.json', 'p/1.json', 'p/2.json']);
    expect(strFromU8(files['p/2.json'] as Uint8Array)).toBe('{"n":6}\n');
    expect(strFromU8(files['p/0.json'] as Uint8Array)).toBe('{"n":0}\n{"n":1}\n{"n":2}\n');
  });

  it('writes a valid empty archive for an empty segment', async () => {
    const zip = await collect(
      archiveStream({ users: [], prefix: 'p', format: 'zip', usersPerFile: 3 }),
    );
    expect(unzipSync(zip)).toEqual({});
  });

  it('generates users only as the reader pulls: an endless segment still streams', async () => {
    let generated = 0;
    let closed = false;
    function* endless() {
      try {
        for (;;) {
          generated += 1;
          yield { id: generated, email: `user${generated}@example.com` };
        }
      } finally {
        closed = true;
      }
    }
    const reader = archiveStream({
      users: endless(),
      prefix: 'p',
      format: 'zip',
      usersPerFile: 5000,
    }).getReader();
    let bytes = 0;
    for (let pull = 0; pull < 3; pull += 1) bytes += (await reader.read()).value?.length ?? 0;
    await reader.cancel();
    expect(bytes).toBeGreaterThan(0);
    // A few chunks of 64 KiB hold some tens of thousands of users, not an unbounded number.
    expect(generated).toBeLessThan(200_000);
    expect(closed).toBe(true);
  });
});
