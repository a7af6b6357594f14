import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
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
      const writeFrame = async (plain: Uint8Array) => {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        cipher.setAAD(additionalData(uploadId, index++));
        const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(sealed.length + IV_BYTES + TAG_BYTES);
        if (!out.write(Buffer.concat([length, iv, sealed, cipher.getAuthTag()]))) {
          await once(out, 'drain');
        }
      };
      try {
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        // Node's web streams are async iterable; the DOM typings do not say so.
        for await (const chunk of body as AsyncIterable<Uint8Array>) {
          bytes += chunk.byteLength;
          pending.push(Buffer.from(chunk));
          pendingBytes += chunk.byteLength;
          if (pendingBytes >= FRAME_BYTES) {
            await writeFrame(Buffer.concat(pending));
            pending = [];
            pendingBytes = 0;
          }
        }
        if (pendingBytes > 0) await writeFrame(Buffer.concat(pending));
        await writeFrame(new Uint8Array(0));
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
      let buffered = Buffer.alloc(0);
      let index = 0;
      let ended = false;
      for await (const chunk of createReadStream(fileOf(workspaceId, uploadId))) {
        buffered = Buffer.concat([buffered, chunk as Buffer]);
        while (buffered.length >= 4) {
          const length = buffered.readUInt32BE(0);
          if (buffered.length < 4 + length) break;
          const frame = buffered.subarray(4, 4 + length);
          buffered = buffered.subarray(4 + length);
          if (ended) throw new SpoolError('The upload continues after its end.');
          const decipher = createDecipheriv('aes-256-gcm', key, frame.subarray(0, IV_BYTES));
          decipher.setAAD(additionalData(uploadId, index++));
          decipher.setAuthTag(frame.subarray(length - TAG_BYTES));
          const plain = Buffer.concat([
            decipher.update(frame.subarray(IV_BYTES, length - TAG_BYTES)),
            decipher.final(),
          ]);
          if (plain.length === 0) ended = true;
          else yield new Uint8Array(plain);
        }
      }
      if (!ended || buffered.length > 0) throw new SpoolError('The stored upload is truncated.');
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
