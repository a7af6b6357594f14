/** A date as the pages show it ("Nov 22, 2026"), with the time when it matters. */
export function formatDate(iso: string, withTime = false): string {
  return new Date(iso).toLocaleString('en', {
    dateStyle: 'medium',
    ...(withTime && { timeStyle: 'short' }),
  });
}
