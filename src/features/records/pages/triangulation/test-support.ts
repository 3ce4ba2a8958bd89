// For the triangulation board's tests: Team Member Information Records, their children and evidence
// items written straight into the database, as the records pages would write them.
import type { TestApp } from '../../../../../test/app.js';
import type {
  SpotlightFixture,
  SpotlightPersonKey,
} from '../../../../../test/spotlight-fixture.js';
import type {
  ChildKind,
  EvidenceKind,
  EvidenceSource,
  GoodEnoughAnswer,
  ProportionateAnswer,
  ThemeKey,
} from '../../../../core/record-themes.js';
import { newId } from '../../../../platform/ids.js';

export const boardHref = (f: SpotlightFixture) => `/spotlights/${f.spotlightId}/triangulation`;
export const themeHref = (f: SpotlightFixture, theme: ThemeKey) => `${boardHref(f)}/${theme}`;
export const findingsHref = (f: SpotlightFixture, theme: ThemeKey) =>
  `${themeHref(f, theme)}/key-findings`;

type ThemeColumn = 'culture' | 'practice' | 'quality_assurance' | 'oversight' | 'systemic';

/** A member's record, submitted or a draft, with notes on some themes. */
export async function addRecord(
  t: TestApp,
  f: SpotlightFixture,
  member: SpotlightPersonKey,
  options: {
    status?: 'draft' | 'submitted';
    notes?: Partial<Record<ThemeColumn, string>>;
    spotlightId?: string;
  } = {},
): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  const status = options.status ?? 'draft';
  await t.services.database.db
    .insertInto('member_record')
    .values({
      id,
      spotlight_id: options.spotlightId ?? f.spotlightId,
      member_person_id: f.personId[member],
      culture: options.notes?.culture ?? null,
      practice: options.notes?.practice ?? null,
      quality_assurance: options.notes?.quality_assurance ?? null,
      oversight: options.notes?.oversight ?? null,
      systemic: options.notes?.systemic ?? null,
      learning: null,
      conversations: null,
      observations: null,
      status,
      submitted_at: status === 'submitted' ? now : null,
      reopened_at: null,
      reopened_by_person_id: null,
      reopen_reason: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

let position = 0;

/** A child reviewed in a record, with the member's answers. */
export async function addChild(
  t: TestApp,
  f: SpotlightFixture,
  recordId: string,
  child: {
    caseNumber: string;
    kind?: ChildKind;
    system?: string;
    life?: string;
    proportionate?: ProportionateAnswer | null;
    proportionateWhy?: string;
    goodEnough?: GoodEnoughAnswer | null;
    goodEnoughWhy?: string;
    spotlightId?: string;
  },
): Promise<string> {
  const id = newId();
  position += 1;
  await t.services.database.db
    .insertInto('record_child')
    .values({
      id,
      record_id: recordId,
      spotlight_id: child.spotlightId ?? f.spotlightId,
      allocation_id: null,
      kind: child.kind ?? 'random',
      case_system: child.system ?? 'LCS',
      case_number: child.caseNumber,
      documents_read: null,
      life_for_child: child.life ?? null,
      proportionate: child.proportionate ?? null,
      proportionate_why: child.proportionateWhy ?? null,
      good_enough: child.goodEnough ?? null,
      good_enough_why: child.goodEnoughWhy ?? null,
      strengths: null,
      areas_to_develop: null,
      position,
      updated_at: t.clock.now().toISOString(),
      version: 1,
    })
    .execute();
  return id;
}

/** One evidence item in a record. */
export async function addEvidence(
  t: TestApp,
  f: SpotlightFixture,
  recordId: string,
  item: {
    source: EvidenceSource;
    theme: ThemeKey;
    kind: EvidenceKind;
    seen: string;
    childId?: string;
    spotlightId?: string;
  },
): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.services.database.db
    .insertInto('evidence_item')
    .values({
      id,
      record_id: recordId,
      spotlight_id: item.spotlightId ?? f.spotlightId,
      source: item.source,
      theme: item.theme,
      kind: item.kind,
      seen: item.seen,
      record_child_id: item.childId ?? null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function keyFindingRows(t: TestApp, spotlightId: string) {
  return t.services.database.db
    .selectFrom('key_finding')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .orderBy('theme')
    .orderBy('position')
    .execute();
}

/** The HTML between one element id and the next id given (a section of a page). */
export function sectionOf(html: string, fromId: string, toId?: string): string {
  const start = html.indexOf(`id="${fromId}"`);
  if (start < 0) throw new Error(`No element with id ${fromId}`);
  const end = toId ? html.indexOf(`id="${toId}"`, start) : -1;
  return html.slice(start, end < 0 ? undefined : end);
}
