// What the report journey and its server agree on: the Head of Service QA and Safeguarding who
// reviews every project's report, the day of the Spotlights ready for their report (a week ago,
// so the Heads of Service's agreement and the circulation can be dated on or after it), and what
// the team members saw there (a jargon word for the quality checks to find, and case numbers that
// must never reach the report).
import { preparationCouncil } from './settings.js';

export const reportHeadOfServiceQa = {
  name: 'Rhiannon Pryce',
  email: 'rhiannon.pryce.report@e2e.example.test',
  jobRole: 'head-of-service',
} as const;

/** Everyone in the report journey signs in with the day council's password. */
export const reportPassword = preparationCouncil.password;

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day of the Spotlights ready for their report: a week before today in London. */
export function reportSpotlightDate(now = new Date()): string {
  const day = new Date(`${londonDay.format(now)}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 7);
  return day.toISOString().slice(0, 10);
}

/** The Lead's key findings per theme: a strength and an area; the practice area has jargon. */
export const reportKeyFindings: Readonly<Record<string, { strength: string; area: string }>> = {
  culture: {
    strength: 'Workers feel safe to ask each other for help.',
    area: 'New starters are not always given a mentor.',
  },
  practice: {
    strength: 'Children see the same worker at every visit.',
    area: 'Visits to children on a CP plan are not always on time.',
  },
  'quality-assurance': {
    strength: 'The team learns from its monthly audits.',
    area: 'Feedback from families is not gathered.',
  },
  oversight: {
    strength: 'Supervision is regular and valued by workers.',
    area: 'Supervision records do not show the reasons for decisions.',
  },
  systemic: {
    strength: 'Relationships with schools are strong.',
    area: 'Transfers in from other teams arrive without a transfer form.',
  },
};

/** The jargon in the practice key finding, and what the Lead writes instead. */
export const reportJargon = { term: 'CP plan', plain: 'child protection plan' };

/** The case number (LCS) each team member read on the day: never in the report. */
export function reportCaseNumber(memberIndex: number): string {
  return String(7700010 + memberIndex);
}
