// The demo council's last year: a plan for 2026, published, with two Spotlights whose reports have
// moved on further than the senior leader's draft. Assessment Team North's of Thursday 12 March
// 2026 has a final report circulated to its Team Manager, so the preparation pack of its 2027
// Spotlight links to it; the Children in Care Team's of Thursday 5 November 2026 has a report with
// one theme graded Inadequate waiting for the Head of Service QA and Safeguarding. The timetable's
// services plan only years to come, so the plan and its Spotlights are written directly
// (demo.repository.ts); everything after that goes through the services as the person who would do
// it, on a clock set to the right day. A database with this plan already is left as it is.
import { themeKeys } from '../core/record-themes.js';
import { addCalendarDays } from '../core/working-days.js';
import { findReport } from '../features/report/report-facts.repository.js';
import type { Spotlight } from '../features/spotlight/spotlight.service.js';
import { defaultSettings } from '../features/timetable/plan-settings.js';
import { FixedClock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import type { Actor } from '../platform/policy.js';
import { createServices, type Services } from '../services.js';
import { demoEmail } from './demo-council.js';
import { careStory, northStory, type PastStory } from './demo-last-year-stories.js';
import { actorFor, prepareReady, type SignIns } from './demo-preparation.js';
import { demoActors, demoContext } from './demo-timetable.js';
import { demoRecordStories } from './demo-afternoon-stories.js';
import { nominatedStory } from './demo-child-stories.js';
import {
  findPeopleWithTeams,
  findPlanFor,
  insertPastPlan,
  listAllocationReasons,
} from './demo.repository.js';

/** The demo's last year, as its plan covers it. */
export const lastYear = { from: '2026-01-05', to: '2026-12-18' };

interface PastSpotlight {
  /** Someone whose home team is the visited team (its Team Manager). */
  teamOf: string;
  date: string;
  lead: string;
  members: readonly [string, string, string];
  story: PastStory;
  /** How far the report has gone. */
  reaches: 'final' | 'submitted';
}

export const lastYearSpotlights: readonly PastSpotlight[] = [
  {
    teamOf: 'Joanne Fletcher',
    date: '2026-03-12',
    lead: 'Helen Achebe',
    members: ['Simon Ashworth', 'Ellie Thompson', 'Bethan Price'],
    story: northStory,
    reaches: 'final',
  },
  {
    teamOf: 'Andrew Cunningham',
    date: '2026-11-05',
    lead: 'Farah Qureshi',
    members: ['Arjun Mehta', 'Grace Mwangi', 'Kwame Mensah'],
    story: careStory,
    reaches: 'submitted',
  },
];

/** The services on a clock some days after a Spotlight's day. */
function after(services: Services, date: string) {
  const clock = new FixedClock(`${date}T09:00:00.000Z`);
  return {
    services: createServices({ database: services.database, config: services.config, clock }),
    at(days: number, hour: number): string {
      const day = addCalendarDays(date, days);
      clock.set(`${day}T${String(hour).padStart(2, '0')}:00:00.000Z`);
      return day;
    },
  };
}
type After = ReturnType<typeof after>;

/**
 * Three weeks before, the Team Manager sends the pack, the nominations and the case list, and the
 * Spotlight Team confirm access; on the morning the Lead takes Spotlight's proposed allocation, so
 * the report counts real children reviewed and documents read.
 */
async function beforeAndMorning(
  later: After,
  spotlight: Spotlight,
  lead: RequestContext,
  signIns: SignIns,
): Promise<void> {
  later.at(-21, 10);
  await prepareReady(later.services, spotlight, signIns);
  later.at(0, 9);
  await later.services.allocation.propose(lead, spotlight.id);
}

/**
 * The team members answer the guidance's questions about their three children, write their
 * evidence and submit their records; the Lead adds key findings.
 */
async function afternoon(
  later: After,
  spotlight: Spotlight,
  story: PastStory,
  lead: RequestContext,
  signIns: SignIns,
): Promise<Map<string, string[]>> {
  const { records, recordItems, triangulation } = later.services;
  const reasons = await listAllocationReasons(later.services.database.db, spotlight.id);
  const byTheme = new Map<string, string[]>();
  for (const [i, member] of spotlight.members.entries()) {
    const ctx = demoContext(actorFor(member, signIns));
    later.at(0, 12 + i);
    const recordId = await records.mine(ctx, spotlight.id);
    const opened = await records.record(ctx, spotlight.id, recordId);
    for (const child of opened.children) {
      const answers =
        child.kind === 'random'
          ? demoRecordStories[i % demoRecordStories.length]?.random
          : child.kind === 'proud' || child.kind === 'challenging'
            ? nominatedStory(
                child.kind,
                reasons.find((r) => r.id === child.allocationId)?.reason ?? null,
              )
            : undefined;
      if (!answers) continue;
      await recordItems.saveChild(ctx, spotlight.id, recordId, child.id, answers, child.version);
    }
    for (const item of story.evidence.filter((e) => e.by === i)) {
      const id = await recordItems.addEvidence(ctx, spotlight.id, recordId, {
        theme: item.theme,
        source: item.source,
        kind: item.kind,
        seen: item.seen,
        childId: null,
      });
      byTheme.set(item.theme, [...(byTheme.get(item.theme) ?? []), id]);
    }
    const { record } = await records.record(ctx, spotlight.id, recordId);
    await records.submit(ctx, spotlight.id, recordId, record.version);
  }
  later.at(0, 15);
  for (const theme of themeKeys) {
    const evidenceIds = byTheme.get(theme) ?? [];
    if (evidenceIds.length === 0) continue;
    await triangulation.addKeyFinding(lead, spotlight.id, theme, {
      ...story.findings[theme],
      evidenceIds,
    });
  }
  return byTheme;
}

/** The Lead writes the report, sends it to the team members, records the agreement and submits. */
async function report(
  later: After,
  spotlight: Spotlight,
  story: PastStory,
  lead: RequestContext,
  byTheme: ReadonlyMap<string, string[]>,
): Promise<void> {
  const { reportDrafting, reportReview } = later.services;
  const { db } = later.services.database;
  later.at(3, 10);
  await reportDrafting.startDraft(lead, spotlight.id);
  for (const [key, body] of [
    ['summary', story.summary],
    ['context', story.context],
  ] as const) {
    const { version } = await reportDrafting.section(lead, spotlight.id, key);
    await reportDrafting.saveSection(lead, spotlight.id, key, { body }, version);
  }
  for (const theme of themeKeys) {
    const { version } = await reportDrafting.section(lead, spotlight.id, theme);
    const evidenceIds = byTheme.get(theme) ?? [];
    const section = { ...story.themes[theme], evidenceIds };
    await reportDrafting.saveSection(lead, spotlight.id, theme, section, version);
  }
  later.at(4, 10);
  for (const recommendation of story.recommendations) {
    await reportDrafting.addRecommendation(lead, spotlight.id, recommendation);
  }
  later.at(6, 9);
  await reportReview.circulateToMembers(lead, spotlight.id);
  const agreedOn = later.at(8, 15);
  const agreeing = await findReport(db, spotlight.id);
  if (!agreeing) return;
  const note = story.agreement;
  await reportReview.recordAgreement(lead, spotlight.id, { agreedOn, note }, agreeing.version);
  later.at(9, 11);
  const submitting = await findReport(db, spotlight.id);
  if (submitting) await reportReview.submit(lead, spotlight.id, submitting.version);
}

/** The Head of Service QA and Safeguarding finalises; the Lead circulates it to the Team Manager. */
async function finalise(
  later: After,
  spotlight: Spotlight,
  lead: RequestContext,
  hosQa: RequestContext,
): Promise<void> {
  const { reportReview } = later.services;
  later.at(14, 10);
  const submitted = await findReport(later.services.database.db, spotlight.id);
  if (!submitted) return;
  await reportReview.finalise(hosQa, spotlight.id, submitted.version);
  const circulatedOn = later.at(15, 9);
  const recipientIds = spotlight.team.managers.map((m) => m.id);
  await reportReview.recordCirculation(lead, spotlight.id, { recipientIds, circulatedOn });
}

/** Adds last year's plan and its two Spotlights with their reports, once. */
export async function seedDemoLastYear(services: Services): Promise<void> {
  const { db } = services.database;
  if (await findPlanFor(db, lastYear.from, lastYear.to)) return;
  const actors = await demoActors(services);
  const coordinator = actors.get('qa-coordinator');
  const reviewer = actors.get('hos-qa');
  if (!coordinator || !reviewer) return;
  const names = lastYearSpotlights.flatMap((s) => [s.teamOf, s.lead, ...s.members]);
  const people = await findPeopleWithTeams(
    db,
    names.map((name) => demoEmail(name)),
  );
  const personOf = (name: string) => people.find((p) => p.email === demoEmail(name));
  const planId = newId();
  const published = '2025-11-27T10:00:00.000Z';
  const rows = lastYearSpotlights.flatMap((s) => {
    const teamId = personOf(s.teamOf)?.home_team_id;
    const leadId = personOf(s.lead)?.id;
    const memberIds = s.members.flatMap((name) => personOf(name)?.id ?? []);
    if (!teamId || !leadId || memberIds.length !== s.members.length) return [];
    return [{ s, id: newId(), teamId, leadId, memberIds }];
  });
  if (rows.length !== lastYearSpotlights.length) return;
  const stamps = { version: 1, created_at: published, updated_at: published };
  await insertPastPlan(db, {
    plan: {
      id: planId,
      from_date: lastYear.from,
      to_date: lastYear.to,
      settings: JSON.stringify({ ...defaultSettings, ...lastYear, closures: [] }),
      status: 'published',
      solver_status: 'optimal',
      ...{ gap: 0, objective: 0, seconds: 0, explanation: null },
      created_by_account_id: coordinator.accountId,
      created_at: '2025-11-20T10:00:00.000Z',
      published_at: published,
      version: 2,
    },
    spotlights: rows.map((r) => ({
      id: r.id,
      plan_id: planId,
      team_id: r.teamId,
      date: r.s.date,
      lead_person_id: r.leadId,
      status: 'planned',
      ...stamps,
    })),
    members: rows.flatMap((r) =>
      r.memberIds.map((person_id) => ({ spotlight_id: r.id, person_id })),
    ),
  });

  const signIns: SignIns = new Map(
    [...actors.values()].map((a): [string, Actor] => [a.personId, a]),
  );
  for (const row of rows) {
    const spotlight = await services.spotlights.find(row.id);
    if (!spotlight?.lead) continue;
    const later = after(services, spotlight.date);
    const lead = demoContext(actorFor(spotlight.lead, signIns));
    await beforeAndMorning(later, spotlight, lead, signIns);
    const byTheme = await afternoon(later, spotlight, row.s.story, lead, signIns);
    await report(later, spotlight, row.s.story, lead, byTheme);
    if (row.s.reaches === 'final') {
      await finalise(later, spotlight, lead, demoContext(reviewer));
    }
  }
}
