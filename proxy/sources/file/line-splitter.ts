/** One line of text (without its line break), or a line too long to hold. */
export type TextLine = { line: number; text: string } | { line: number; tooLong: true };

/**
 * Splits text fed in chunks of any size into LF-terminated lines (a CR before the LF is
 * dropped). A line longer than `maxLineLength` characters is reported, not held: memory
 * stays bounded whatever the input.
 */
export class LineSplitter {
  private readonly maxLineLength: number;
  private partial = '';
  private length = 0;
  private tooLong = false;
  private line = 1;

  constructor(maxLineLength: number) {
    this.maxLineLength = maxLineLength;
  }

  push(text: string, out: TextLine[]): void {
    let from = 0;
    for (;;) {
      const newline = text.indexOf('\n', from);
      this.add(text, from, newline === -1 ? text.length : newline);
      if (newline === -1) return;
      this.endLine(out);
      from = newline + 1;
    }
  }

  /** The input ended: a last line without a line break still counts. */
  end(out: TextLine[]): void {
    if (this.length > 0 || this.tooLong) this.endLine(out);
  }

  private add(text: string, from: number, to: number): void {
    if (this.tooLong || to === from) return;
    this.length += to - from;
    if (this.length > this.maxLineLength) {
      this.tooLong = true;
      this.partial = '';
    } else {
      this.partial += text.slice(from, to);
    }
  }

  private endLine(out: TextLine[]): void {
    if (this.tooLong) out.push({ line: this.line, tooLong: true });
    else {
      const text = this.partial.endsWith('\r') ? this.partial.slice(0, -1) : this.partial;
      out.push({ line: this.line, text });
    }
    this.line++;
    this.partial = '';
    this.length = 0;
    this.tooLong = false;
  }
}
