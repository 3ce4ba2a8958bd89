// The triangulation board: every team member's evidence per theme side by side, grouped by source,
// where the sources agree or conflict, and what children experience. Anyone who may see the day reads it.
import type { Kysely } from 'kysely';
import {
  evidenceSourceNames,
  themes,
  type EvidenceSource,
  type Theme,
  type ThemeKey,
} from '../../core/record-themes.js';
import {
  summariseChildren,
  triangulate,
  type ChildrenSummary,
  type Triangulation,
} from '../../core/triangulation.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { recordCaseNumberView } from '../../platform/audit/case-number-views.js';
import type { RequestContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { checkId } from '../day/day-input.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import { toMemberRecord, toRecordChild, type RecordChild } from './records.model.js';
import { listRecords } from './records.repository.js';
import {
  boardOrder,
  themeFrom,
  toBoardEvidence,
  toKeyFinding,
  unknownName,
  type BoardEvidence,
  type KeyFinding,
} from './triangulation.model.js';
import * as repo from './triangulation.repository.js';

export interface BoardChild extends RecordChild {
  reviewer: { id: string; name: string };
  fromDraft: boolean;
}

/** How far the team members have got with their Team Member Information Records. */
export interface RecordProgress {
  submitted: number;
  expected: number;
  /** Team members whose record is not submitted yet. */
  waitingFor: string[];
}

export interface ThemeCard {
  theme: Theme;
  strengths: number;
  areas: number;
  sources: number;
  members: number;
  fromDrafts: number;
  keyFindings: number;
}

export interface SourceGroup {
  source: EvidenceSource;
  name: string;
  strengths: BoardEvidence[];
  areas: BoardEvidence[];
}

export interface FindingOnBoard extends KeyFinding {
  evidence: BoardEvidence[];
  /** Evidence it was linked to that is no longer on this theme's board. */
  missing: number;
}

export function createBoard(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, audit, spotlights } = deps;

  const authorise = (ctx: RequestContext, spotlightId: string) =>
    spotlights.authorise(ctx, checkId(spotlightId, 'Spotlight'), 'spotlight:view-day');

  async function progressOf(spotlight: Spotlight): Promise<RecordProgress> {
    const records = (await listRecords(db, spotlight.id)).map(toMemberRecord);
    const submitted = new Set(
      records.filter((r) => r.status === 'submitted').map((r) => r.member.id),
    );
    const people = new Map(spotlight.members.map((m) => [m.id, m.name]));
    for (const record of records) people.set(record.member.id, record.member.name);
    return {
      submitted: submitted.size,
      expected: people.size,
      waitingFor: [...people].filter(([id]) => !submitted.has(id)).map(([, name]) => name),
    };
  }

  async function findingsOf(spotlightId: string, theme?: ThemeKey): Promise<KeyFinding[]> {
    return (await repo.listKeyFindings(db, spotlightId, theme)).map(toKeyFinding);
  }

  async function childrenOf(spotlightId: string): Promise<BoardChild[]> {
    return (await repo.listChildren(db, spotlightId)).map((row) => ({
      ...toRecordChild(row),
      reviewer: { id: row.member_person_id, name: row.member_name ?? unknownName },
      fromDraft: row.record_status !== 'submitted',
    }));
  }

  return {
    /** The board's first page: one card per theme, and how complete the records are. */
    async overview(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(ctx, spotlightId);
      const [evidence, findings, progress, children] = await Promise.all([
        repo.listEvidence(db, spotlight.id),
        findingsOf(spotlight.id),
        progressOf(spotlight),
        childrenOf(spotlight.id),
      ]);
      const cards = themes.map((theme): ThemeCard => {
        const here = toBoardEvidence(evidence.filter((row) => row.theme === theme.key));
        return {
          theme,
          strengths: here.filter((e) => e.kind === 'strength').length,
          areas: here.filter((e) => e.kind === 'area').length,
          sources: new Set(here.map((e) => e.source)).size,
          members: new Set(here.map((e) => e.member.id)).size,
          fromDrafts: here.filter((e) => e.fromDraft).length,
          keyFindings: findings.filter((f) => f.theme === theme.key).length,
        };
      });
      // The overview shows counts only; it would be audited if it ever showed case numbers.
      await recordCaseNumberView(audit, ctx, spotlight, {
        action: 'triangulation.case-numbers-viewed',
        caseNumbers: [],
        view: 'triangulation',
      });
      return {
        spotlight,
        isLead: spotlights.can(ctx, spotlight, 'spotlight:lead'),
        cards,
        progress,
        children: summariseChildren(children),
      };
    },

    /** One theme's board: agreement and conflict, evidence, notes, children and key findings. */
    async themePage(ctx: RequestContext, spotlightId: string, themeSlug: string) {
      const spotlight = await authorise(ctx, spotlightId);
      const theme = themeFrom(themeSlug);
      const [evidence, records, children, findings, progress] = await Promise.all([
        repo.listEvidence(db, spotlight.id, theme.key).then(toBoardEvidence).then(boardOrder),
        listRecords(db, spotlight.id),
        childrenOf(spotlight.id),
        findingsOf(spotlight.id, theme.key),
        progressOf(spotlight),
      ]);
      const triangulation: Triangulation = triangulate(evidence);
      const groups: SourceGroup[] = triangulation.sources.map(({ source }) => ({
        source,
        name: evidenceSourceNames[source],
        strengths: evidence.filter((e) => e.source === source && e.kind === 'strength'),
        areas: evidence.filter((e) => e.source === source && e.kind === 'area'),
      }));
      const notes = records
        .map(toMemberRecord)
        .filter((record) => record.themes[theme.key] !== '')
        .map((record) => ({
          member: record.member,
          text: record.themes[theme.key],
          fromDraft: record.status !== 'submitted',
        }));
      const byId = new Map(evidence.map((e) => [e.id, e]));
      const onBoard = findings.map((finding): FindingOnBoard => {
        const linked = finding.evidenceIds.flatMap((id) => byId.get(id) ?? []);
        return {
          ...finding,
          evidence: linked,
          missing: finding.evidenceIds.length - linked.length,
        };
      });
      await recordCaseNumberView(audit, ctx, spotlight, {
        action: 'triangulation.case-numbers-viewed',
        caseNumbers: [
          ...evidence.flatMap((e) => (e.child ? [e.child.caseNumber] : [])),
          ...children.map((c) => c.caseNumber),
        ],
        view: `triangulation-${theme.key}`,
      });
      const summary: ChildrenSummary = summariseChildren(children);
      return {
        spotlight,
        theme,
        isLead: spotlights.can(ctx, spotlight, 'spotlight:lead'),
        triangulation,
        groups,
        fromDrafts: evidence.filter((e) => e.fromDraft).length,
        notes,
        children,
        childrenSummary: summary,
        findings: onBoard,
        progress,
      };
    },
  };
}
