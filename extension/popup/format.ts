const counts = new Intl.NumberFormat('en-US');
const dates = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** A count as people read it: 1,234. */
export const formatCount = (value: number) => counts.format(value);

/** A relay timestamp in the browser's time zone: Nov 22, 2026, 10:00 AM. */
export const formatDate = (iso: string) => dates.format(new Date(iso));
