/** Prints left-aligned columns, `-` for empty cells, or `empty` when there are no rows. */
export function printTable(
  out: (line: string) => void,
  header: string[],
  rows: (string | null | undefined)[][],
  empty: string,
): void {
  if (rows.length === 0) out(empty);
  else for (const line of formatTable(header, rows)) out(line);
}

/** Left-aligned columns for terminal output; `-` stands for empty cells. */
export function formatTable(header: string[], rows: (string | null | undefined)[][]): string[] {
  const cells = [header, ...rows.map((row) => row.map((cell) => cell || '-'))];
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  return cells.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/** Timestamps in lists: minute precision is plenty and keeps columns narrow. */
export const shortTime = (date: Date | null) =>
  date ? `${date.toISOString().slice(0, 16).replace('T', ' ')}Z` : null;
