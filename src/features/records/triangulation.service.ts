// The triangulation board: every team member's evidence per theme side by side, grouped by source,
// where the sources agree or conflict, what children experience, and the Lead's key findings (which
// feed the report). Anyone who may see the day reads the board; only the Lead changes key findings.
import type { Kysely } from 'kysely';
import {
  evidenceSourceNames,
  evidenceSources,
  isEvidenceKind,
  isEvidenceSource,
  isThemeKey,
  themeOf,
  themes,
  type EvidenceKind,
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
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbJson, toDbInstant, toDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { characters, checkId, cleanText } from '../day/day-input.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import { recordLimits } from './record-limits.js';
import { toMemberRecord, toRecordChild, type RecordChild } from './records.model.js';
import { listRecords } from './records.repository.js';
import * as repo from './triangulation.repository.js';

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

export interface KeyFindingInput {
  kind: EvidenceKind;
  text: string;
  evidenceIds: string[];
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

const objectType = 'spotlight';
const unknownName = 'Somebody no longer listed';

function toKeyFinding(row: repo.KeyFindingRow): KeyFinding {
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
function toEvidence(row: repo.BoardEvidenceRow): BoardEvidence | null {
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

/** Grouped by source in the guidance's order, strengths before areas, then as recorded. */
function boardOrder(evidence: BoardEvidence[]): BoardEvidence[] {
  const rank = (e: BoardEvidence) =>
    evidenceSources.indexOf(e.source) * 2 + (e.kind === 'strength' ? 0 : 1);
  return evidence
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

function themeFrom(slug: string): Theme {
  if (!isThemeKey(slug)) throw new NotFound('Theme');
  return themeOf(slug);
}

export type TriangulationService = ReturnType<typeof createTriangulationService>;

export function createTriangulationService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, clock, audit, spotlights } = deps;

  const authorise = (
    ctx: RequestContext,
    spotlightId: string,
    permission: 'spotlight:view-day' | 'spotlight:lead',
  ) => spotlights.authorise(ctx, checkId(spotlightId, 'Spotlight'), permission);

  async function evidenceOf(spotlightId: string, theme?: ThemeKey): Promise<BoardEvidence[]> {
    const rows = await repo.listEvidence(db, spotlightId, theme);
    return rows.map(toEvidence).filter((e): e is BoardEvidence => e !== null);
  }

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

  async function childrenOf(spotlightId: string): Promise<BoardChild[]> {
    return (await repo.listChildren(db, spotlightId)).map((row) => ({
      ...toRecordChild(row),
      reviewer: { id: row.member_person_id, name: row.member_name ?? unknownName },
      fromDraft: row.record_status !== 'submitted',
    }));
  }

  async function findingsOf(spotlightId: string, theme?: ThemeKey): Promise<KeyFinding[]> {
    return (await repo.listKeyFindings(db, spotlightId, theme)).map(toKeyFinding);
  }

  async function findingOf(spotlight: Spotlight, theme: Theme, findingId: string) {
    const row = await repo.findKeyFinding(
      db,
      spotlight.id,
      theme.key,
      checkId(findingId, 'Key finding'),
    );
    if (!row) throw new NotFound('Key finding');
    return toKeyFinding(row);
  }

  /** The Lead's input checked again, as the rules say, against this theme's evidence. */
  async function checkFinding(
    trx: Kysely<Database>,
    spotlight: Spotlight,
    theme: Theme,
    input: KeyFindingInput,
  ): Promise<KeyFindingInput> {
    if (!isEvidenceKind(input.kind)) {
      throw new Invalid('kind', 'Select whether this is a strength or an area for development');
    }
    const text = cleanText(input.text);
    if (text === '') throw new Invalid('text', 'Enter the key finding');
    if (characters(text) > recordLimits.keyFinding) {
      throw new Invalid(
        'text',
        `The key finding must be ${recordLimits.keyFinding.toLocaleString('en-GB')} characters or fewer`,
      );
    }
    const wanted = [...new Set(input.evidenceIds)];
    const refused = new Invalid('evidence', 'Select only evidence from the list for this theme');
    if (wanted.some((id) => !/^[0-9A-Za-z_-]{1,64}$/.test(id))) throw refused;
    const found = await repo.existingEvidenceIds(trx, spotlight.id, theme.key, wanted);
    if (found.length !== wanted.length) throw refused;
    return { kind: input.kind, text, evidenceIds: wanted };
  }

  /** The form's choices: this theme's evidence, in board order. */
  async function formOf(ctx: RequestContext, spotlightId: string, themeSlug: string) {
    const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
    const theme = themeFrom(themeSlug);
    return { spotlight, theme, evidence: boardOrder(await evidenceOf(spotlight.id, theme.key)) };
  }

  const auditFinding = (
    ctx: RequestContext,
    trx: Kysely<Database>,
    action: string,
    spotlight: Spotlight,
    details: Record<string, unknown>,
  ) => audit.record(ctx, { action, objectType, objectId: spotlight.id, details }, trx);

  return {
    /** The board's first page: one card per theme, and how complete the records are. */
    async overview(ctx: RequestContext, spotlightId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-day');
      const [evidence, findings, progress, children] = await Promise.all([
        repo.listEvidence(db, spotlight.id),
        findingsOf(spotlight.id),
        progressOf(spotlight),
        childrenOf(spotlight.id),
      ]);
      const cards = themes.map((theme): ThemeCard => {
        const here = evidence
          .filter((row) => row.theme === theme.key)
          .map(toEvidence)
          .filter((e): e is BoardEvidence => e !== null);
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
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-day');
      const theme = themeFrom(themeSlug);
      const [evidence, records, children, findings, progress] = await Promise.all([
        evidenceOf(spotlight.id, theme.key).then(boardOrder),
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

    /** The add form's choices (the Lead only; anyone else is refused, audited). */
    findingForm: formOf,

    /** Adds a key finding at the end of the theme's list (the Lead only). */
    async addKeyFinding(
      ctx: RequestContext,
      spotlightId: string,
      themeSlug: string,
      input: KeyFindingInput,
    ): Promise<KeyFinding> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const theme = themeFrom(themeSlug);
      const id = newId();
      const now = toDbInstant(clock.now());
      return db.transaction().execute(async (trx) => {
        const checked = await checkFinding(trx, spotlight, theme, input);
        const position = (await repo.maxKeyFindingPosition(trx, spotlight.id, theme.key)) + 1;
        await repo.insertKeyFinding(trx, {
          id,
          spotlight_id: spotlight.id,
          theme: theme.key,
          kind: checked.kind,
          text: checked.text,
          evidence_ids: toDbJson(checked.evidenceIds),
          position,
          created_by_person_id: ctx.actor?.personId ?? null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await auditFinding(ctx, trx, 'triangulation.key-finding-added', spotlight, {
          findingId: id,
          theme: theme.key,
          kind: checked.kind,
          evidence: checked.evidenceIds.length,
        });
        return { id, theme: theme.key, ...checked, position, version: 1 };
      });
    },

    /** One key finding with the form's choices, for the Lead to change or remove. */
    async keyFinding(
      ctx: RequestContext,
      spotlightId: string,
      themeSlug: string,
      findingId: string,
    ) {
      const form = await formOf(ctx, spotlightId, themeSlug);
      return { ...form, finding: await findingOf(form.spotlight, form.theme, findingId) };
    },

    /**
     * Changes the key finding read at `version` (the Lead only). Conflict when it was changed or
     * removed in the meantime; the audit entry commits with the change.
     */
    async changeKeyFinding(
      ctx: RequestContext,
      spotlightId: string,
      themeSlug: string,
      findingId: string,
      input: KeyFindingInput,
      version: number,
    ): Promise<KeyFinding> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const theme = themeFrom(themeSlug);
      const finding = await findingOf(spotlight, theme, findingId);
      return db.transaction().execute(async (trx) => {
        const checked = await checkFinding(trx, spotlight, theme, input);
        const values = {
          kind: checked.kind,
          text: checked.text,
          evidence_ids: toDbJson(checked.evidenceIds),
          updated_at: toDbInstant(clock.now()),
        };
        if (!(await repo.updateKeyFinding(trx, spotlight.id, finding.id, values, version))) {
          throw new Conflict('Somebody changed this key finding while you were working on it');
        }
        await auditFinding(ctx, trx, 'triangulation.key-finding-changed', spotlight, {
          findingId: finding.id,
          theme: theme.key,
          kind: checked.kind,
          evidence: checked.evidenceIds.length,
          version: version + 1,
        });
        return { ...finding, ...checked, version: version + 1 };
      });
    },

    /** Removes a key finding (the Lead only); NotFound when it had already gone. */
    async removeKeyFinding(
      ctx: RequestContext,
      spotlightId: string,
      themeSlug: string,
      findingId: string,
    ): Promise<KeyFinding> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const theme = themeFrom(themeSlug);
      const finding = await findingOf(spotlight, theme, findingId);
      const removed = await db.transaction().execute(async (trx) => {
        if (!(await repo.deleteKeyFinding(trx, spotlight.id, finding.id))) return false;
        await auditFinding(ctx, trx, 'triangulation.key-finding-removed', spotlight, {
          findingId: finding.id,
          theme: theme.key,
          kind: finding.kind,
        });
        return true;
      });
      if (!removed) throw new NotFound('Key finding');
      return finding;
    },

    /**
     * Every theme's key findings, in the themes' order, for the report. No permission check: the
     * report service has checked who is asking.
     */
    async keyFindings(spotlightId: string): Promise<{ theme: ThemeKey; findings: KeyFinding[] }[]> {
      const findings = await findingsOf(spotlightId);
      return themes.map((theme) => ({
        theme: theme.key,
        findings: findings.filter((f) => f.theme === theme.key),
      }));
    },
  };
}
