// The guidance's third test, "recommendations within the report are clear and measurable": each
// recommendation names who will do it, by when, and how anyone will know it has worked, read from
// its own fields. Vague verbs in its words are found with the plain-language checks.
import type { RecommendationContent } from '../report-model.js';
import { isBlank, recommendationOrder, type Located, type RecommendationField } from './parts.js';

interface Missing {
  field: RecommendationField;
  rule: string;
  message: string;
  suggestion: string;
}

const required: readonly Missing[] = [
  {
    field: 'owner',
    rule: 'no-owner',
    message: 'This recommendation does not say who will do it, so nobody may take it on.',
    suggestion: 'Name the person or role responsible, for example “Team Manager”.',
  },
  {
    field: 'dueOn',
    rule: 'no-date',
    message: 'This recommendation does not say when it will be done by, so nobody can check it.',
    suggestion: 'Add the date it should be done by.',
  },
  {
    field: 'measure',
    rule: 'no-measure',
    message: 'This recommendation does not say how anyone will know it has worked.',
    suggestion:
      'Add a measure, for example “share of children’s plans written with the child, from a monthly audit”.',
  },
];

/** What the gentler finding says is missing: the baseline, the target, or both. */
function missingEnds(recommendation: RecommendationContent): string | undefined {
  const baseline = isBlank(recommendation.baseline);
  const target = isBlank(recommendation.target);
  if (baseline && target) return 'baseline (where things are now) and no target';
  if (baseline) return 'baseline (where things are now)';
  if (target) return 'target';
  return undefined;
}

export function measurableChecks(recommendations: readonly RecommendationContent[]): Located[] {
  const found: Located[] = [];
  for (const [index, recommendation] of recommendations.entries()) {
    const where = { category: 'measurable' as const, place: 'recommendations' as const };
    for (const missing of required) {
      if (!isBlank(recommendation[missing.field])) continue;
      found.push({
        check: {
          ...where,
          rule: missing.rule,
          part: recommendation.id,
          excerpt: '',
          message: missing.message,
          suggestion: missing.suggestion,
        },
        order: recommendationOrder(index, missing.field),
      });
    }
    const ends = isBlank(recommendation.measure) ? undefined : missingEnds(recommendation);
    if (ends) {
      found.push({
        check: {
          ...where,
          rule: 'no-baseline-or-target',
          part: recommendation.id,
          excerpt: recommendation.measure.trim(),
          message: `The measure has no ${ends}, so it will be hard to tell how much has changed.`,
          suggestion:
            'Add a baseline and target where there is one, for example “40% in January 2027” and “80% by June 2027”.',
        },
        order: recommendationOrder(index, 'measure', recommendation.measure.length),
      });
    }
  }
  return found;
}
