// The Lead drafts the report from the triangulation: sections, grades with their evidence, recommendations.
// Only the Lead changes it, only while it is a draft or returned; every save is at the version it
// was read at (a stale one is a Conflict), in one transaction with its audit entry. Authorisation
// always comes before a transaction opens (SQLite has one connection).
import type { Kysely } from 'kysely';
import { evidenceKindNames, isEvidenceKind, themeKeys, themeOf } from '../../core/record-themes.js';
import {
  introSectionNames,
  isEditable,
  isSectionKey,
  isThemeSection,
  type SectionKey,
} from '../../core/report/report-model.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbJson, isUniqueViolation, toDbInstant, toDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { checkId } from '../day/day-input.js';
import type { Spotlight } from '../spotlight/spotlight.service.js';
import * as repo from './report-drafting.repository.js';
import {
  rowValues,
  toChoice,
  toRecommendation,
  toSectionContent,
  type RecommendationView,
  type SectionView,
} from './report-drafting.model.js';
import {
  checkRecommendation,
  checkSection,
  prefillTheme,
  ReportLocked,
  type RecommendationInput,
  type SectionInput,
} from './report-drafting.rules.js';
import { buildReportPage, type ReportPage } from './report-drafting.page.js';
import { findReport, gradeScaleOf, type ReportRow } from './report-facts.repository.js';
import type { ReportDeps } from './report.deps.js';

export type { ReportPage } from './report-drafting.page.js';
export type { RecommendationInput, SectionInput } from './report-drafting.rules.js';
export { ReportLocked } from './report-drafting.rules.js';

export type { EvidenceChoice, RecommendationView, SectionView } from './report-drafting.model.js';

export type ReportDraftingService = ReturnType<typeof createReportDraftingService>;

export function createReportDraftingService(deps: ReportDeps) {
  const { db, clock, audit, spotlights, reportSettings } = deps;

  const leading = (ctx: RequestContext, spotlightId: string) =>
    spotlights.authorise(ctx, checkId(spotlightId, 'Spotlight'), 'spotlight:lead');

  /** The report, when the Lead may change it now; ReportLocked otherwise. */
  async function editableReport(trx: Kysely<Database>, spotlightId: string): Promise<ReportRow> {
    const report = await findReport(trx, spotlightId);
    if (!report) throw new ReportLocked('not-started');
    if (!isEditable(report.status)) {
      throw new ReportLocked(report.status === 'final' ? 'final' : 'with-qa');
    }
    return report;
  }

  function sectionKeyOf(key: string): SectionKey {
    if (!isSectionKey(key)) throw new NotFound('Section');
    return key;
  }

  async function sectionRow(trx: Kysely<Database>, spotlightId: string, key: SectionKey) {
    const row = await repo.findSection(trx, spotlightId, key);
    if (!row) throw new NotFound('Section');
    return row;
  }

  async function recommendationRow(trx: Kysely<Database>, spotlightId: string, id: string) {
    const row = await repo.findRecommendation(trx, spotlightId, checkId(id, 'Recommendation'));
    if (!row) throw new NotFound('Recommendation');
    return row;
  }

  const record = (
    ctx: RequestContext,
    trx: Kysely<Database>,
    action: string,
    spotlight: Spotlight,
    details: Record<string, unknown>,
  ) => audit.record(ctx, { action, objectType: 'spotlight', objectId: spotlight.id, details }, trx);

  /** The report row and every section, each theme's from its key findings. */
  async function start(ctx: RequestContext, spotlight: Spotlight, trx: Kysely<Database>) {
    if (await findReport(trx, spotlight.id)) return;
    const now = toDbInstant(clock.now());
    const by = ctx.actor?.personId ?? null;
    const findings = await repo.listKeyFindings(trx, spotlight.id);
    const onBoard = (await repo.listEvidence(trx, spotlight.id)).map((e) => e.id);
    await repo.insertReport(trx, {
      spotlight_id: spotlight.id,
      status: 'draft',
      ...{ circulated_at: null, actions_agreed_on: null, actions_agreed_note: null },
      ...{ submitted_at: null, first_submitted_on: null, returned_at: null },
      ...{ return_comments: null, finalised_at: null, finalised_by_person_id: null },
      created_by_person_id: by,
      created_at: now,
      updated_at: now,
      version: 1,
      // The report keeps the council's scale as it is now, whatever changes later.
      grade_scale: toDbJson(await reportSettings.gradeScale(trx)),
    });
    const stamp = { spotlight_id: spotlight.id, updated_by_person_id: by, updated_at: now };
    const empty = { body: null, working_well: null, to_improve: null, for_children: null };
    await repo.insertSections(trx, [
      ...(['summary', 'context'] as const).map((key) => ({
        ...stamp,
        ...empty,
        section_key: key,
        body: '',
        grade: null,
        evidence_ids: '[]',
        version: 1,
      })),
      ...themeKeys.map((theme) => {
        const own = findings
          .filter((f) => f.theme === theme)
          .map((f) => ({ ...f, evidenceIds: fromDbJson<string[]>(f.evidence_ids, []) }));
        const prefill = prefillTheme(own, onBoard);
        return {
          ...stamp,
          ...empty,
          section_key: theme,
          working_well: prefill.workingWell,
          to_improve: prefill.toImprove,
          for_children: '',
          grade: null,
          evidence_ids: toDbJson(prefill.evidenceIds),
          version: 1,
        };
      }),
    ]);
    await record(ctx, trx, 'report.started', spotlight, { version: 1 });
  }

  return {
    /** Starts the draft (the Lead only). Starting again changes nothing. */
    async startDraft(ctx: RequestContext, spotlightId: string): Promise<void> {
      const spotlight = await leading(ctx, spotlightId);
      try {
        await db.transaction().execute((trx) => start(ctx, spotlight, trx));
      } catch (error) {
        // Two starts at once: the second finds the report the first made.
        if (!isUniqueViolation(error)) throw error;
      }
    },

    /** Everything the report page shows, for the Spotlight Team and (once sent) the QA team. */
    async reportPage(ctx: RequestContext, spotlightId: string): Promise<ReportPage> {
      const spotlight = await spotlights.authorise(
        ctx,
        checkId(spotlightId, 'Spotlight'),
        'spotlight:view-report',
      );
      const isLead = spotlights.can(ctx, spotlight, 'spotlight:lead');
      const inTeam = isLead || spotlights.can(ctx, spotlight, 'spotlight:comment-report');
      return buildReportPage(deps, spotlight, { isLead, inTeam });
    },

    /** One section for the Lead to change, while the report may change. */
    async section(ctx: RequestContext, spotlightId: string, sectionKey: string) {
      const spotlight = await leading(ctx, spotlightId);
      const key = sectionKeyOf(sectionKey);
      await editableReport(db, spotlight.id);
      const row = await sectionRow(db, spotlight.id, key);
      const content = toSectionContent(key, row);
      const theme = isThemeSection(key) ? themeOf(key) : null;
      const scale = await gradeScaleOf(db, spotlight.id, reportSettings);
      const grade = 'grade' in content ? content.grade : null;
      const [evidence, findings] = theme
        ? await Promise.all([
            repo.listEvidence(db, spotlight.id, theme.key),
            repo.listKeyFindings(db, spotlight.id),
          ])
        : [[], []];
      const view: SectionView = {
        spotlight,
        key,
        name: theme ? theme.name : introSectionNames[key as 'summary' | 'context'],
        theme,
        content,
        version: row.version,
        updatedBy: row.updated_by_name,
        updatedAt: row.updated_at,
        grades: grade !== null && !scale.includes(grade) ? [...scale, grade] : scale,
        evidence: evidence.map(toChoice),
        keyFindings: findings
          .filter((f) => f.theme === theme?.key)
          .map((f) => ({
            kindName: isEvidenceKind(f.kind) ? evidenceKindNames[f.kind] : '',
            text: f.text,
          })),
      };
      return view;
    },

    /** Saves a section read at `version`: the whole section is replaced by `input`. */
    async saveSection(
      ctx: RequestContext,
      spotlightId: string,
      sectionKey: string,
      input: SectionInput,
      version: number,
    ): Promise<{ version: number; savedAt: Date }> {
      const spotlight = await leading(ctx, spotlightId);
      const key = sectionKeyOf(sectionKey);
      const scale = await gradeScaleOf(db, spotlight.id, reportSettings);
      const savedAt = clock.now();
      return db.transaction().execute(async (trx) => {
        await editableReport(trx, spotlight.id);
        const row = await sectionRow(trx, spotlight.id, key);
        const evidenceIds = isThemeSection(key)
          ? (await repo.listEvidence(trx, spotlight.id, key)).map((e) => e.id)
          : [];
        const grades =
          row.grade !== null && !scale.includes(row.grade) ? [...scale, row.grade] : scale;
        const checked = checkSection(key, input, { grades, evidenceIds });
        const words = isThemeSection(key)
          ? {
              working_well: checked.workingWell,
              to_improve: checked.toImprove,
              for_children: checked.forChildren,
              grade: checked.grade,
              evidence_ids: toDbJson(checked.evidenceIds),
            }
          : { body: checked.body };
        const values = {
          ...words,
          updated_by_person_id: ctx.actor?.personId ?? null,
          updated_at: toDbInstant(savedAt),
        };
        if (!(await repo.updateSection(trx, spotlight.id, key, values, version))) {
          throw new Conflict('Somebody saved this section while you were working on it');
        }
        await record(ctx, trx, 'report.section-saved', spotlight, {
          section: key,
          version: version + 1,
        });
        return { version: version + 1, savedAt };
      });
    },

    /** What the new recommendation form shows: the actions suggested at the feedback. */
    async newRecommendation(ctx: RequestContext, spotlightId: string) {
      const spotlight = await leading(ctx, spotlightId);
      await editableReport(db, spotlight.id);
      return { spotlight, suggestedActions: await repo.suggestedActions(db, spotlight.id) };
    },

    /** One recommendation for the Lead to change or remove. */
    async recommendation(
      ctx: RequestContext,
      spotlightId: string,
      recommendationId: string,
    ): Promise<RecommendationView> {
      const spotlight = await leading(ctx, spotlightId);
      await editableReport(db, spotlight.id);
      const row = await recommendationRow(db, spotlight.id, recommendationId);
      return { spotlight, recommendation: toRecommendation(row) };
    },

    /** Adds a recommendation at the end of the action plan. */
    async addRecommendation(
      ctx: RequestContext,
      spotlightId: string,
      input: RecommendationInput,
    ): Promise<{ id: string }> {
      const spotlight = await leading(ctx, spotlightId);
      const id = newId();
      const now = toDbInstant(clock.now());
      return db.transaction().execute(async (trx) => {
        await editableReport(trx, spotlight.id);
        const checked = checkRecommendation(input);
        const position = (await repo.maxRecommendationPosition(trx, spotlight.id)) + 1;
        await repo.insertRecommendation(trx, {
          id,
          spotlight_id: spotlight.id,
          ...rowValues(checked),
          position,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await record(ctx, trx, 'report.recommendation-added', spotlight, {
          recommendationId: id,
          theme: checked.theme,
        });
        return { id };
      });
    },

    /** Changes the recommendation read at `version`; Conflict when changed or removed first. */
    async changeRecommendation(
      ctx: RequestContext,
      spotlightId: string,
      recommendationId: string,
      input: RecommendationInput,
      version: number,
    ): Promise<{ version: number }> {
      const spotlight = await leading(ctx, spotlightId);
      const id = checkId(recommendationId, 'Recommendation');
      return db.transaction().execute(async (trx) => {
        await editableReport(trx, spotlight.id);
        const checked = checkRecommendation(input);
        const values = { ...rowValues(checked), updated_at: toDbInstant(clock.now()) };
        if (!(await repo.updateRecommendation(trx, spotlight.id, id, values, version))) {
          throw new Conflict('Somebody changed this recommendation while you were working on it');
        }
        await record(ctx, trx, 'report.recommendation-changed', spotlight, {
          recommendationId: id,
          theme: checked.theme,
          version: version + 1,
        });
        return { version: version + 1 };
      });
    },

    /** Removes a recommendation; NotFound when it had already gone. */
    async removeRecommendation(
      ctx: RequestContext,
      spotlightId: string,
      recommendationId: string,
    ): Promise<void> {
      const spotlight = await leading(ctx, spotlightId);
      const id = checkId(recommendationId, 'Recommendation');
      await db.transaction().execute(async (trx) => {
        await editableReport(trx, spotlight.id);
        if (!(await repo.deleteRecommendation(trx, spotlight.id, id))) {
          throw new NotFound('Recommendation');
        }
        await record(ctx, trx, 'report.recommendation-removed', spotlight, {
          recommendationId: id,
        });
      });
    },
  };
}
