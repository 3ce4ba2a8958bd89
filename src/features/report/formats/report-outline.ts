// The report's reading order and wording, shared by the web page, the standalone HTML, Word and
// PDF so that all of them say the same thing in the same order. Each format only decides how a
// heading, paragraph, list or table looks. Pure.
import type { ReportDocument } from '../../../core/report/report-model.js';
import { introSectionNames } from '../../../core/report/report-model.js';
import { formatDate } from '../../../platform/format.js';

export interface ReportTable {
  caption: string;
  /** Column headings; none when every row is named by its first cell. */
  head: string[];
  rows: string[][];
  /** The first cell of each row names the row (a header cell with row scope). */
  rowHeaders: boolean;
  /** The caption says what the heading just above says: formats may show it once only. */
  captionRepeatsHeading: boolean;
}

export type ReportBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: boolean }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; table: ReportTable };

export interface ReportOutline {
  /** The one top-level heading. */
  title: string;
  /** Says the report is a draft, when it is not final. */
  draftNotice: string | null;
  blocks: ReportBlock[];
}

export const notWritten = 'Not written.';

/** Text as paragraphs: each line that is not blank is one paragraph. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const paragraphs = (text: string): ReportBlock[] => {
  const lines = paragraphsOf(text);
  return (lines.length > 0 ? lines : [notWritten]).map((line) => ({
    kind: 'paragraph',
    text: line,
  }));
};

const heading = (level: 2 | 3, text: string): ReportBlock => ({ kind: 'heading', level, text });

const listOf = (names: string[]) => (names.length > 0 ? names.join(', ') : 'None');

/** The headings every format shows for the report's parts, in reading order. */
export const partHeadings = {
  about: 'About this Spotlight',
  did: 'What the Spotlight did',
  grades: 'Grade judgements by theme',
  recommendations: 'Recommendations',
  actionPlan: 'The action plan',
} as const;

export const themePartHeadings = {
  grade: 'Grade judgement',
  workingWell: 'What is working well',
  toImprove: 'What needs to improve',
  forChildren: 'What this means for children',
  evidence: 'The evidence the grade rests on',
} as const;

// Characters no Word or PDF file may hold (controls, lone surrogates): a pasted text can carry them.
const unprintable =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const printable = (text: string) => text.replace(unprintable, '');

function cleanBlock(block: ReportBlock): ReportBlock {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: printable(block.text) };
    case 'list':
      return { ...block, items: block.items.map(printable) };
    case 'table':
      return {
        ...block,
        table: {
          ...block.table,
          caption: printable(block.table.caption),
          head: block.table.head.map(printable),
          rows: block.table.rows.map((row) => row.map(printable)),
        },
      };
  }
}

function markRepeatedCaptions(blocks: ReportBlock[]): void {
  blocks.forEach((block, i) => {
    const before = blocks[i - 1];
    if (block.kind === 'table') {
      block.table.captionRepeatsHeading =
        before?.kind === 'heading' && before.text === block.table.caption;
    }
  });
}

/** The report, in order, as headings, paragraphs, lists and tables. */
export function reportOutline(document: ReportDocument): ReportOutline {
  const d = document;
  const blocks: ReportBlock[] = [];
  const finalText =
    d.status === 'final'
      ? `Final${d.finalisedOn ? `, agreed on ${formatDate(d.finalisedOn)}` : ''}`
      : 'Draft: not final yet';
  blocks.push(heading(2, partHeadings.about), {
    kind: 'table',
    table: {
      caption: partHeadings.about,
      head: [],
      rowHeaders: true,
      captionRepeatsHeading: false,
      rows: [
        ['Team', d.teamName],
        ['Service area', d.serviceAreaName],
        ['Date of the Spotlight', formatDate(d.date)],
        ['Lead', d.leadName || 'Not named'],
        ['Team members', listOf(d.memberNames)],
        ['This report', finalText],
      ],
    },
  });
  blocks.push(heading(2, introSectionNames.summary), ...paragraphs(d.summary));
  blocks.push(heading(2, introSectionNames.context), ...paragraphs(d.context));
  blocks.push(heading(2, partHeadings.did), {
    kind: 'table',
    table: {
      caption: partHeadings.did,
      head: ['What was done', 'Number'],
      rowHeaders: true,
      captionRepeatsHeading: false,
      rows: [
        ['Children whose records were reviewed', String(d.counts.childrenReviewed)],
        ['Documents read in the preparation pack', String(d.counts.documentsRead)],
        ['Conversations with staff', String(d.counts.conversationsHeld)],
        ['Observations of practice', String(d.counts.observations)],
        ['Team members who kept a record', String(d.counts.teamMembers)],
      ],
    },
  });
  blocks.push(heading(2, partHeadings.grades), {
    kind: 'table',
    table: {
      caption: partHeadings.grades,
      head: ['Theme', 'Grade judgement'],
      rowHeaders: true,
      captionRepeatsHeading: false,
      rows: d.themes.map((t) => [t.name, t.grade ?? 'Not graded']),
    },
  });
  if (d.gradeScale.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `The grades, from best to worst: ${d.gradeScale.join(', ')}.`,
    });
  }
  for (const theme of d.themes) {
    blocks.push(heading(2, theme.name), {
      kind: 'paragraph',
      text: theme.question,
      emphasis: true,
    });
    blocks.push(heading(3, themePartHeadings.grade), {
      kind: 'paragraph',
      text: theme.grade ?? 'Not graded',
    });
    blocks.push(heading(3, themePartHeadings.workingWell), ...paragraphs(theme.workingWell));
    blocks.push(heading(3, themePartHeadings.toImprove), ...paragraphs(theme.toImprove));
    blocks.push(heading(3, themePartHeadings.forChildren), ...paragraphs(theme.forChildren));
    blocks.push(heading(3, themePartHeadings.evidence));
    blocks.push(
      theme.evidence.length > 0
        ? {
            kind: 'list',
            ordered: false,
            items: theme.evidence.map((e) => {
              const source = e.kind ? `${e.source} (${e.kind.toLowerCase()})` : e.source;
              return `${source}: ${e.seen}`;
            }),
          }
        : { kind: 'paragraph', text: 'No evidence is linked to this grade.' },
    );
  }
  blocks.push(heading(2, partHeadings.recommendations));
  if (d.recommendations.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'There are no recommendations.' });
  } else {
    blocks.push({
      kind: 'list',
      ordered: true,
      items: d.recommendations.map((r) => `${r.action} (${r.themeName})`),
    });
    blocks.push(heading(3, partHeadings.actionPlan), {
      kind: 'table',
      table: {
        caption: partHeadings.actionPlan,
        head: ['Number', 'What will change', 'Owner', 'By when', 'Measure', 'Baseline', 'Target'],
        rowHeaders: false,
        captionRepeatsHeading: false,
        rows: d.recommendations.map((r) => [
          String(r.number),
          r.action,
          r.owner || 'Not named',
          r.dueOn ? formatDate(r.dueOn) : 'Not set',
          r.measure || 'Not set',
          r.baseline || 'Not set',
          r.target || 'Not set',
        ]),
      },
    });
  }
  markRepeatedCaptions(blocks);
  return {
    title: printable(d.title),
    draftNotice:
      d.status === 'final'
        ? null
        : 'This is a draft. It is not final and must not be circulated beyond the Spotlight Team and the QA team.',
    blocks: blocks.map(cleanBlock),
  };
}
