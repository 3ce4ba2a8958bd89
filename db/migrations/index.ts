// Every migration, in order. Listed here (not found on disk) so the same list works from
// TypeScript sources and from the compiled build.
import type { Migration } from 'kysely';
import * as createDirectory from './2026_11_26_0800_create_directory.js';
import * as createAccountsAndSessions from './2026_11_26_0810_create_accounts_and_sessions.js';
import * as createAuditLog from './2026_11_26_0820_create_audit_log.js';
import * as createDirectoryImport from './2026_11_26_0900_create_directory_import.js';
import * as createTimetable from './2026_11_26_1000_create_timetable.js';
import * as createTeamUnavailability from './2026_11_26_1100_create_team_unavailability.js';
import * as createPreparation from './2026_11_26_1200_create_preparation.js';
import * as createTheDay from './2026_11_26_1300_create_the_day.js';
import * as createRecordsAndTriangulation from './2026_11_26_1400_create_records_and_triangulation.js';
import * as createReports from './2026_11_26_1500_create_reports.js';
import * as keepReportGradeScale from './2026_11_27_0900_keep_report_grade_scale.js';
import * as createMailOutbox from './2026_11_27_1000_create_mail_outbox.js';

export const migrations: Record<string, Migration> = {
  '2026_11_26_0800_create_directory': createDirectory,
  '2026_11_26_0810_create_accounts_and_sessions': createAccountsAndSessions,
  '2026_11_26_0820_create_audit_log': createAuditLog,
  '2026_11_26_0900_create_directory_import': createDirectoryImport,
  '2026_11_26_1000_create_timetable': createTimetable,
  '2026_11_26_1100_create_team_unavailability': createTeamUnavailability,
  '2026_11_26_1200_create_preparation': createPreparation,
  '2026_11_26_1300_create_the_day': createTheDay,
  '2026_11_26_1400_create_records_and_triangulation': createRecordsAndTriangulation,
  '2026_11_26_1500_create_reports': createReports,
  '2026_11_27_0900_keep_report_grade_scale': keepReportGradeScale,
  '2026_11_27_1000_create_mail_outbox': createMailOutbox,
};
