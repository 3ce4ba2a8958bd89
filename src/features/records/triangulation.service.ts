// The triangulation stage as one service: the board that anyone who may see the day reads, and the
// key findings only the Lead changes (which feed the report). Each half lives in its own module.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { SpotlightService } from '../spotlight/spotlight.service.js';
import { createKeyFindings } from './key-findings.service.js';
import { createBoard } from './triangulation-board.service.js';

export type { KeyFindingInput } from './key-findings.service.js';
export type {
  BoardChild,
  FindingOnBoard,
  RecordProgress,
  SourceGroup,
  ThemeCard,
} from './triangulation-board.service.js';
export type { BoardEvidence, KeyFinding } from './triangulation.model.js';

export type TriangulationService = ReturnType<typeof createTriangulationService>;

export function createTriangulationService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  return { ...createBoard(deps), ...createKeyFindings(deps) };
}
