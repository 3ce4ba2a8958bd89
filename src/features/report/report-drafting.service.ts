// The Lead drafts the report from the triangulation: sections, grades with their evidence, recommendations.
import type { ReportDeps } from './report.deps.js';

export type ReportDraftingService = ReturnType<typeof createReportDraftingService>;

export function createReportDraftingService(deps: ReportDeps) {
  void deps;
  return {};
}
