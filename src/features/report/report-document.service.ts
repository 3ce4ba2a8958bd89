// The report as circulated (no case numbers), for the web page, Word and PDF. Once final it is read
// by everyone the guidance circulates it to; before that only the Spotlight Team and the QA team
// see it, marked as a draft.
import {
  evidenceKindNames,
  evidenceSourceNames,
  isEvidenceKind,
  isEvidenceSource,
  themeOf,
} from '../../core/record-themes.js';
import {
  isThemeSection,
  type ReportDocument,
  type ThemeSectionContent,
} from '../../core/report/report-model.js';
import { systemContext, type RequestContext } from '../../platform/context.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import type { Spotlight } from '../spotlight/spotlight.service.js';
import { londonToday } from '../timetable/calendar-invite.js';
import { renderReport, reportFileName, type ReportFormat } from './formats/report-files.js';
import { caseNumberScrubber } from './formats/scrub-case-numbers.js';
import * as documentRepo from './report-document.repository.js';
import {
  contentOf,
  countsOf,
  findReport,
  scaleOf,
  type ReportRow,
} from './report-facts.repository.js';
import type { ReportDeps } from './report.deps.js';

export type ReportDocumentService = ReturnType<typeof createReportDocumentService>;

/** A report file ready to send: its name (team slug and date only), media type and bytes. */
export interface ReportFile {
  name: string;
  contentType: string;
  body: Buffer;
}

// Ids are UUIDs: anything else (a NUL byte breaks PostgreSQL's text) is no Spotlight.
const idShape = /^[0-9A-Za-z_-]{1,64}$/;

export function createReportDocumentService(deps: ReportDeps) {
  const { db, clock, audit, spotlights, reportSettings } = deps;

  async function build(spotlight: Spotlight, report: ReportRow): Promise<ReportDocument> {
    const [content, counts, gradeScale, caseNumbers] = await Promise.all([
      contentOf(db, spotlight.id),
      countsOf(db, spotlight.id),
      reportSettings.gradeScale(db).then((council) => scaleOf(report, council)),
      documentRepo.listCaseNumbers(db, spotlight.id),
    ]);
    const themeSections = content.sections.filter((s): s is ThemeSectionContent =>
      isThemeSection(s.key),
    );
    const evidence = new Map(
      (
        await documentRepo.findEvidence(
          db,
          spotlight.id,
          themeSections.flatMap((s) => s.evidenceIds),
        )
      ).map((e) => [e.id, e]),
    );
    const scrub = caseNumberScrubber({
      formats: spotlight.settings.caseNumberFormats,
      known: caseNumbers,
    });
    const body = (key: 'summary' | 'context') => {
      const section = content.sections.find((s) => s.key === key);
      return section && 'body' in section ? scrub(section.body) : '';
    };
    return {
      spotlightId: spotlight.id,
      title: `Team Spotlight report: ${spotlight.team.name}`,
      teamName: spotlight.team.name,
      serviceAreaName: spotlight.team.serviceAreaName,
      date: spotlight.date,
      leadName: spotlight.lead?.name ?? '',
      memberNames: spotlight.members.map((m) => m.name),
      status: report.status,
      finalisedOn:
        report.status === 'final' && report.finalised_at
          ? londonToday(new Date(report.finalised_at))
          : null,
      counts,
      summary: body('summary'),
      context: body('context'),
      themes: themeSections.map((section) => {
        const theme = themeOf(section.key);
        return {
          key: section.key,
          name: theme.name,
          question: theme.question,
          workingWell: scrub(section.workingWell),
          toImprove: scrub(section.toImprove),
          forChildren: scrub(section.forChildren),
          grade: section.grade,
          evidence: section.evidenceIds.flatMap((id) => {
            const item = evidence.get(id);
            if (!item) return [];
            return [
              {
                source: isEvidenceSource(item.source)
                  ? evidenceSourceNames[item.source]
                  : 'Other evidence',
                kind: isEvidenceKind(item.kind) ? evidenceKindNames[item.kind] : '',
                seen: scrub(item.seen),
              },
            ];
          }),
        };
      }),
      recommendations: content.recommendations.map((r, index) => ({
        number: index + 1,
        themeName: themeOf(r.theme).name,
        action: scrub(r.action),
        owner: scrub(r.owner),
        dueOn: r.dueOn,
        measure: scrub(r.measure),
        baseline: scrub(r.baseline),
        target: scrub(r.target),
      })),
      gradeScale,
    };
  }

  /** The report of a Spotlight found without a person (the command line); NotFound otherwise. */
  async function exportDocument(spotlightId: string): Promise<ReportDocument> {
    if (!idShape.test(spotlightId)) throw new NotFound('Spotlight');
    const spotlight = await spotlights.find(spotlightId);
    if (!spotlight) throw new NotFound('Spotlight');
    const report = await findReport(db, spotlightId);
    if (!report) throw new NotFound('Report');
    return build(spotlight, report);
  }

  /**
   * The report for the person asking: anyone it is circulated to once final; the Spotlight Team
   * and the QA team before that (the document then says it is a draft). NotFound with no report.
   */
  async function documentFor(ctx: RequestContext, spotlightId: string): Promise<ReportDocument> {
    if (!idShape.test(spotlightId)) throw new NotFound('Spotlight');
    const spotlight = await spotlights.authorise(
      ctx,
      spotlightId,
      'spotlight:read-final-report',
      'spotlight:view-report',
    );
    const report = await findReport(db, spotlightId);
    if (!report) throw new NotFound('Report');
    if (report.status !== 'final' && !spotlights.can(ctx, spotlight, 'spotlight:view-report')) {
      await audit.record(ctx, {
        action: 'spotlight.access-refused',
        objectType: 'spotlight',
        objectId: spotlightId,
        details: { needed: ['spotlight:view-report'] },
      });
      throw new Forbidden('The report can be read here once it is final');
    }
    return build(spotlight, report);
  }

  return {
    documentFor,
    exportDocument,

    /**
     * The final reports about the teams the person works in, manages or heads, newest first (for
     * the home page): once final, the report is circulated for wider team discussion.
     */
    async finalReportsAboutMyTeams(
      ctx: RequestContext,
    ): Promise<{ spotlightId: string; teamName: string; date: string }[]> {
      const actor = ctx.actor;
      if (!actor) return [];
      const rows = await documentRepo.listFinalReportsAboutTeamsOf(db, actor.personId);
      const found = await Promise.all(rows.map((row) => spotlights.find(row.spotlight_id)));
      return found
        .filter(
          (spotlight): spotlight is Spotlight =>
            spotlight !== undefined &&
            spotlights.can(ctx, spotlight, 'spotlight:read-final-report'),
        )
        .map((spotlight) => ({
          spotlightId: spotlight.id,
          teamName: spotlight.team.name,
          date: spotlight.date,
        }));
    },

    /**
     * The final report of the team's last Spotlight, for the preparation pack: whoever may see
     * this Spotlight's pack reads it (it holds no case numbers). NotFound when there is none yet.
     */
    async lastReport(ctx: RequestContext, spotlightId: string): Promise<ReportDocument> {
      if (!idShape.test(spotlightId)) throw new NotFound('Spotlight');
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:view-pack');
      const previousId = await spotlights.previousSpotlightId(spotlight);
      const previous = previousId ? await spotlights.find(previousId) : undefined;
      const report = previous ? await findReport(db, previous.id) : undefined;
      if (!previous || report?.status !== 'final') throw new NotFound('Report');
      await audit.record(ctx, {
        action: 'report.read',
        objectType: 'spotlight',
        objectId: previous.id,
        details: { final: true, fromPackOf: spotlight.id },
      });
      return build(previous, report);
    },

    /** The report to show as a page; the reading is audited. */
    async read(ctx: RequestContext, spotlightId: string): Promise<ReportDocument> {
      const document = await documentFor(ctx, spotlightId);
      await audit.record(ctx, {
        action: 'report.read',
        objectType: 'spotlight',
        objectId: spotlightId,
        details: { final: document.status === 'final' },
      });
      return document;
    },

    /** The report as a Word or PDF file; the download is audited with its format. */
    async download(
      ctx: RequestContext,
      spotlightId: string,
      format: Exclude<ReportFormat, 'html'>,
    ): Promise<ReportFile> {
      const document = await documentFor(ctx, spotlightId);
      const file = await renderReport(document, format, londonToday(clock.now()));
      await audit.record(ctx, {
        action: 'report.downloaded',
        objectType: 'spotlight',
        objectId: spotlightId,
        details: { format, final: document.status === 'final' },
      });
      return { ...file, name: reportFileName(document, format) };
    },

    /** The report as a file for the command line (`spotlight export-report`); audited. */
    async exportFile(spotlightId: string, format: ReportFormat): Promise<ReportFile> {
      const document = await exportDocument(spotlightId);
      const file = await renderReport(document, format, londonToday(clock.now()));
      await audit.record(systemContext('command-line'), {
        action: 'report.exported',
        objectType: 'spotlight',
        objectId: spotlightId,
        details: { format, final: document.status === 'final' },
      });
      return { ...file, name: reportFileName(document, format) };
    },
  };
}
