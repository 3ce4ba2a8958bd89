// Every table Spotlight has, for Kysely's typing. Each feature declares its own tables.
import type { AuditEventTable } from '../audit/audit.table.js';
import type {
  AccountTable,
  AccountTokenTable,
  SessionTable,
  SignInFailureTable,
} from '../auth/auth.table.js';
import type {
  PersonTable,
  PersonUnavailabilityTable,
  ServiceAreaTable,
  TeamManagerTable,
  TeamTable,
} from '../../features/directory/directory.table.js';
import type { DirectoryImportTable } from '../../features/directory/import/import.table.js';
import type { TeamUnavailabilityTable } from '../../features/directory/team-unavailability.table.js';
import type {
  PlanChangeTable,
  SpotlightMemberTable,
  SpotlightTable,
  TimetableNoticeTable,
  TimetablePlanTable,
} from '../../features/timetable/timetable.table.js';

import type {
  ClosureDayTable,
  CouncilSettingsTable,
} from '../../features/admin/council-settings.table.js';
import type {
  CaseListEntryTable,
  NominationTable,
  RecordingAccessTable,
  SpotlightDocumentTable,
  SpotlightPreparationTable,
} from '../../features/preparation/preparation.table.js';

import type {
  AllocationTable,
  DayFeedbackTable,
  DipSampleTargetTable,
  RandomDrawTable,
  SpotlightDayTable,
} from '../../features/day/day.table.js';
import type {
  EvidenceItemTable,
  KeyFindingTable,
  MemberRecordTable,
  RecordChildTable,
} from '../../features/records/records.table.js';
import type {
  RecommendationTable,
  ReportCirculationTable,
  ReportCommentTable,
  ReportSectionTable,
  ReportTable,
  ReportVersionTable,
} from '../../features/report/report.table.js';
import type { MailOutboxTable } from '../mail/mail.table.js';

export interface Database {
  service_area: ServiceAreaTable;
  team: TeamTable;
  team_manager: TeamManagerTable;
  person: PersonTable;
  person_unavailability: PersonUnavailabilityTable;
  account: AccountTable;
  account_token: AccountTokenTable;
  session: SessionTable;
  sign_in_failure: SignInFailureTable;
  audit_event: AuditEventTable;
  directory_import: DirectoryImportTable;
  timetable_plan: TimetablePlanTable;
  spotlight: SpotlightTable;
  spotlight_member: SpotlightMemberTable;
  plan_change: PlanChangeTable;
  timetable_notice: TimetableNoticeTable;
  team_unavailability: TeamUnavailabilityTable;
  council_settings: CouncilSettingsTable;
  closure_day: ClosureDayTable;
  spotlight_document: SpotlightDocumentTable;
  spotlight_preparation: SpotlightPreparationTable;
  nomination: NominationTable;
  case_list_entry: CaseListEntryTable;
  recording_access: RecordingAccessTable;
  spotlight_day: SpotlightDayTable;
  random_draw: RandomDrawTable;
  allocation: AllocationTable;
  dip_sample_target: DipSampleTargetTable;
  member_record: MemberRecordTable;
  record_child: RecordChildTable;
  evidence_item: EvidenceItemTable;
  key_finding: KeyFindingTable;
  day_feedback: DayFeedbackTable;
  report: ReportTable;
  report_section: ReportSectionTable;
  recommendation: RecommendationTable;
  report_comment: ReportCommentTable;
  report_version: ReportVersionTable;
  report_circulation: ReportCirculationTable;
  mail_outbox: MailOutboxTable;
}
