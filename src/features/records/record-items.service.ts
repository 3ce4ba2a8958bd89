// The children a team member reviewed and their evidence items, in their Team Member Information
// Record: one service built from the two halves (record-children.service.ts, evidence-items.service.ts).
import { createEvidenceItems } from './evidence-items.service.js';
import { createRecordChildren } from './record-children.service.js';
import type { RecordItemsDeps } from './record-items.support.js';

export type RecordItemsService = ReturnType<typeof createRecordItemsService>;

export function createRecordItemsService(deps: RecordItemsDeps) {
  return { ...createRecordChildren(deps), ...createEvidenceItems(deps) };
}
