import {
  type CipherGCM,
  createCipheriv,
  createDecipheriv,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { once } from 'node:events';
import {
  createWriteStream,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Uploaded files, held only encrypted until their export ends (PII is never on disk in
 * clear). Why a spool and not hashed batches: a resumed job must re-read its source to make
 * the same batches *and* the same report (users read, removed per filter, unusable values),
 * which needs the users, not only their hashes; an encrypted copy keeps that exact and costs
 * one AES-GCM pass. The copy is deleted when the export is done or cancelled. A Braze
 * segment export is copied here too (see jobs/braze-snapshot.ts).
 *
 * Format: frames of `[4-byte length][12-byte IV][ciphertext][16-byte tag]`, each frame's
 * index and the upload id bound as additional data, so frames cannot be reordered, dropped
 * from the middle or moved to another upload unnoticed; a final empty frame marks the end,
 * so a truncated spool is refused too.
 */
export interface UploadSpool {
  /**
   * Stores `body` encrypted under a new id (or `uploadId`); returns the id and the size in
   * bytes. The upload exists only once it is whole: a crash mid-write leaves none.
   */
  write(
    workspaceId: string,
    body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
    uploadId?: string,
  ): Promise<{ uploadId: string; bytes: number }>;
  exists(workspaceId: string, uploadId: string): boolean;
  /** The upload's bytes, decrypted as they are read. */
  read(workspaceId: string, uploadId: string): AsyncGenerator<Uint8Array>;
  remove(workspaceId: string, uploadId: string): void;
  /**
   * Deletes the uploads last written before `before` that `keep` does not name, and writes a
   * crash left unfinished (`.partial`) that old; returns what it deleted.
   */
  sweep(before: Date, keep: (workspaceId: string, uploadId: string) => boolean): SpooledUpload[];
}

export interface SpooledUpload {
  workspaceId: string;
  uploadId: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FRAME_BYTES = 256 * 1024;

export class SpoolError extends Error {
  override name = 'SpoolError';
}

const entriesOf = (path: string): string[] => {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
};

export function createUploadSpool({
  dir,
  key,
  now = () => new Date(),
}: {
  dir: string;
  key: Uint8Array;
  /** Stamps each upload's time, which the sweep compares with the same clock. */
  now?: () => Date;
}): UploadSpool {
  const fileOf = (workspaceId: string, uploadId: string) => {
    if (!/^[\w-]+$/.test(workspaceId) || !/^[\w-]+$/.test(uploadId)) {
      throw new SpoolError('Not an upload id.');
    }
    return join(dir, workspaceId, `${uploadId}.spool`);
  };
  const additionalData = (uploadId: string, index: number) => Buffer.from(`${uploadId}:${index}`);

  return {
    async write(workspaceId, body, uploadId = randomUUID()) {
      mkdirSync(join(dir, workspaceId), { recursive: true, mode: 0o700 });
      const file = fileOf(workspaceId, uploadId);
      const partial = `${file}.partial`;
      const out = createWriteStream(partial, { mode: 0o600 });
      await once(out, 'open');
      let index = 0;
      let bytes = 0;
      // Each chunk is encrypted as it arrives, so no clear text is copied or held: only the
      // current frame's ciphertext, written once the frame's length is known.
      let cipher: CipherGCM | undefined;
      let iv = Buffer.alloc(0);
      let sealed: Buffer[] = [];
      let sealedBytes = 0;
      const startFrame = () => {
        iv = randomBytes(IV_BYTES);
        cipher = createCipheriv('aes-256-gcm', key, iv);
        cipher.setAAD(additionalData(uploadId, index++));
        return cipher;
      };
      const endFrame = async () => {
        const frame = cipher ?? startFrame();
        cipher = undefined;
        const rest = frame.final();
        const length = Buffer.alloc(4);
        length.writeUInt32BE(IV_BYTES + sealedBytes + rest.length + TAG_BYTES);
        out.cork();
        for (const piece of [length, iv, ...sealed, rest, frame.getAuthTag()]) out.write(piece);
        out.uncork();
        sealed = [];
        sealedBytes = 0;
        if (out.writableNeedDrain) await once(out, 'drain');
      };
      try {
        // Node's web streams are async iterable; the DOM typings do not say so.
        for await (const chunk of body as AsyncIterable<Uint8Array>) {
          if (chunk.byteLength === 0) continue;
          bytes += chunk.byteLength;
          const piece = (cipher ?? startFrame()).update(chunk);
          sealed.push(piece);
          sealedBytes += piece.length;
          if (sealedBytes >= FRAME_BYTES) await endFrame();
        }
        if (cipher) await endFrame();
        await endFrame(); // the empty frame that marks the end
        out.end();
        await once(out, 'finish');
        renameSync(partial, file);
        utimesSync(file, now(), now());
      } catch (error) {
        out.destroy();
        await once(out, 'close');
        rmSync(partial, { force: true });
        throw error;
      }
      return { uploadId, bytes };
    },
    exists(workspaceId, uploadId) {
      try {
        return statSync(fileOf(workspaceId, uploadId)).isFile();
      } catch {
        return false;
      }
    },
    async *read(workspaceId, uploadId) {
      // Frame by frame into one buffer, reused: each frame is deciphered into a buffer of its
      // own before the next is read, so only the clear text handed on is allocated.
      const file = await open(fileOf(workspaceId, uploadId), 'r');
      let buffer = Buffer.allocUnsafe(4 + IV_BYTES + FRAME_BYTES + TAG_BYTES);
      try {
        const { size } = await file.stat();
        const readExactly = async (size: number, position: number) => {
          if (size > buffer.length) buffer = Buffer.allocUnsafe(size);
          const { bytesRead } = await file.read(buffer, 0, size, position);
          return buffer.subarray(0, bytesRead);
        };
        let position = 0;
        for (let index = 0; ; index++) {
          const prefix = await readExactly(4, position);
          if (prefix.length < 4) break;
          const length = prefix.readUInt32BE(0);
          // A length past the file's end is a truncated (or damaged) spool: nothing to allocate.
          if (length < IV_BYTES + TAG_BYTES || position + 4 + length > size) break;
          const frame = await readExactly(length, position + 4);
          if (frame.length < length) break;
          position += 4 + length;
          const decipher = createDecipheriv('aes-256-gcm', key, frame.subarray(0, IV_BYTES));
          decipher.setAAD(additionalData(uploadId, index));
          decipher.setAuthTag(frame.subarray(length - TAG_BYTES));
          const plain = decipher.update(frame.subarray(IV_BYTES, length - TAG_BYTES));
          decipher.final();
          if (plain.length > 0) {
            yield plain;
            continue;
          }
          if ((await readExactly(1, position)).length > 0) {
            throw new SpoolError('The upload continues after its end.');
          }
          return;
        }
        throw new SpoolError('The stored upload is truncated.');
      } finally {
        await file.close();
      }
    },
    remove(workspaceId, uploadId) {
      rmSync(fileOf(workspaceId, uploadId), { force: true });
    },
    sweep(before, keep) {
      const deleted: SpooledUpload[] = [];
      for (const workspaceId of entriesOf(dir)) {
        for (const name of entriesOf(join(dir, workspaceId))) {
          const [, uploadId = '', partial] = /^(.+)\.spool(\.partial)?$/.exec(name) ?? [];
          if (!uploadId || (!partial && keep(workspaceId, uploadId))) continue;
          const file = join(dir, workspaceId, name);
          // Gone meanwhile (its export ended): nothing to do.
          const written = statSync(file, { throwIfNoEntry: false })?.mtime;
          if (!written || written >= before) continue;
          rmSync(file, { force: true });
          if (!partial) deleted.push({ workspaceId, uploadId });
        }
      }
      return deleted;
    },
  };
}
