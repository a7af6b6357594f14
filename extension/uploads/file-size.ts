const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `1536` → `1.5 KB`, in binary multiples as operating systems show file sizes. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${number.format(value)} ${UNITS[unit]}`;
}
