// The guidance's fifth test, a professionally presented report: nothing left empty, names spelt
// the same way as the Spotlight spells them, and dates written one way, in words.
import {
  introSectionNames,
  type IntroSectionContent,
  type ThemeSectionContent,
} from '../report-model.js';
import { isEmptyTheme } from './child-focus.js';
import {
  isBlank,
  placeOrder,
  recommendationOrder,
  themeOrder,
  type Located,
  type NormalisedReport,
} from './parts.js';

const partNames = {
  workingWell: '“What is working well”',
  toImprove: '“What needs to improve”',
} as const;

function introChecks(intro: IntroSectionContent): Located[] {
  if (!isBlank(intro.body)) return [];
  return [
    {
      check: {
        category: 'presentation',
        rule: 'empty-section',
        place: intro.key,
        part: 'body',
        excerpt: '',
        message:
          intro.key === 'summary'
            ? 'The summary is empty.'
            : `“${introSectionNames[intro.key]}” is empty.`,
        suggestion:
          intro.key === 'summary'
            ? 'Write a short summary of what the Spotlight found, for readers who read nothing else.'
            : 'Say who the team are, what they do and for which children.',
      },
      order: [placeOrder(intro.key), 0, 0, 0],
    },
  ];
}

function themeChecks(theme: ThemeSectionContent): Located[] {
  const where = { category: 'presentation' as const, place: theme.key, excerpt: '' };
  if (isEmptyTheme(theme)) {
    return [
      {
        check: {
          ...where,
          rule: 'empty-section',
          part: 'workingWell',
          message: 'Nothing has been written for this theme yet, and it has no grade.',
          suggestion:
            'Write what is working well, what needs to improve and what it means for children, and choose a grade.',
        },
        order: themeOrder(theme.key, 'workingWell'),
      },
    ];
  }
  // An empty "What it means for children" is the child-focus check's finding.
  return (['workingWell', 'toImprove'] as const)
    .filter((part) => isBlank(theme[part]))
    .map((part) => ({
      check: {
        ...where,
        rule: 'empty-part',
        part,
        message: `${partNames[part]} is empty.`,
        suggestion:
          part === 'workingWell'
            ? 'Say what the team does well, with the evidence for it.'
            : 'Say what needs to improve, or that the Spotlight found nothing to improve here.',
      },
      order: themeOrder(theme.key, part),
    }));
}

/** Empty sections and parts, and a report without recommendations. */
export function emptinessChecks(report: NormalisedReport): Located[] {
  const found = [...report.intros.flatMap(introChecks), ...report.themes.flatMap(themeChecks)];
  if (report.recommendations.length === 0) {
    found.push({
      check: {
        category: 'presentation',
        rule: 'no-recommendations',
        place: 'recommendations',
        part: '',
        excerpt: '',
        message: 'The report has no recommendations yet.',
        suggestion:
          'Add the recommendations the team will act on, each with who will do it, by when and how it will be measured.',
      },
      order: [placeOrder('recommendations'), -1, 0, 0],
    });
  }
  for (const [index, recommendation] of report.recommendations.entries()) {
    if (!isBlank(recommendation.action)) continue;
    found.push({
      check: {
        category: 'presentation',
        rule: 'empty-recommendation',
        place: 'recommendations',
        part: recommendation.id,
        excerpt: '',
        message: 'This recommendation does not say what will change.',
        suggestion: 'Write what will change, or remove the recommendation.',
      },
      order: recommendationOrder(index, 'action'),
    });
  }
  return found;
}
