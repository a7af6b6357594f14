import { Gzip, Zip } from 'fflate';
import type { DownloadFaults } from '../control/faults.ts';
import type { OutputFormat } from './jobs.ts';
import { NativeZipDeflate } from './native-zip-deflate.ts';

export interface ArchiveOptions {
  /** The user objects to write, produced lazily: the archive never holds the segment. */
  users: Iterable<object>;
  prefix: string;
  format: OutputFormat;
  /** Braze writes about one file per 5,000 users. */
  usersPerFile: number;
  faults?: DownloadFaults;
}

/** Users serialized per pull: enough to keep deflate busy, small enough for bounded memory. */
const BATCH = 256;
/** Bytes handed to the reader per pull. */
const CHUNK_BYTES = 64 * 1024;
const encoder = new TextEncoder();

/**
 * The export download as a stream: a ZIP of NDJSON files `<prefix>/<n>.json` (or, for
 * `gzip`, one gzipped NDJSON stream). Users are generated, serialized and compressed only as
 * the reader pulls, so a 3,000,000-user segment streams in constant memory.
 */
export function archiveStream(options: ArchiveOptions): ReadableStream<Uint8Array> {
  const { faults = {} } = options;
  const users = options.users[Symbol.iterator]();
  const output: Uint8Array[] = [];
  let finished = false;
  let sent = 0;
  let line = 0;
  const sink = options.format === 'zip' ? zipSink(options, output) : gzipSink(output);
  const onEnd = () => {
    finished = true;
  };

  /** Serializes one batch into the archive; fflate emits compressed bytes synchronously. */
  const produce = () => {
    for (let n = 0; n < BATCH; n += 1) {
      const next = users.next();
      if (next.done) {
        sink.end(onEnd);
        return;
      }
      line += 1;
      const broken = faults.malformedEvery && line % faults.malformedEvery === 0;
      sink.write(broken ? brokenLine(next.value) : JSON.stringify(next.value));
    }
    sink.flush();
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // Yield to the event loop first: compressing is synchronous, and a reader in the same
        // process (or any other request) must get its turn between chunks.
        await new Promise((resolve) => setImmediate(resolve));
        while (pendingBytes(output) < CHUNK_BYTES && !finished) produce();
        const chunk = concat(output.splice(0));
        const total = sent + chunk.length;
        if (faults.dropAfterBytes !== undefined && total > faults.dropAfterBytes) {
          controller.error(new Error('Connection dropped by the sandbox'));
          return;
        }
        if (faults.truncateAfterBytes !== undefined && total > faults.truncateAfterBytes) {
          controller.enqueue(chunk.subarray(0, faults.truncateAfterBytes - sent));
          controller.close();
          return;
        }
        sent = total;
        if (chunk.length > 0) controller.enqueue(chunk);
        if (finished) controller.close();
      },
      cancel() {
        users.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

const pendingBytes = (chunks: Uint8Array[]) => chunks.reduce((sum, chunk) => sum + chunk.length, 0);

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(pendingBytes(chunks));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Half a JSON object: what a reader must survive when a line is corrupt. */
function brokenLine(user: object): string {
  const json = JSON.stringify(user);
  return json.slice(0, Math.max(1, Math.floor(json.length / 2)));
}

interface Sink {
  write(line: string): void;
  /** Hands buffered lines to the compressor. */
  flush(): void;
  end(onEnd: () => void): void;
}

function zipSink({ prefix, usersPerFile }: ArchiveOptions, output: Uint8Array[]): Sink {
  let onEnd = () => {};
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    output.push(chunk);
    if (final) onEnd();
  });
  let file: NativeZipDeflate | undefined;
  let files = 0;
  let inFile = 0;
  let buffered = '';
  const flush = (final = false) => {
    if (!file) return;
    file.push(encoder.encode(buffered), final);
    buffered = '';
    if (final) file = undefined;
  };
  return {
    write(text) {
      if (!file) {
        file = new NativeZipDeflate(`${prefix}/${files}.json`);
        zip.add(file);
        files += 1;
        inFile = 0;
      }
      buffered += `${text}\n`;
      inFile += 1;
      if (inFile === usersPerFile) flush(true);
    },
    flush: () => flush(),
    end(callback) {
      onEnd = callback;
      flush(true);
      zip.end();
    },
  };
}

function gzipSink(output: Uint8Array[]): Sink {
  let onEnd = () => {};
  const gzip = new Gzip({ level: 1 }, (chunk, final) => {
    output.push(chunk);
    if (final) onEnd();
  });
  let buffered = '';
  const flush = (final = false) => {
    gzip.push(encoder.encode(buffered), final);
    buffered = '';
  };
  return {
    write(text) {
      buffered += `${text}\n`;
    },
    flush: () => flush(),
    end(callback) {
      onEnd = callback;
      flush(true);
    },
  };
}
