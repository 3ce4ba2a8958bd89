// The readiness checklist of a Spotlight: what is in for its preparation, what is missing, and by
// when, in plain words for the QA team, the Lead, the members and the visited team's managers.
import type { Kysely } from 'kysely';
import { deadlineOf, dueStatus, type DeadlineKey } from '../../core/deadlines.js';
import {
  isPackDocumentType,
  packDocumentTypeNames,
  packDocumentTypes,
} from '../../core/pack-documents.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbCount } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Forbidden } from '../../platform/errors.js';
import { formatDate } from '../../platform/format.js';
import type { SpotlightPermission } from '../../platform/policy.js';
import type { PersonRef, Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import * as repo from './readiness.repository.js';

export type ReadinessKey =
  'documents' | 'nominations' | 'caseList' | 'recordingAccess' | 'previousSpotlight';

export type ReadinessState = 'done' | 'missing' | 'late';

export interface ReadinessItem {
  key: ReadinessKey;
  label: string;
  /** 'late' is missing after its deadline. */
  state: ReadinessState;
  /** Plain words: "3 documents: team action plan, performance data". */
  detail: string;
  /** YYYY-MM-DD; null for what has no deadline. */
  due: string | null;
  /** "due in 3 working days", "2 working days late". */
  dueText: string | null;
  /** Where to act or look; null when the person asking may not follow it. */
  href: string | null;
}

/** What is in for one Spotlight's preparation: counts and who, never case numbers. */
export interface ReadinessFacts {
  /** Documents in the pack by type. */
  documentTypes: ReadonlyMap<string, number>;
  documentCount: number;
  /** Practitioners who have named both children. */
  namedBoth: ReadonlySet<string>;
  /** When the Team Manager forwarded the nominations (an instant), if they have. */
  forwardedAt: string | null;
  caseListCount: number;
  /** People who have confirmed they have access to the recording system. */
  confirmedAccess: ReadonlySet<string>;
}

/** A document type's name inside a sentence: "team action plan". */
const typeOrder = (type: string) => {
  const index = (packDocumentTypes as readonly string[]).indexOf(type);
  return index === -1 ? packDocumentTypes.length : index;
};
const typeWords = (type: string) => {
  const name = isPackDocumentType(type) ? packDocumentTypeNames[type] : 'other documents';
  return name.charAt(0).toLowerCase() + name.slice(1);
};
/** The types a pack is expected to have ("other" is never missing). */
const expectedDocumentTypes = packDocumentTypes.filter((type) => type !== 'other');

/** The visited team's practitioners: its staff other than its managers. */
export function practitionersOf(spotlight: Spotlight): PersonRef[] {
  const managerIds = new Set(spotlight.team.managers.map((m) => m.id));
  return spotlight.team.staff.filter((person) => !managerIds.has(person.id));
}

/** The Lead and the team members: everyone who must confirm access to the recording system. */
export function spotlightTeamOf(spotlight: Spotlight): PersonRef[] {
  const team = spotlight.lead ? [spotlight.lead] : [];
  return [...team, ...spotlight.members.filter((m) => m.id !== spotlight.lead?.id)];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const sentenceList = (words: readonly string[]) => words.join(', ');

function documentsDetail(facts: ReadinessFacts): string {
  if (facts.documentCount === 0) return 'No documents yet.';
  const typesIn = [...facts.documentTypes.keys()].sort(
    (a, b) => typeOrder(a) - typeOrder(b) || a.localeCompare(b),
  );
  const inWords = [...new Set(typesIn.map(typeWords))];
  const missing = expectedDocumentTypes.filter((t) => !facts.documentTypes.has(t)).map(typeWords);
  const head = `${count(facts.documentCount, 'document', 'documents')}: ${sentenceList(inWords)}.`;
  return missing.length ? `${head} Not sent yet: ${sentenceList(missing)}.` : head;
}

function nominationsDetail(spotlight: Spotlight, facts: ReadinessFacts): string {
  const practitioners = practitionersOf(spotlight);
  const named = practitioners.filter((p) => facts.namedBoth.has(p.id)).length;
  const progress =
    practitioners.length === 0
      ? 'The team has no practitioners in Spotlight’s directory.'
      : `${named} of ${count(practitioners.length, 'practitioner', 'practitioners')} ${named === 1 ? 'has' : 'have'} named both children.`;
  return facts.forwardedAt
    ? `${progress} Forwarded on ${formatDate(facts.forwardedAt)}.`
    : `${progress} Not forwarded yet.`;
}

function accessDetail(spotlight: Spotlight, facts: ReadinessFacts): string {
  const team = spotlightTeamOf(spotlight);
  if (team.length === 0) return 'Nobody is in the Spotlight Team yet.';
  const waiting = team.filter((p) => !facts.confirmedAccess.has(p.id)).map((p) => p.name);
  return waiting.length
    ? `Not confirmed yet: ${sentenceList(waiting)}.`
    : 'Everyone in the Spotlight Team has confirmed.';
}

/**
 * The checklist, in order. `previousSpotlightDate` is the team's last Spotlight's day (null for its
 * first); undefined when it was not looked up (it is always done, so summaries skip it).
 */
export function readinessItems(
  spotlight: Spotlight,
  facts: ReadinessFacts,
  previousSpotlightDate?: string | null,
): ReadinessItem[] {
  const base = `/spotlights/${spotlight.id}`;
  const item = (
    key: ReadinessKey,
    label: string,
    deadline: DeadlineKey,
    done: boolean,
    detail: string,
    href: string,
  ): ReadinessItem => {
    const due = deadlineOf(spotlight.deadlines, deadline);
    const status = dueStatus(due, spotlight.today, spotlight.calendar);
    const state = done ? 'done' : status.state === 'late' ? 'late' : 'missing';
    return { key, label, state, detail, due, dueText: status.text, href };
  };
  const team = spotlightTeamOf(spotlight);
  const previous =
    previousSpotlightDate === undefined
      ? 'In the pack automatically.'
      : previousSpotlightDate === null
        ? 'This is the team’s first Spotlight.'
        : `In the pack automatically: the Spotlight of ${formatDate(previousSpotlightDate)}.`;
  return [
    item(
      'documents',
      'Preparation documents',
      'documents',
      facts.documentCount > 0,
      documentsDetail(facts),
      `${base}/documents`,
    ),
    item(
      'nominations',
      'Practitioners’ nominations',
      'nominations',
      facts.forwardedAt !== null,
      nominationsDetail(spotlight, facts),
      `${base}/nominations`,
    ),
    item(
      'caseList',
      'The team’s case list',
      'nominations',
      facts.caseListCount > 0,
      facts.caseListCount > 0
        ? `${count(facts.caseListCount, 'case number', 'case numbers')}.`
        : 'No case list yet.',
      `${base}/case-list`,
    ),
    item(
      'recordingAccess',
      `Access to the recording system (${spotlight.team.recordingSystem})`,
      'recordingAccess',
      team.length > 0 && team.every((p) => facts.confirmedAccess.has(p.id)),
      accessDetail(spotlight, facts),
      `${base}/recording-access`,
    ),
    {
      key: 'previousSpotlight',
      label: 'The team’s last Spotlight',
      state: 'done',
      detail: previous,
      due: null,
      dueText: null,
      href: `${base}/documents`,
    },
  ];
}

/** Who may follow each item's link (the pages check again). */
const linkPermissions: Record<ReadinessKey, SpotlightPermission[]> = {
  documents: ['spotlight:view-pack'],
  nominations: ['spotlight:prepare', 'spotlight:view-case-numbers'],
  caseList: ['spotlight:view-case-numbers'],
  recordingAccess: ['spotlight:see-readiness'],
  previousSpotlight: ['spotlight:view-pack'],
};

/** The facts while they are gathered. */
interface GatheredFacts extends ReadinessFacts {
  documentTypes: Map<string, number>;
  namedBoth: Set<string>;
  confirmedAccess: Set<string>;
}

const emptyFacts = (): GatheredFacts => ({
  documentTypes: new Map(),
  documentCount: 0,
  namedBoth: new Set(),
  forwardedAt: null,
  caseListCount: 0,
  confirmedAccess: new Set(),
});

export type ReadinessService = ReturnType<typeof createReadinessService>;

export function createReadinessService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, spotlights } = deps;

  /** What is in for each Spotlight, in five grouped queries whatever the number of Spotlights. */
  async function facts(list: readonly Spotlight[]): Promise<Map<string, ReadinessFacts>> {
    const ids = list.map((s) => s.id);
    const [documents, nominations, preparations, caseLists, access] = await Promise.all([
      repo.countDocumentsByType(db, ids),
      repo.countNominationsByPractitioner(db, ids),
      repo.listPreparations(db, ids),
      repo.countCaseListEntries(db, ids),
      repo.listRecordingAccess(db, ids),
    ]);
    const byId = new Map<string, GatheredFacts>(ids.map((id) => [id, emptyFacts()]));
    const of = (id: string): GatheredFacts => {
      const found = byId.get(id) ?? emptyFacts();
      byId.set(id, found);
      return found;
    };
    for (const row of documents) {
      const f = of(row.spotlight_id);
      const n = fromDbCount(row.documents);
      f.documentTypes.set(row.document_type, n);
      f.documentCount += n;
    }
    for (const row of nominations) {
      if (fromDbCount(row.kinds) >= 2)
        of(row.spotlight_id).namedBoth.add(row.practitioner_person_id);
    }
    for (const row of preparations) of(row.spotlight_id).forwardedAt = row.nominations_forwarded_at;
    for (const row of caseLists) of(row.spotlight_id).caseListCount = fromDbCount(row.entries);
    for (const row of access) of(row.spotlight_id).confirmedAccess.add(row.person_id);
    return byId;
  }

  /** The checklist as the person asking sees it: links only where they may go. */
  async function checklistOf(ctx: RequestContext, spotlight: Spotlight): Promise<ReadinessItem[]> {
    if (!spotlights.can(ctx, spotlight, 'spotlight:see-readiness')) throw new Forbidden();
    const found = (await facts([spotlight])).get(spotlight.id) ?? emptyFacts();
    const previousId = await spotlights.previousSpotlightId(spotlight);
    const previous = previousId ? await repo.findSpotlightDate(db, previousId) : undefined;
    return readinessItems(spotlight, found, previous?.date ?? null).map((item) => ({
      ...item,
      href: linkPermissions[item.key].some((p) => spotlights.can(ctx, spotlight, p))
        ? item.href
        : null,
    }));
  }

  return {
    facts,
    checklistOf,

    /** The checklist of one Spotlight, for those who may see its readiness (else refused, audited). */
    async checklist(ctx: RequestContext, spotlightId: string): Promise<ReadinessItem[]> {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:see-readiness');
      return checklistOf(ctx, spotlight);
    },

    /** Each Spotlight's checklist without the last Spotlight's date, for the tasks and overviews. */
    async summaries(list: readonly Spotlight[]): Promise<Map<string, ReadinessItem[]>> {
      const all = await facts(list);
      return new Map(
        list.map((s) => [s.id, readinessItems(s, all.get(s.id) ?? emptyFacts())] as const),
      );
    },
  };
}
