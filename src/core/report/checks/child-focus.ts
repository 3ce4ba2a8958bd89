// The guidance's second test, "the focus of the exercise is on the child": each theme section, its
// three parts read together, should say what life is like for children. A section that says
// nothing about children's experience is flagged once, at "What it means for children".
import { speaksOfChildrensExperience } from '../../text-checks/child-focus.js';
import type { ThemeSectionContent } from '../report-model.js';
import { isBlank, themeOrder, themeParts, type Located } from './parts.js';

/** A theme section with nothing written and no grade: the presentation check says it is empty. */
export const isEmptyTheme = (theme: ThemeSectionContent): boolean =>
  themeParts.every((part) => isBlank(theme[part])) && isBlank(theme.grade);

export function childFocusChecks(themes: readonly ThemeSectionContent[]): Located[] {
  const found: Located[] = [];
  for (const theme of themes) {
    if (isEmptyTheme(theme)) continue;
    const where = { category: 'child-focus' as const, place: theme.key, part: 'forChildren' };
    if (isBlank(theme.forChildren)) {
      found.push({
        check: {
          ...where,
          rule: 'empty-for-children',
          excerpt: '',
          message:
            '“What it means for children” is empty. The report should say what the team’s work means for the children it helps.',
          suggestion:
            'Say what life is like for the children: what they told you, whether they feel safe, and what difference the work makes to them.',
        },
        order: themeOrder(theme.key, 'forChildren'),
      });
      continue;
    }
    const whole = themeParts.map((part) => theme[part]).join('\n');
    if (speaksOfChildrensExperience(whole)) continue;
    found.push({
      check: {
        ...where,
        rule: 'no-child-experience',
        excerpt: '',
        message:
          'This theme describes what the team does but not what life is like for the children: what they experienced, said, wished or felt.',
        suggestion:
          'Add what children told you or what their records show about their lives, for example whether they feel safe and what they want to happen.',
      },
      order: themeOrder(theme.key, 'forChildren'),
    });
  }
  return found;
}
