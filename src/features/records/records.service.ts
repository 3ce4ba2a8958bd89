// The Team Member Information Records: the list for the Spotlight Team and the QA team, each record
// read in full, its themes and other notes saved by its author without losing work (a version on
// every save), submission by the deadline (late ones marked late), and the Lead reopening one.
import type { Kysely } from 'kysely';
import { themes, type Theme } from '../../core/record-themes.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { recordCaseNumberView } from '../../platform/audit/case-number-views.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, NotFound } from '../../platform/errors.js';
import { checkId } from '../day/day-input.js';
import type { PersonRef, Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import { RecordSubmitted, type OpenRecord, type RecordAccess } from './record-access.js';
import {
  submittedLate,
  toMemberRecord,
  toRecordChild,
  type MemberRecord,
  type RecordChild,
} from './records.model.js';
import * as repo from './records.repository.js';
import {
  checkNotes,
  checkReopenReason,
  childProgress,
  deadlineFor,
  notesOf,
  recordState,
  toEvidence,
  type Notes,
  type NotesPart,
  type RecordEvidence,
  type RecordsDeadline,
  type RecordState,
} from './records.rules.js';
import type { MemberRecordTable } from './records.table.js';

/** Only a submitted record can be reopened. */
export class RecordNotSubmitted extends Conflict {
  constructor() {
    super('This record has not been submitted, so there is nothing to reopen.');
  }
}

/** The record was saved elsewhere (another tab, window or device) after this page was read. */
const savedElsewhere = () =>
  new Conflict('Your record was saved somewhere else while you were working on it');

export interface RecordsListRow {
  member: PersonRef;
  record: MemberRecord | null;
  state: RecordState;
  /** False for a record kept by somebody who has since left the Spotlight Team. */
  inTeam: boolean;
}

export interface RecordsList {
  spotlight: Spotlight;
  isLead: boolean;
  isMember: boolean;
  deadline: RecordsDeadline;
  rows: RecordsListRow[];
  submitted: number;
  notSubmitted: PersonRef[];
}

export interface RecordPage extends OpenRecord {
  children: RecordChild[];
  evidence: RecordEvidence[];
  deadline: RecordsDeadline;
  state: RecordState;
}

export interface Submission extends OpenRecord {
  children: RecordChild[];
  deadline: RecordsDeadline;
  /** Today is after the due date: submitting now is late. */
  lateNow: boolean;
  missing: { themes: Theme[]; children: RecordChild[]; evidence: boolean };
}

export type RecordsService = ReturnType<typeof createRecordsService>;

export function createRecordsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  recordAccess: RecordAccess;
}) {
  const { db, clock, audit, spotlights, recordAccess } = deps;

  /** Inside a write: the record is still a draft (it may have been submitted in another tab). */
  async function stillDraft(trx: Kysely<Database>, recordId: string): Promise<void> {
    const row = await repo.findRecord(trx, recordId);
    if (!row) throw new NotFound('Record');
    if (row.status !== 'draft') throw new RecordSubmitted();
  }

  async function childrenOf(recordId: string): Promise<RecordChild[]> {
    return (await repo.listRecordChildren(db, recordId)).map(toRecordChild);
  }

  /** A record of the Spotlight, for the Lead. */
  async function forLead(ctx: RequestContext, spotlightId: string, recordId: string) {
    const spotlight = await spotlights.authorise(
      ctx,
      checkId(spotlightId, 'Spotlight'),
      'spotlight:lead',
    );
    const row = await repo.findRecord(db, checkId(recordId, 'Record'));
    if (!row || row.spotlight_id !== spotlight.id) throw new NotFound('Record');
    return { spotlight, record: toMemberRecord(row) };
  }

  return {
    /** Every team member's record and where it stands, for anyone who may see the day. */
    async list(ctx: RequestContext, spotlightId: string): Promise<RecordsList> {
      const spotlight = await spotlights.authorise(
        ctx,
        checkId(spotlightId, 'Spotlight'),
        'spotlight:view-day',
      );
      const deadline = deadlineFor(spotlight);
      const records = (await repo.listRecords(db, spotlight.id)).map(toMemberRecord);
      const byMember = new Map(records.map((record) => [record.member.id, record]));
      const rows: RecordsListRow[] = spotlight.members.map((member) => {
        const record = byMember.get(member.id) ?? null;
        return { member, record, state: recordState(record, deadline.due), inTeam: true };
      });
      const memberIds = new Set(spotlight.members.map((m) => m.id));
      for (const record of records.filter((r) => !memberIds.has(r.member.id))) {
        const member = { ...record.member, jobRoleName: null };
        rows.push({ member, record, state: recordState(record, deadline.due), inTeam: false });
      }
      const inTeam = rows.filter((row) => row.inTeam);
      return {
        spotlight,
        isLead: spotlights.can(ctx, spotlight, 'spotlight:lead'),
        isMember: spotlights.can(ctx, spotlight, 'spotlight:write-record'),
        deadline,
        rows,
        submitted: inTeam.filter((row) => row.record?.status === 'submitted').length,
        notSubmitted: inTeam
          .filter((row) => row.record?.status !== 'submitted')
          .map((row) => row.member),
      };
    },

    /** The signed-in member's own record, made on first use. Anyone else is refused (audited). */
    async mine(ctx: RequestContext, spotlightId: string): Promise<string> {
      return recordAccess.ensureOwn(ctx, spotlightId);
    },

    /** One record in full, with its children and evidence. The case numbers shown are audited. */
    async record(ctx: RequestContext, spotlightId: string, recordId: string): Promise<RecordPage> {
      const open = await recordAccess.readable(ctx, spotlightId, recordId);
      const [children, evidence] = await Promise.all([
        childrenOf(open.record.id),
        repo.listRecordEvidence(db, open.record.id),
      ]);
      await recordCaseNumberView(audit, ctx, open.spotlight, {
        action: 'records.case-numbers-viewed',
        caseNumbers: children.map((child) => child.caseNumber),
        view: 'record',
      });
      const deadline = deadlineFor(open.spotlight);
      return {
        ...open,
        children,
        evidence: evidence.map(toEvidence),
        deadline,
        state: recordState(open.record, deadline.due),
      };
    },

    /** The author's draft, to change: Forbidden for anyone else, RecordSubmitted once submitted. */
    async ownDraft(ctx: RequestContext, spotlightId: string, recordId: string) {
      return recordAccess.forAuthor(ctx, spotlightId, recordId);
    },

    /** A part of the author's draft, to change. RecordSubmitted once submitted. */
    async notes(ctx: RequestContext, spotlightId: string, recordId: string, part: NotesPart) {
      const open = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      return { ...open, values: notesOf(open.record, part) };
    },

    /**
     * Saves a part of the author's draft read at `version`. Conflict when it was saved elsewhere
     * first, RecordSubmitted when it has been submitted; the audit entry commits with the change.
     */
    async saveNotes(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      part: NotesPart,
      input: Notes,
      version: number,
    ): Promise<{ version: number; savedAt: Date }> {
      // Authorised before the transaction: the Spotlight is read outside it, and SQLite has one
      // connection. The transaction checks again that the record is still a draft.
      const { spotlight, record } = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      const values = checkNotes(part, input);
      const savedAt = clock.now();
      await db.transaction().execute(async (trx) => {
        await stillDraft(trx, record.id);
        const updated = await repo.updateRecord(
          trx,
          record.id,
          { ...values, updated_at: toDbInstant(savedAt) },
          version,
        );
        if (!updated) throw savedElsewhere();
        await audit.record(
          ctx,
          {
            action: 'records.saved',
            objectType: 'spotlight',
            objectId: spotlight.id,
            details: { part, version: version + 1 },
          },
          trx,
        );
      });
      return { version: version + 1, savedAt };
    },

    /** What the author should check before submitting: what is missing, and when it is due. */
    async submission(ctx: RequestContext, spotlightId: string, recordId: string) {
      const open = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      const [children, evidence] = await Promise.all([
        childrenOf(open.record.id),
        repo.listRecordEvidence(db, open.record.id),
      ]);
      const deadline = deadlineFor(open.spotlight);
      const unanswered = children.filter((child) => childProgress(child) !== 'answered');
      await recordCaseNumberView(audit, ctx, open.spotlight, {
        action: 'records.case-numbers-viewed',
        caseNumbers: unanswered.map((child) => child.caseNumber),
        view: 'record-submit',
      });
      const submission: Submission = {
        ...open,
        children,
        deadline,
        lateNow: open.spotlight.today > deadline.due,
        missing: {
          themes: themes.filter((theme) => open.record.themes[theme.key] === ''),
          children: unanswered,
          evidence: evidence.length === 0,
        },
      };
      return submission;
    },

    /** Submits the author's draft read at `version`; late when after the day it was due. */
    async submit(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      version: number,
    ): Promise<{ late: boolean }> {
      const { spotlight, record } = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      const now = toDbInstant(clock.now());
      // A record the Lead reopened keeps its first submission: being asked to change it after the
      // deadline does not make it late (the resubmission is in the audit log).
      const submittedAt = record.submittedAt ?? now;
      const late = submittedLate(submittedAt, deadlineFor(spotlight).due);
      await db.transaction().execute(async (trx) => {
        await stillDraft(trx, record.id);
        const values = { status: 'submitted', submitted_at: submittedAt, updated_at: now };
        if (!(await repo.updateRecord(trx, record.id, values, version))) throw savedElsewhere();
        await audit.record(
          ctx,
          {
            action: 'records.submitted',
            objectType: 'spotlight',
            objectId: spotlight.id,
            details: { late, again: record.submittedAt !== null },
          },
          trx,
        );
      });
      return { late };
    },

    /** A record for the Lead to reopen. */
    reopening: forLead,

    /** The Lead reopens a submitted record read at `version`, with a reason its author sees. */
    async reopen(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      reason: string,
      version: number,
    ): Promise<MemberRecord> {
      const { spotlight, record } = await forLead(ctx, spotlightId, recordId);
      if (record.status !== 'submitted') throw new RecordNotSubmitted();
      const why = checkReopenReason(reason);
      const now = toDbInstant(clock.now());
      await db.transaction().execute(async (trx) => {
        const row = await repo.findRecord(trx, record.id);
        if (row?.status !== 'submitted') throw new RecordNotSubmitted();
        const values: Partial<MemberRecordTable> = {
          status: 'draft',
          reopened_at: now,
          reopened_by_person_id: ctx.actor?.personId ?? null,
          reopen_reason: why,
          updated_at: now,
        };
        if (!(await repo.updateRecord(trx, record.id, values, version))) {
          throw new Conflict('The record was changed while you were looking at it');
        }
        await audit.record(
          ctx,
          {
            action: 'records.reopened',
            objectType: 'spotlight',
            objectId: spotlight.id,
            details: { recordId: record.id, member: record.member.name },
          },
          trx,
        );
      });
      return record;
    },
  };
}
