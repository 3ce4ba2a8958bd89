// The report as circulated (no case numbers), for the web page, Word and PDF.
import type { ReportDeps } from './report.deps.js';

export type ReportDocumentService = ReturnType<typeof createReportDocumentService>;

export function createReportDocumentService(deps: ReportDeps) {
  void deps;
  return {};
}
