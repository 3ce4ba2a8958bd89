// The guidance's fourth test: grade judgements "supported by evidence". A grade should rest on
// evidence from the triangulation board, from more than one source, and be on the council's scale.
import { evidenceSourceNames, isEvidenceSource } from '../../record-themes.js';
import type { ThemeSectionContent } from '../report-model.js';
import { quote } from '../../text-checks/finding.js';
import { themeOrder, type Located } from './parts.js';
import { isEmptyTheme } from './child-focus.js';

const sourceName = (source: string) =>
  isEvidenceSource(source) ? evidenceSourceNames[source].toLowerCase() : source;

function listed(scale: readonly string[]): string {
  const quoted = scale.map(quote);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}`;
}

export function evidenceChecks(
  themes: readonly ThemeSectionContent[],
  evidenceSources: ReadonlyMap<string, string>,
  gradeScale: readonly string[],
): Located[] {
  const found: Located[] = [];
  for (const theme of themes) {
    const grade = theme.grade?.trim() ?? '';
    const order = themeOrder(theme.key, 'grade');
    const where = { place: theme.key, part: 'grade', excerpt: grade };
    if (grade === '') {
      if (isEmptyTheme(theme)) continue; // the presentation check says the section is empty
      found.push({
        check: {
          ...where,
          category: 'presentation',
          rule: 'no-grade',
          message: 'This theme has no grade judgement.',
          suggestion: 'Choose the grade the evidence supports.',
        },
        order,
      });
      continue;
    }
    if (!gradeScale.includes(grade)) {
      found.push({
        check: {
          ...where,
          category: 'evidence',
          rule: 'grade-not-on-scale',
          message: `${quote(grade)} is not one of the council’s grade judgements.`,
          suggestion: `Choose ${listed(gradeScale)}.`,
        },
        order,
      });
    }
    const sources = new Set(
      theme.evidenceIds.flatMap((id) => {
        const source = evidenceSources.get(id);
        return source === undefined ? [] : [source];
      }),
    );
    if (sources.size === 0) {
      found.push({
        check: {
          ...where,
          category: 'evidence',
          rule: 'grade-without-evidence',
          message:
            'This grade is not linked to any evidence, so readers cannot see what it rests on.',
          suggestion: 'Link the evidence from the triangulation board that supports the grade.',
        },
        order,
      });
    } else if (sources.size === 1) {
      const [only = ''] = sources;
      found.push({
        check: {
          ...where,
          category: 'evidence',
          rule: 'grade-single-source',
          message: `All the evidence for this grade comes from one source (${sourceName(only)}), so it has not been checked against anything else.`,
          suggestion:
            'Link evidence from another source too, such as a conversation with staff, an observation or performance data, or reconsider the grade.',
        },
        order,
      });
    }
  }
  return found;
}
