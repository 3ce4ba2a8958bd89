// The .ics invite for a Spotlight day, and the Europe/London clock arithmetic it needs. The server
// runs in UTC, so London's 9:00 to 17:00 is converted to UTC here (BST is UTC+1, GMT is UTC+0).
import { createEvent, type EventAttributes } from 'ics';

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: Date): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of londonParts.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The London wall-clock reading of an instant, as if it were UTC (milliseconds). */
function londonWallClock(instant: Date): number {
  const p = partsOf(instant);
  return Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
}

/** The instant when London's clocks read `hour:minute` on a calendar date (YYYY-MM-DD). */
export function londonTimeToUtc(date: string, hour: number, minute = 0): Date {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  // Two rounds settle the offset, even near a clock change (which happens at 1:00 UTC).
  let guess = wanted;
  for (let round = 0; round < 2; round += 1) {
    guess = wanted - (londonWallClock(new Date(guess)) - guess);
  }
  return new Date(guess);
}

/** Today's date in London (YYYY-MM-DD): a Spotlight is upcoming until its day has passed. */
export function londonToday(now: Date): string {
  const p = partsOf(now);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${String(p.year ?? 0)}-${pad(p.month)}-${pad(p.day)}`;
}

export interface SpotlightInvite {
  spotlightId: string;
  /** The Spotlight day, YYYY-MM-DD. */
  date: string;
  teamName: string;
  serviceAreaName: string;
  leadName: string | null;
  memberNames: readonly string[];
  /** Rises with every change to the Spotlight, so a calendar replaces its older copy. */
  sequence: number;
}

type DateArray = [number, number, number, number, number];

function utcArray(instant: Date): DateArray {
  return [
    instant.getUTCFullYear(),
    instant.getUTCMonth() + 1,
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
  ];
}

/** The description: who is in the Spotlight Team, by name only (never children's case numbers). */
function describe(invite: SpotlightInvite): string {
  const lines = [`Team Spotlight of ${invite.teamName} (${invite.serviceAreaName}).`];
  lines.push(`Lead: ${invite.leadName ?? 'to be confirmed'}.`);
  lines.push(
    invite.memberNames.length > 0
      ? `Team members: ${invite.memberNames.join(', ')}.`
      : 'Team members: to be confirmed.',
  );
  lines.push('The Spotlight runs from 9am to 5pm.');
  return lines.join('\n');
}

/** The calendar file: one working day, 9:00 to 17:00 London time, that Outlook can import. */
export function buildSpotlightInvite(invite: SpotlightInvite, now: Date): string {
  // DTSTAMP from the injected clock: `ics` accepts `timestamp` but its types leave it out.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: '-//Spotlight//Team Spotlight//EN',
    method: 'PUBLISH',
    uid: `spotlight-${invite.spotlightId}@spotlight`,
    sequence: invite.sequence,
    timestamp: now.getTime(),
    start: utcArray(londonTimeToUtc(invite.date, 9)),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(londonTimeToUtc(invite.date, 17)),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `Team Spotlight: ${invite.teamName}`,
    description: describe(invite),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  };
  const result = createEvent(attributes);
  if (result.error || !result.value) {
    throw result.error ?? new Error('The calendar invite could not be made');
  }
  return result.value;
}

/** The file name people see when they download it. */
export function inviteFileName(date: string): string {
  return `spotlight-${date}.ics`;
}
