// For the report's tests: a Spotlight whose day is done (records submitted, evidence on every
// theme from more than one source, key findings, feedback given), and a report inserted at any
// stage, as the drafting and review pages would have written it.
import { themeKeys, type ThemeKey } from '../../core/record-themes.js';
import type { ReportStatus } from '../../core/report/report-model.js';
import { newId } from '../../platform/ids.js';
import type { TestApp } from '../../../test/app.js';
import type { SpotlightFixture } from '../../../test/spotlight-fixture.js';

export interface TriangulatedSpotlight {
  /** Evidence item ids per theme: a case record (with a child) and a conversation each. */
  evidence: Record<ThemeKey, string[]>;
  /** The case numbers the members reviewed: they must never reach the circulated report. */
  caseNumbers: string[];
}

/** Records submitted by the three members, evidence on every theme, key findings and feedback. */
export async function addTriangulatedSpotlight(
  t: TestApp,
  f: SpotlightFixture,
): Promise<TriangulatedSpotlight> {
  const db = t.services.database.db;
  const now = t.clock.now().toISOString();
  const stamp = { created_at: now, updated_at: now, version: 1 };
  const evidence = Object.fromEntries(themeKeys.map((k) => [k, [] as string[]])) as Record<
    ThemeKey,
    string[]
  >;
  const caseNumbers: string[] = [];
  const members = ['member1', 'member2', 'member3'] as const;
  for (const [index, member] of members.entries()) {
    const recordId = newId();
    await db
      .insertInto('member_record')
      .values({
        id: recordId,
        spotlight_id: f.spotlightId,
        member_person_id: f.personId[member],
        culture: 'A calm, warm team.',
        practice: 'Plans are clear.',
        quality_assurance: null,
        oversight: null,
        systemic: null,
        learning: null,
        conversations: null,
        observations: null,
        status: 'submitted',
        submitted_at: now,
        reopened_at: null,
        reopened_by_person_id: null,
        reopen_reason: null,
        ...stamp,
      })
      .execute();
    const caseNumber = `LCS${String(700001 + index)}`;
    caseNumbers.push(caseNumber);
    const childId = newId();
    await db
      .insertInto('record_child')
      .values({
        id: childId,
        record_id: recordId,
        spotlight_id: f.spotlightId,
        allocation_id: null,
        kind: 'random',
        case_system: 'LCS',
        case_number: caseNumber,
        documents_read: 'Assessment and plan',
        life_for_child: 'Settled at school.',
        proportionate: 'about-right',
        proportionate_why: null,
        good_enough: 'yes',
        good_enough_why: null,
        strengths: null,
        areas_to_develop: null,
        position: 1,
        updated_at: now,
        version: 1,
      })
      .execute();
    if (index > 0) continue;
    for (const theme of themeKeys) {
      for (const source of ['case-record', 'conversation'] as const) {
        const id = newId();
        await db
          .insertInto('evidence_item')
          .values({
            id,
            record_id: recordId,
            spotlight_id: f.spotlightId,
            source,
            theme,
            kind: source === 'case-record' ? 'strength' : 'area',
            seen: `${theme} ${source}: what the member saw`,
            record_child_id: source === 'case-record' ? childId : null,
            ...stamp,
          })
          .execute();
        evidence[theme].push(id);
      }
    }
  }
  for (const theme of themeKeys) {
    for (const [position, kind] of (['strength', 'area'] as const).entries()) {
      await db
        .insertInto('key_finding')
        .values({
          id: newId(),
          spotlight_id: f.spotlightId,
          theme,
          kind,
          text:
            kind === 'strength'
              ? `Children in the ${theme} theme see the same worker each visit.`
              : `Plans in the ${theme} theme do not always say what will change for the child.`,
          evidence_ids: JSON.stringify(evidence[theme].slice(position, position + 1)),
          position: position + 1,
          created_by_person_id: f.personId.lead,
          ...stamp,
        })
        .execute();
    }
  }
  await db
    .insertInto('day_feedback')
    .values({
      spotlight_id: f.spotlightId,
      given_on: f.date,
      given_to: JSON.stringify([f.personId.teamManager, f.personId.headOfService]),
      others_present: null,
      notes: 'Feedback given to the Team Manager and the Head of Service.',
      suggested_actions: JSON.stringify(['Review every child’s plan with the family']),
      updated_by_person_id: f.personId.lead,
      updated_at: now,
      version: 1,
    })
    .execute();
  return { evidence, caseNumbers };
}

/**
 * A report at `status`, every section written and graded (the culture theme Inadequate when
 * `inadequate`), with two recommendations: as the drafting pages would have left it.
 */
export async function insertReport(
  t: TestApp,
  f: SpotlightFixture,
  spotlight: TriangulatedSpotlight,
  options: { status?: ReportStatus; inadequate?: boolean } = {},
): Promise<void> {
  const db = t.services.database.db;
  const now = t.clock.now().toISOString();
  const status = options.status ?? 'draft';
  await db
    .insertInto('report')
    .values({
      spotlight_id: f.spotlightId,
      status,
      circulated_at: null,
      actions_agreed_on: null,
      actions_agreed_note: null,
      submitted_at: status === 'draft' ? null : now,
      first_submitted_on: status === 'draft' ? null : now.slice(0, 10),
      returned_at: null,
      return_comments: null,
      finalised_at: status === 'final' ? now : null,
      finalised_by_person_id: status === 'final' ? f.personId.hosQa : null,
      created_by_person_id: f.personId.lead,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  const section = (key: string) => ({
    spotlight_id: f.spotlightId,
    section_key: key,
    updated_by_person_id: f.personId.lead,
    updated_at: now,
    version: 1,
  });
  await db
    .insertInto('report_section')
    .values([
      {
        ...section('summary'),
        body: 'The team know their children well and children see the same worker.',
        working_well: null,
        to_improve: null,
        for_children: null,
        grade: null,
        evidence_ids: '[]',
      },
      {
        ...section('context'),
        body: 'Twelve social workers support 180 children across the south of the borough.',
        working_well: null,
        to_improve: null,
        for_children: null,
        grade: null,
        evidence_ids: '[]',
      },
      ...themeKeys.map((theme) => ({
        ...section(theme),
        body: null,
        working_well: `Working well in ${theme}: workers visit children at home every month.`,
        to_improve: `To improve in ${theme}: plans should name what will change for the child.`,
        for_children: `For children in ${theme}: children know who their worker is.`,
        grade: options.inadequate && theme === 'culture' ? 'Inadequate' : 'Good',
        evidence_ids: JSON.stringify(spotlight.evidence[theme]),
      })),
    ])
    .execute();
  const recommendation = (position: number, theme: ThemeKey, action: string) => ({
    id: newId(),
    spotlight_id: f.spotlightId,
    theme,
    action,
    owner: 'Team Manager',
    due_on: '2027-04-30',
    measure: 'Share of plans audited that name what will change for the child',
    baseline: '40% in January 2027',
    target: '80% by April 2027',
    position,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await db
    .insertInto('recommendation')
    .values([
      recommendation(1, 'practice', 'Every child’s plan names what will change for them.'),
      recommendation(2, 'oversight', 'Supervision records show the manager’s decision each time.'),
    ])
    .execute();
}
