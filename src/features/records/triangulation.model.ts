// What the triangulation board and the Lead's key findings share: the domain types for evidence on
// the board and key findings, and the pure mapping from their rows. No I/O here.
import {
  evidenceSources,
  isEvidenceKind,
  isEvidenceSource,
  isThemeKey,
  themeOf,
  type EvidenceKind,
  type EvidenceSource,
  type Theme,
  type ThemeKey,
} from '../../core/record-themes.js';
import { fromDbJson } from '../../platform/db/convert.js';
import { NotFound } from '../../platform/errors.js';
import type { BoardEvidenceRow, KeyFindingRow } from './triangulation.repository.js';

export interface KeyFinding {
  id: string;
  theme: ThemeKey;
  kind: EvidenceKind;
  text: string;
  /** The evidence items it rests on, as the Lead chose them. */
  evidenceIds: string[];
  position: number;
  version: number;
}

/** One evidence item on the board. */
export interface BoardEvidence {
  id: string;
  source: EvidenceSource;
  kind: EvidenceKind;
  seen: string;
  member: { id: string; name: string };
  /** The member's record is not submitted yet. */
  fromDraft: boolean;
  /** The child it is about, when it is about one. */
  child: { system: string; caseNumber: string } | null;
}

/** Shown in place of a team member who is no longer in the directory. */
export const unknownName = 'Somebody no longer listed';

export function toKeyFinding(row: KeyFindingRow): KeyFinding {
  const ids = fromDbJson<unknown>(row.evidence_ids, []);
  return {
    id: row.id,
    theme: isThemeKey(row.theme) ? row.theme : 'culture',
    kind: row.kind === 'area' ? 'area' : 'strength',
    text: row.text,
    evidenceIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [],
    position: row.position,
    version: row.version,
  };
}

/** Rows with a source or kind Spotlight does not know are left off (the records pages never write them). */
function toEvidence(row: BoardEvidenceRow): BoardEvidence | null {
  if (!isEvidenceSource(row.source) || !isEvidenceKind(row.kind)) return null;
  return {
    id: row.id,
    source: row.source,
    kind: row.kind,
    seen: row.seen,
    member: { id: row.member_person_id, name: row.member_name ?? unknownName },
    fromDraft: row.record_status !== 'submitted',
    child:
      row.case_number !== null
        ? { system: row.case_system ?? '', caseNumber: row.case_number }
        : null,
  };
}

/** The rows as board evidence, leaving off any Spotlight does not know. */
export function toBoardEvidence(rows: readonly BoardEvidenceRow[]): BoardEvidence[] {
  return rows.map(toEvidence).filter((e): e is BoardEvidence => e !== null);
}

/** Grouped by source in the guidance's order, strengths before areas, then as recorded. */
export function boardOrder(evidence: BoardEvidence[]): BoardEvidence[] {
  const rank = (e: BoardEvidence) =>
    evidenceSources.indexOf(e.source) * 2 + (e.kind === 'strength' ? 0 : 1);
  return evidence
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

/** The theme named in the URL; NotFound for anything else. */
export function themeFrom(slug: string): Theme {
  if (!isThemeKey(slug)) throw new NotFound('Theme');
  return themeOf(slug);
}
