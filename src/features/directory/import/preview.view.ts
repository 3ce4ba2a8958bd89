// What the preview page shows of an import plan: counts per sheet, the rows to fix, the changes.
import { jobRoleNames } from '../../../core/job-roles.js';
import type { ImportPlan } from './import.plan.js';

/** Beyond this many rows a table would make the page too long to use; the counts say the rest. */
export const previewRowLimit = 500;

export function previewView(id: string, plan: ImportPlan) {
  const { teams, people } = plan.counts;
  const changes = [
    ...plan.teams
      .filter((t) => t.action !== 'same')
      .map((t) => ({
        sheet: 'Teams',
        row: t.row,
        name: t.name,
        action: t.action === 'add' ? 'Add' : 'Change',
        what: t.changes.join(', '),
        note: '',
      })),
    ...plan.people
      .filter((p) => p.action !== 'same')
      .map((p) => ({
        sheet: 'People',
        row: p.row,
        name: p.name,
        action: p.action === 'add' ? 'Add' : 'Change',
        what: p.action === 'add' ? jobRoleNames[p.jobRole] : p.changes.join(', '),
        note: p.inactive ? 'Inactive in the directory: the import does not reactivate them' : '',
      })),
  ];
  return {
    id,
    counts: [
      { sheet: 'Teams', ...teams },
      { sheet: 'People', ...people },
    ],
    newServiceAreas: plan.newServiceAreas.map((a) => a.name),
    problems: plan.problems.slice(0, previewRowLimit),
    problemCount: plan.problems.length,
    changes: changes.slice(0, previewRowLimit),
    changeCount: changes.length,
    hasChanges: changes.length > 0 || plan.newServiceAreas.length > 0,
    rowLimit: previewRowLimit,
  };
}
