// Every page that shows children's case numbers writes who saw which, on which page, to the audit
// log (the guidance: "record case numbers viewed").
import type { RequestContext } from '../context.js';
import type { AuditService } from './audit.service.js';

/** The audit entry for a page that shows case numbers; nothing when the page showed none. */
export async function recordCaseNumberView(
  audit: AuditService,
  ctx: RequestContext,
  spotlight: { id: string },
  entry: { action: string; caseNumbers: readonly string[]; view: string },
): Promise<void> {
  if (entry.caseNumbers.length === 0) return;
  await audit.record(ctx, {
    action: entry.action,
    objectType: 'spotlight',
    objectId: spotlight.id,
    caseNumbers: [...new Set(entry.caseNumbers)],
    details: { view: entry.view },
  });
}
