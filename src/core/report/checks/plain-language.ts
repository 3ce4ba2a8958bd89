// The guidance's first test, "clear, non-professionalised language": the text checks (jargon,
// readability, passive voice, complex words) on every piece of the report's text. A
// recommendation's action also gets the vague-verb check when it has no measure; whether it has
// an owner, a date and a measure is read from its own fields (measurable.ts), not from its words.
import { checkText, type Finding, type JargonEntry } from '../../text-checks/index.js';
import type { ReportCheckCategory } from '../report-checks.js';
import { at, isBlank, type Located, type TextPart } from './parts.js';

const plainLanguage = new Set<string>(['jargon', 'readability', 'passive', 'complex-word']);

/** What to do when a text check has nothing better to say. */
const fallbackSuggestion = 'Rewrite it in everyday words.';

function categoryOf(finding: Finding, part: TextPart): ReportCheckCategory | undefined {
  if (plainLanguage.has(finding.category)) return 'plain-language';
  // Child focus is judged on the theme section as a whole (child-focus.ts), never a paragraph.
  if (finding.category !== 'measurable' || !part.recommendation) return undefined;
  // "Improve" is fine when the measure field says how anyone will know it happened.
  return finding.rule === 'vague-verb' &&
    part.field === 'action' &&
    isBlank(part.recommendation.measure)
    ? 'measurable'
    : undefined;
}

export function plainLanguageChecks(
  parts: readonly TextPart[],
  jargon: readonly JargonEntry[],
): Located[] {
  const found: Located[] = [];
  for (const part of parts) {
    const kind = part.isRecommendation && part.field === 'action' ? 'recommendation' : 'paragraph';
    for (const finding of checkText(part.text, { kind, jargon })) {
      const category = categoryOf(finding, part);
      if (!category) continue;
      found.push({
        check: {
          category,
          rule: category === 'plain-language' ? finding.category : finding.rule,
          place: part.place,
          part: part.part,
          excerpt: part.text.slice(finding.start, finding.end),
          message: finding.message,
          suggestion: finding.suggestion ?? fallbackSuggestion,
        },
        order: at(part, finding.start),
      });
    }
  }
  return found;
}
