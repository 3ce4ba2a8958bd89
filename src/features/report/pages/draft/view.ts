// What the report's pages share: addresses, the words as paragraphs, and the report page's data as
// its template shows it (what the Spotlight did as a summary list, the checks per place).
import type { ReportCheck } from '../../../../core/report/report-checks.js';
import type { CommentPlace } from '../../../../core/report/report-model.js';
import type { PersonRef } from '../../../spotlight/spotlight.service.js';
import { dueTagClasses } from '../../../tasks/task-rules.js';
import type { ReportPage } from '../../report-drafting.service.js';

export const signedIn = { config: { permission: 'signed-in' as const } };

export const reportHref = (spotlightId: string) => `/spotlights/${spotlightId}/report`;
export const sectionHref = (spotlightId: string, key: string) =>
  `${reportHref(spotlightId)}/sections/${key}`;
export const recommendationsHref = (spotlightId: string) =>
  `${reportHref(spotlightId)}/recommendations`;
/** Where a place is on the report page. */
export const anchorOf = (place: CommentPlace) =>
  place === 'recommendations' ? 'recommendations' : `section-${place}`;

/** Text as paragraphs of lines, so that line breaks show as typed. */
export const paragraphsOf = (text: string): string[][] =>
  text === '' ? [] : text.split(/\n\s*\n/).map((paragraph) => paragraph.split('\n'));

const person = (p: PersonRef) => (p.jobRoleName ? `${p.name} (${p.jobRoleName})` : p.name);

const countRows = (counts: NonNullable<ReportPage['report']>['counts']) =>
  [
    ['Children whose records were reviewed', counts.childrenReviewed],
    ['Documents read', counts.documentsRead],
    ['Conversations held with staff', counts.conversationsHeld],
    ['Observations of practice', counts.observations],
    ['Team members', counts.teamMembers],
  ].map(([key, value]) => ({ key: { text: String(key) }, value: { text: String(value) } }));

const checkView = (check: ReportCheck) => ({
  message: check.message,
  excerpt: check.excerpt,
  suggestion: check.suggestion,
});

/** The report page's template data. */
export function reportPageView(view: ReportPage) {
  const { spotlight, report } = view;
  const id = spotlight.id;
  const places = report
    ? Object.fromEntries(
        Object.entries(report.checksByPlace).map(([place, list]) => [place, list.map(checkView)]),
      )
    : {};
  return {
    spotlight,
    isLead: view.isLead,
    inTeam: view.inTeam,
    withheld: view.withheld,
    lead: spotlight.lead ? person(spotlight.lead) : 'Not chosen yet',
    members: spotlight.members.map(person),
    draftDue: {
      due: view.draftDue.due,
      tag: { text: view.draftDue.status.text, classes: dueTagClasses(view.draftDue.status) },
    },
    report: report && {
      ...report,
      summary: paragraphsOf(report.summary),
      context: paragraphsOf(report.context),
      themes: report.themes.map((theme) => ({
        ...theme,
        workingWell: paragraphsOf(theme.workingWell),
        toImprove: paragraphsOf(theme.toImprove),
        forChildren: paragraphsOf(theme.forChildren),
      })),
      countRows: countRows(report.counts),
      checksByPlace: places,
    },
    startHref: `${reportHref(id)}/start`,
    sectionsHref: `${reportHref(id)}/sections`,
    recommendationsHref: recommendationsHref(id),
    commentsHref: `${reportHref(id)}/comments`,
    signOffHref: `${reportHref(id)}/sign-off`,
    finalHref: `${reportHref(id)}/final`,
    backLink: `/spotlights/${id}`,
  };
}
