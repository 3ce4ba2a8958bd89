// Review and sign-off: circulation to members, comments, the Heads of Service's agreement, submission, return or finalisation, versions, circulation of the final report.
import type { ReportDeps } from './report.deps.js';

export type ReportReviewService = ReturnType<typeof createReportReviewService>;

export function createReportReviewService(deps: ReportDeps) {
  void deps;
  return {};
}
