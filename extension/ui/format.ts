const counts = new Intl.NumberFormat('en-US');

/** A count as people read it: 1,234. */
export const formatCount = (value: number) => counts.format(value);

/** A relay timestamp in the browser's time zone: Nov 22, 2026, or with the time, Nov 22, 2026, 10:00 AM. */
export function formatDate(iso: string, withTime = false): string {
  return new Date(iso).toLocaleString('en-US', {
    dateStyle: 'medium',
    ...(withTime && { timeStyle: 'short' }),
  });
}
