// How dates and times read on a page: GOV.UK style, in UK time whatever the server's zone.

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** "26 November 2026" from a calendar date (YYYY-MM-DD) or an instant. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date has no zone: read it at noon UTC so it never slips a day.
    return dateFormat.format(new Date(`${value}T12:00:00Z`));
  }
  return dateFormat.format(new Date(value));
}

/** "26 November 2026 at 3:05pm" from an instant. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  const time = timeFormat.format(date).replace(' ', '').toLowerCase();
  return `${dateFormat.format(date)} at ${time}`;
}
