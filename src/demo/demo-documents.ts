// The documents a demo team's manager sends for its preparation pack: a team action plan (PDF), a
// performance dashboard export (CSV), a stocktake summary (Excel) and audit outcomes (PDF). The
// content is invented but reads like a real team's; no child is named or numbered in any of them.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { PackDocumentType } from '../core/pack-documents.js';
import { addMonths } from '../core/working-days.js';
import { between } from './demo-children.js';
import { textPdf } from './demo-pdf.js';

export interface DemoDocument {
  documentType: PackDocumentType;
  /** The name the manager's computer gave it. */
  filename: string;
  data: Buffer;
}

export interface DemoTeamFacts {
  teamName: string;
  managerName: string;
  /** 'LCS' or 'EHM'. */
  recordingSystem: string;
  /** Today, YYYY-MM-DD: the documents look back over the months before it. */
  today: string;
  now: Date;
  random: () => number;
}

const monthName = (date: string) =>
  new Date(`${date.slice(0, 7)}-01T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The six months before today's, oldest first, as YYYY-MM-01. */
function recentMonths(today: string): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return [6, 5, 4, 3, 2, 1].map((back) => addMonths(first, -back));
}

/** "2026–27": the council's financial year (April to March) that today falls in. */
function financialYear(today: string): string {
  const year = Number(today.slice(0, 4));
  const start = Number(today.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}–${String(start + 1).slice(2)}`;
}

interface MonthFigures {
  month: string;
  openCases: number;
  visits: number;
  supervision: number;
  assessments: number;
  caseload: number;
  reReferrals: number;
}

/** Six months of a team's dashboard, improving a little, as a team with an action plan should. */
function monthlyFigures(team: DemoTeamFacts): MonthFigures[] {
  const r = team.random;
  const openStart = between(r, 95, 140);
  return recentMonths(team.today).map((month, index) => ({
    month: monthName(month),
    openCases: openStart + between(r, -6, 6),
    visits: Math.min(98, between(r, 72, 80) + index * 2),
    supervision: Math.min(97, between(r, 68, 76) + index * 3),
    assessments: Math.min(95, between(r, 72, 82) + index * 2),
    caseload: between(r, 16, 21),
    reReferrals: between(r, 14, 24),
  }));
}

function actionPlan(team: DemoTeamFacts, figures: readonly MonthFigures[]): DemoDocument {
  const first = figures[0];
  const last = figures[figures.length - 1];
  const year = financialYear(team.today);
  const next = monthName(addMonths(`${team.today.slice(0, 7)}-01`, 1));
  const system = team.recordingSystem;
  const lines = [
    `Owner: ${team.managerName}, Team Manager. Reviewed at the team meeting in ${last?.month}.`,
    '',
    'Where we are',
    `We hold ${last?.openCases} open cases. In ${last?.month} ${last?.visits}% of visits were in timescale (the council’s target is 90%) and ${last?.supervision}% of supervision was on time.`,
    '',
    'Priority 1: children are seen, and seen alone, within timescale',
    '  What we will do: a weekly visits tracker at team meeting; duty cover planned around leave.',
    `  Progress: ${last?.visits}% of visits in timescale in ${last?.month}, up from ${first?.visits}% in ${first?.month}.`,
    '',
    `Priority 2: supervision every four weeks, recorded on ${system} within five working days`,
    '  What we will do: supervision booked three months ahead; reflective group supervision monthly.',
    `  Progress: ${last?.supervision}% in timescale in ${last?.month}, up from ${first?.supervision}% in ${first?.month}.`,
    '',
    'Priority 3: plans that families understand',
    '  What we will do: write plans with families, in plain language, saying what will change by when.',
    '  Progress: audits found plans clearer; contingency plans still need work.',
    '',
    'Priority 4: management oversight at key decisions',
    '  What we will do: the Team Manager records the reason for every step-up, step-down and closure.',
    '  Progress: recorded in most cases audited; a short checklist is now in use.',
    '',
    'What we need from others',
    '  Quicker access to the education welfare service for children missing school.',
    '  Training on the new chronology template for our newly qualified social workers.',
    '',
    `Next review: the team meeting in ${next}.`,
  ];
  return {
    documentType: 'team-action-plan',
    filename: `Team action plan ${year} - ${team.teamName}.pdf`,
    data: textPdf({
      title: `${team.teamName}: team action plan ${year}`,
      lines,
      created: team.now,
    }),
  };
}

function performanceData(team: DemoTeamFacts, figures: readonly MonthFigures[]): DemoDocument {
  const rows = figures.map((f) => [
    f.month,
    f.openCases,
    f.visits,
    f.supervision,
    f.assessments,
    f.caseload,
    f.reReferrals,
  ]);
  const csv = stringify([
    [
      'Month',
      'Open cases',
      'Visits in timescale (%)',
      'Supervision in timescale (%)',
      'Assessments in 45 working days (%)',
      'Average caseload',
      'Re-referrals within 12 months (%)',
    ],
    ...rows,
  ]);
  const last = figures[figures.length - 1]?.month ?? '';
  return {
    documentType: 'performance-data',
    filename: `Performance dashboard - ${team.teamName} - to ${last}.csv`,
    data: Buffer.from(csv, 'utf8'),
  };
}

const stocktakeThemes: readonly [string, string, string, string][] = [
  [
    'Voice of the child',
    'Children’s views are recorded in most visits; less often for babies and non-verbal children.',
    'Good',
    'Share two strong examples at team meeting; use observation notes for pre-verbal children.',
  ],
  [
    'Assessment quality',
    'Analysis is stronger than last year; history is not always used to weigh up risk.',
    'Requires improvement',
    'Chronology catch-up sessions every fortnight; history section checked in supervision.',
  ],
  [
    'Planning',
    'Plans are shared with families; some actions are vague and have no date.',
    'Requires improvement',
    'Use the plan checklist; Team Leader to sample five plans a month.',
  ],
  [
    'Management oversight',
    'Clear at allocation and closure; less visible between supervisions.',
    'Requires improvement',
    'Record oversight on the case at each key decision, not only in supervision notes.',
  ],
  [
    'Workforce',
    'Two newly qualified social workers in their first year; caseloads kept protected.',
    'Good',
    'Keep ASYE caseloads at 15 or fewer; peer mentoring with senior social workers.',
  ],
];

async function stocktake(
  team: DemoTeamFacts,
  figures: readonly MonthFigures[],
): Promise<DemoDocument> {
  const month = figures[figures.length - 2]?.month ?? '';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = team.managerName;
  workbook.created = team.now;
  workbook.modified = team.now;
  const summary = workbook.addWorksheet('Stocktake summary');
  summary.columns = [
    { header: 'Theme', width: 24 },
    { header: 'What we found', width: 60 },
    { header: 'Rating', width: 22 },
    { header: 'What we will do', width: 60 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const theme of stocktakeThemes) summary.addRow([...theme]);
  const caseloads = workbook.addWorksheet('Caseloads');
  caseloads.columns = [
    { header: 'Worker', width: 28 },
    { header: 'Cases held', width: 12 },
    { header: 'Child protection', width: 18 },
    { header: 'Child in need', width: 16 },
  ];
  caseloads.getRow(1).font = { bold: true };
  const workers = ['Senior Social Worker', 'Social Worker', 'Social Worker (ASYE)', 'Practitioner'];
  for (const worker of workers) {
    const held = between(team.random, 12, 22);
    const protection = between(team.random, 2, Math.floor(held / 2));
    caseloads.addRow([worker, held, protection, held - protection]);
  }
  return {
    documentType: 'stocktake',
    filename: `Stocktake summary - ${team.teamName} - ${month}.xlsx`,
    data: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

function auditOutcomes(team: DemoTeamFacts, figures: readonly MonthFigures[]): DemoDocument {
  const first = figures[0]?.month ?? '';
  const last = figures[figures.length - 1]?.month ?? '';
  const audited = between(team.random, 10, 14);
  const good = between(team.random, 2, 4);
  const inadequate = between(team.random, 0, 1);
  const lines = [
    `Case file audits from ${first} to ${last}, by the Team Manager with the QA and Safeguarding Team.`,
    '',
    `Cases audited: ${audited}. Good: ${good}. Requires improvement: ${audited - good - inadequate}. Inadequate: ${inadequate}.`,
    '',
    'What we found',
    '  • The child’s voice is recorded well in most cases.',
    '  • Chronologies were out of date in about a third of cases.',
    '  • Management oversight was clear at allocation, less so at review.',
    '  • Families said they understood why we were involved.',
    '',
    'What we are doing',
    '  • Chronology catch-up sessions every fortnight.',
    '  • Each audit’s findings discussed in supervision, with actions recorded.',
    '  • A re-audit of the cases graded inadequate or requires improvement in three months.',
    '',
    'Practice evaluation',
    `  A practice evaluation of visits in ${last} with the QA and Safeguarding Team: practice was warm and purposeful; recording did not always show the work that had been done.`,
  ];
  return {
    documentType: 'audits',
    filename: `Case file audit outcomes - ${team.teamName}.pdf`,
    data: textPdf({
      title: `${team.teamName}: outcomes of case file audits`,
      lines,
      created: team.now,
    }),
  };
}

/**
 * The team's pack: the action plan, the performance export and the stocktake summary; with
 * `withAudits`, the audit outcomes too (every type the readiness checklist expects).
 */
export async function demoPackDocuments(
  team: DemoTeamFacts,
  withAudits: boolean,
): Promise<DemoDocument[]> {
  const figures = monthlyFigures(team);
  const documents = [
    actionPlan(team, figures),
    performanceData(team, figures),
    await stocktake(team, figures),
  ];
  if (withAudits) documents.push(auditOutcomes(team, figures));
  return documents;
}
