import { describe, expect, it } from 'vitest';
import {
  buildSpotlightInvite,
  inviteFileName,
  londonTimeToUtc,
  londonToday,
  type SpotlightInvite,
} from './calendar-invite.js';

const invite = (date: string, overrides: Partial<SpotlightInvite> = {}): SpotlightInvite => ({
  spotlightId: '6f1c2a9e-0d0b-4f5e-9c61-0d7f1e2a3b4c',
  date,
  teamName: 'Family Support East',
  serviceAreaName: 'Children in Need',
  leadName: 'Ruth Okafor',
  memberNames: ['Amina Khan', 'Joe Bloggs', 'Sam Lee'],
  sequence: 0,
  ...overrides,
});
const now = new Date('2026-11-26T09:00:00.000Z');

/** The calendar file with its folded lines put back together. */
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('the Spotlight calendar invite', () => {
  it('runs from 9am to 5pm London time in summer (BST is UTC+1)', () => {
    const ics = buildSpotlightInvite(invite('2027-07-01'), now);
    expect(ics).toContain('DTSTART:20270701T080000Z');
    expect(ics).toContain('DTEND:20270701T160000Z');
  });

  it('runs from 9am to 5pm London time in winter (GMT is UTC)', () => {
    const ics = buildSpotlightInvite(invite('2027-01-12'), now);
    expect(ics).toContain('DTSTART:20270112T090000Z');
    expect(ics).toContain('DTEND:20270112T170000Z');
  });

  it('is published with a stable UID, so Outlook imports it and replaces an older copy', () => {
    const first = buildSpotlightInvite(invite('2027-07-01'), now);
    const later = buildSpotlightInvite(invite('2027-07-02', { sequence: 2 }), new Date());
    expect(first).toContain('METHOD:PUBLISH');
    expect(first).toContain('BEGIN:VCALENDAR');
    const uid = /UID:(.+)\r\n/.exec(first)?.[1];
    expect(uid).toBe('spotlight-6f1c2a9e-0d0b-4f5e-9c61-0d7f1e2a3b4c@spotlight');
    expect(later).toContain(`UID:${uid ?? ''}`);
    expect(later).toContain('SEQUENCE:2');
    expect(first).toContain('DTSTAMP:20261126T090000Z');
  });

  it('names the team in the title and the Spotlight Team in the description', () => {
    const ics = unfolded(buildSpotlightInvite(invite('2027-07-01'), now));
    expect(ics).toContain('SUMMARY:Team Spotlight: Family Support East');
    expect(ics).toContain('Lead: Ruth Okafor.');
    expect(ics).toContain('Team members: Amina Khan\\, Joe Bloggs\\, Sam Lee.');
  });

  it('escapes what people type in names', () => {
    const ics = unfolded(
      buildSpotlightInvite(invite('2027-07-01', { teamName: 'North; East, "Team"\nTwo' }), now),
    );
    expect(ics).toContain('SUMMARY:Team Spotlight: North\\; East\\, "Team"\\nTwo');
    expect(ics.split('\r\n').filter((line) => line.startsWith('SUMMARY'))).toHaveLength(1);
  });

  it('names the file after the day', () => {
    expect(inviteFileName('2027-07-01')).toBe('spotlight-2027-07-01.ics');
  });
});

describe('London time', () => {
  it('converts London wall-clock times to UTC either side of the clock changes', () => {
    expect(londonTimeToUtc('2027-03-27', 9).toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(londonTimeToUtc('2027-03-29', 9).toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(londonTimeToUtc('2027-10-29', 17).toISOString()).toBe('2027-10-29T16:00:00.000Z');
    expect(londonTimeToUtc('2027-11-01', 17).toISOString()).toBe('2027-11-01T17:00:00.000Z');
  });

  it('gives London’s date, which is a day ahead of UTC just after midnight in summer', () => {
    expect(londonToday(new Date('2027-07-01T23:30:00Z'))).toBe('2027-07-02');
    expect(londonToday(new Date('2027-01-01T23:30:00Z'))).toBe('2027-01-01');
  });
});
