import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createUploadSpool, SpoolError } from '../../../../../proxy/sources/file/upload-spool.ts';
import { removeTempDirs, tempDir } from '../../../../support/temp-dirs.ts';

afterEach(removeTempDirs);

const KEY = new Uint8Array(32).fill(7);
const text = (size: number) => 'ann@example.com,+14155550100\n'.repeat(size);

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of chunks) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

async function* bytes(value: string, chunk = 1000) {
  const all = new TextEncoder().encode(value);
  for (let at = 0; at < all.length; at += chunk) yield all.subarray(at, at + chunk);
}

describe('upload spool', () => {
  it('gives back exactly what was stored, and holds no clear text on disk', async () => {
    const dir = tempDir();
    const spool = createUploadSpool({ dir, key: KEY });
    const value = text(20_000); // several frames
    const { uploadId, bytes: size } = await spool.write('w1', bytes(value));
    expect(size).toBe(new TextEncoder().encode(value).length);
    expect(await readAll(spool.read('w1', uploadId))).toBe(value);
    const stored = readFileSync(join(dir, 'w1', `${uploadId}.spool`)).toString('latin1');
    expect(stored).not.toContain('example.com');
  });

  it('keeps uploads apart per workspace and deletes them', async () => {
    const spool = createUploadSpool({ dir: tempDir(), key: KEY });
    const { uploadId } = await spool.write('w1', bytes('a'));
    expect(spool.exists('w1', uploadId)).toBe(true);
    expect(spool.exists('w2', uploadId)).toBe(false);
    expect(spool.exists('w1', '../w1')).toBe(false);
    spool.remove('w1', uploadId);
    expect(spool.exists('w1', uploadId)).toBe(false);
  });

  it('refuses a truncated, altered or foreign-key spool', async () => {
    const dir = tempDir();
    const spool = createUploadSpool({ dir, key: KEY });
    const { uploadId } = await spool.write('w1', bytes(text(20_000)));
    const file = join(dir, 'w1', `${uploadId}.spool`);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 40));
    await expect(readAll(spool.read('w1', uploadId))).rejects.toThrow(SpoolError);
    const altered = Buffer.from(whole);
    altered[100] = (altered[100] ?? 0) ^ 1;
    writeFileSync(file, altered);
    await expect(readAll(spool.read('w1', uploadId))).rejects.toThrow();
    writeFileSync(file, whole);
    const other = createUploadSpool({ dir, key: new Uint8Array(32).fill(8) });
    await expect(readAll(other.read('w1', uploadId))).rejects.toThrow();
  });

  it('refuses a frame length past the end of the file without reading or allocating it', async () => {
    const dir = tempDir();
    const spool = createUploadSpool({ dir, key: KEY });
    const { uploadId } = await spool.write('w1', bytes(text(20_000)));
    const file = join(dir, 'w1', `${uploadId}.spool`);
    const damaged = Buffer.from(readFileSync(file));
    damaged.writeUInt32BE(0xffffffff, 0);
    writeFileSync(file, damaged);
    await expect(readAll(spool.read('w1', uploadId))).rejects.toThrow('truncated');
  });

  it('leaves nothing when the body fails midway', async () => {
    const dir = tempDir();
    const spool = createUploadSpool({ dir, key: KEY });
    async function* failing() {
      yield new Uint8Array(10);
      throw new Error('connection lost');
    }
    await expect(spool.write('w1', failing())).rejects.toThrow('connection lost');
    expect(readdirSync(join(dir, 'w1'))).toEqual([]);
  });
});

describe('sweeping the spool', () => {
  it('deletes uploads written before the cut-off unless kept, and stale unfinished writes', async () => {
    const dir = tempDir();
    let now = new Date('2026-11-22T12:00:00Z');
    const spool = createUploadSpool({ dir, key: KEY, now: () => now });
    await spool.write('w1', bytes('old'), 'old-upload');
    await spool.write('w1', bytes('kept'), 'kept-upload');
    await spool.write('w2', bytes('old'), 'old-upload');
    writeFileSync(join(dir, 'w1', 'crashed.spool.partial'), 'half');
    utimesSync(join(dir, 'w1', 'crashed.spool.partial'), now, now);
    now = new Date('2026-11-22T14:00:00Z');
    await spool.write('w1', bytes('new'), 'new-upload');

    const deleted = spool.sweep(
      new Date('2026-11-22T13:00:00Z'),
      (workspaceId, uploadId) => workspaceId === 'w1' && uploadId === 'kept-upload',
    );
    expect(deleted).toEqual(
      expect.arrayContaining([
        { workspaceId: 'w1', uploadId: 'old-upload' },
        { workspaceId: 'w2', uploadId: 'old-upload' },
      ]),
    );
    expect(deleted).toHaveLength(2);
    expect(readdirSync(join(dir, 'w1')).sort()).toEqual(['kept-upload.spool', 'new-upload.spool']);
    expect(readdirSync(join(dir, 'w2'))).toEqual([]);
    expect(await readAll(spool.read('w1', 'kept-upload'))).toBe('kept');
  });

  it('finds nothing to do in a spool never written to', () => {
    const spool = createUploadSpool({ dir: join(tempDir(), 'none'), key: KEY });
    expect(spool.sweep(new Date(), () => false)).toEqual([]);
  });
});
