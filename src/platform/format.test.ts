import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.js';

const zones = [
  'UTC',
  'Europe/London',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'America/Los_Angeles',
];
const originalZone = process.env.TZ;

afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe('formatDate', () => {
  it.each(zones)(
    'shows a calendar date as the same day whatever the server’s zone (%s)',
    (zone) => {
      process.env.TZ = zone;
      expect(formatDate('2026-03-29')).toBe('29 March 2026');
      expect(formatDate('2026-01-01')).toBe('1 January 2026');
      expect(formatDate('2026-12-31')).toBe('31 December 2026');
    },
  );

  it('shows an instant as the day it was in the UK', () => {
    expect(formatDate('2026-06-30T23:30:00.000Z')).toBe('1 July 2026');
    expect(formatDate(new Date('2026-12-31T23:30:00.000Z'))).toBe('31 December 2026');
  });

  it('shows nothing for no date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
  });
});

describe('formatDateTime', () => {
  it.each(zones)('shows UK time in GOV.UK style whatever the server’s zone (%s)', (zone) => {
    process.env.TZ = zone;
    expect(formatDateTime('2026-07-01T13:05:00Z')).toBe('1 July 2026 at 2:05pm');
    expect(formatDateTime('2026-11-26T15:05:00.000Z')).toBe('26 November 2026 at 3:05pm');
  });

  it('follows the clocks changing', () => {
    expect(formatDateTime('2026-03-29T00:30:00Z')).toBe('29 March 2026 at 12:30am');
    expect(formatDateTime('2026-03-29T01:30:00Z')).toBe('29 March 2026 at 2:30am');
    expect(formatDateTime('2026-10-25T01:30:00Z')).toBe('25 October 2026 at 1:30am');
  });

  it('writes the hour after midnight and after midday as 12, not 0', () => {
    expect(formatDateTime('2026-11-26T00:05:00Z')).toBe('26 November 2026 at 12:05am');
    expect(formatDateTime(new Date('2026-11-26T12:30:00Z'))).toBe('26 November 2026 at 12:30pm');
  });

  it('shows nothing for no instant', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('')).toBe('');
  });
});
