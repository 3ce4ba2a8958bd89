// What people type on the day's forms, made safe to keep: hidden control characters removed
// (PostgreSQL cannot store some of them), spaces trimmed, length counted in characters, not bytes.
// And ids from addresses checked before they reach the database.
import { NotFound } from '../../platform/errors.js';

export const dayLimits = {
  priorities: 8,
  priority: 300,
  agreedWith: 500,
  practicalities: 2000,
  ofWhat: 200,
  focus: 500,
  howMany: 50,
} as const;

/** One line of text: line breaks and tabs become spaces, other control characters go. */
export function cleanLine(text: string): string {
  return (
    text
      .replace(/[\t\r\n]+/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F\u007F]/g, '')
      .trim()
  );
}

/** Text over several lines: one kind of line break, tabs as spaces, no other control characters. */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
      .trim()
  );
}

/** Characters as a person counts them (an emoji is one, not two). */
export function characters(text: string): number {
  return [...text].length;
}

const idShape = /^[0-9A-Za-z_-]{1,64}$/;

/** Ids are UUIDs: anything else (a NUL byte breaks PostgreSQL's text) names nothing. */
export function checkId(id: string, what: string): string {
  if (!idShape.test(id)) throw new NotFound(what);
  return id;
}
