/**
 * JSON text already encoded as UTF-8, sent as it is: a Graph parameter too large to build
 * as objects and stringify again (a `/users` batch's 10,000 rows, written row by row into
 * one buffer as they are made, see exports/batches/batch-rows.ts).
 */
export class RawJson {
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** For `JSON.stringify` (form encoding, logs): the value the text stands for. */
  toJSON(): unknown {
    return JSON.parse(Buffer.from(this.bytes).toString('utf8'));
  }
}

/**
 * `value` as JSON bytes, the same text `JSON.stringify` gives, with each `RawJson` inside
 * plain objects and arrays spliced in as it is instead of parsed and stringified again.
 */
export function encodeJson(value: unknown): Buffer<ArrayBuffer> {
  const pieces: (string | Uint8Array)[] = [];
  let text = '';
  const visit = (item: unknown, inArray: boolean) => {
    if (item instanceof RawJson) {
      pieces.push(text, item.bytes);
      text = '';
    } else if (Array.isArray(item)) {
      text += '[';
      item.forEach((element, index) => {
        if (index > 0) text += ',';
        visit(element, true);
      });
      text += ']';
    } else if (isPlainObject(item)) {
      text += '{';
      let first = true;
      for (const [key, member] of Object.entries(item)) {
        if (leftOut(member)) continue;
        text += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        visit(member, false);
      }
      text += '}';
    } else {
      text += JSON.stringify(item) ?? (inArray ? 'null' : '');
    }
  };
  visit(value, false);
  pieces.push(text);
  return Buffer.concat(
    pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)),
  );
}

/** What `JSON.stringify` leaves out of an object. */
const leftOut = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
