// The composition root: every service is built once here and passed to the routes that need it.
import type { Config } from './config.js';
import { createAuditService } from './platform/audit/audit.service.js';
import { createAccountsService } from './platform/auth/accounts.service.js';
import type { Clock } from './platform/clock.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { createDirectoryService } from './features/directory/directory.service.js';
import { createDirectoryImportService } from './features/directory/import/import.service.js';
import { createTimetableService } from './features/timetable/timetable.service.js';
import { createCoverService } from './features/timetable/cover.service.js';
import { createTimetableNoticesService } from './features/timetable/cover.notices.js';
import { createMySpotlightsService } from './features/timetable/my-spotlights.service.js';
import { createRotaService } from './features/timetable/rota.service.js';
import { createCouncilSettingsService } from './features/admin/council-settings.service.js';
import { createSpotlightService } from './features/spotlight/spotlight.service.js';
import { createFilesService } from './platform/files/files.service.js';
import { createPackDocumentsService } from './features/preparation/documents.service.js';
import { createNominationsService } from './features/preparation/nominations.service.js';
import { createCaseListService } from './features/preparation/case-list.service.js';
import { createRecordingAccessService } from './features/preparation/recording-access.service.js';
import { createReadinessService } from './features/preparation/readiness.service.js';
import { createTasksService } from './features/tasks/tasks.service.js';
import { createDayService } from './features/day/day.service.js';
import { createDipSamplingService } from './features/day/dip-sampling.service.js';
import { createAllocationService } from './features/day/allocation.service.js';
import { createFeedbackService } from './features/day/feedback.service.js';
import { createRecordAccess } from './features/records/record-access.js';
import { createRecordsService } from './features/records/records.service.js';
import { createRecordItemsService } from './features/records/record-items.service.js';
import { createTriangulationService } from './features/records/triangulation.service.js';
import { createReportSettingsService } from './features/admin/report-settings.service.js';
import { createReportDraftingService } from './features/report/report-drafting.service.js';
import { createReportReviewService } from './features/report/report-review.service.js';
import { createReportDocumentService } from './features/report/report-document.service.js';
import { createMailLogService } from './platform/mail/mail-log.js';
import { createOutbox } from './platform/mail/outbox.js';
import { createMailSender, type MailTransport } from './platform/mail/sender.js';
import { smtpTransport } from './platform/mail/smtp.js';

export function createServices(deps: {
  database: DatabaseHandle;
  config: Config;
  clock: Clock;
  /** How mail leaves: the SMTP server in SMTP_URL unless a test gives its own. */
  mailTransport?: MailTransport;
}) {
  const { database, config, clock } = deps;
  const db = database.db;
  const outbox = createOutbox({
    clock,
    baseUrl: baseUrlOf(config),
    councilName: config.councilName,
  });
  const transport =
    deps.mailTransport ?? (config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : undefined);
  // Without a mail server, messages wait in the outbox until one is set.
  const mailSender = transport
    ? createMailSender({ db, clock, transport, from: config.mail.from })
    : undefined;
  const mailLog = createMailLogService({ db, clock, sending: Boolean(mailSender) });
  const audit = createAuditService({ db, clock });
  const accounts = createAccountsService({ db, clock, audit });
  const directory = createDirectoryService({ db, clock, audit });
  const directoryImport = createDirectoryImportService({ db, clock, audit });
  const timetable = createTimetableService({ db, clock, audit, outbox });
  const rota = createRotaService({ db, clock, audit });
  const mySpotlights = createMySpotlightsService({ db, clock });
  const cover = createCoverService({ db, clock, audit, outbox });
  const timetableNotices = createTimetableNoticesService({ db, clock });
  const councilSettings = createCouncilSettingsService({ db, clock, audit });
  const spotlights = createSpotlightService({ db, clock, audit, councilSettings });
  const files = createFilesService({ config: config.files });
  const stage = { db, clock, audit, spotlights };
  const packDocuments = createPackDocumentsService({ ...stage, files });
  const nominations = createNominationsService(stage);
  const caseList = createCaseListService(stage);
  const recordingAccess = createRecordingAccessService(stage);
  const readiness = createReadinessService(stage);
  const reportSettings = createReportSettingsService({ db, clock, audit });
  const tasks = createTasksService({ ...stage, readiness, reportSettings });
  const day = createDayService({ ...stage, packDocuments, readiness });
  const dipSampling = createDipSamplingService(stage);
  const allocation = createAllocationService(stage);
  const feedback = createFeedbackService(stage);
  const recordAccess = createRecordAccess(stage);
  const records = createRecordsService({ ...stage, recordAccess });
  const recordItems = createRecordItemsService({ ...stage, recordAccess });
  const triangulation = createTriangulationService(stage);
  const reportStage = { ...stage, reportSettings, outbox };
  const reportDrafting = createReportDraftingService(reportStage);
  const reportReview = createReportReviewService(reportStage);
  const reportDocuments = createReportDocumentService(reportStage);
  return {
    ...{ outbox, mailSender, mailLog },
    ...{ database, config, clock, audit, accounts, directory, directoryImport, timetable },
    ...{ rota, mySpotlights, cover, timetableNotices, councilSettings, spotlights, files },
    ...{ packDocuments, nominations, caseList, recordingAccess, readiness, tasks },
    ...{ day, dipSampling, allocation, feedback },
    ...{ recordAccess, records, recordItems, triangulation },
    ...{ reportSettings, reportDrafting, reportReview, reportDocuments },
  };
}

/** Where people reach Spotlight, for links in emails: PUBLIC_URL, or this machine. */
function baseUrlOf(config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}

export type Services = ReturnType<typeof createServices>;
