// The demo council's report on the Spotlight the demo senior leader leads, in the fortnight after
// the day: the Lead starts the draft from the key findings and writes every section and the action
// plan (demo-report-stories.ts), sends it to the team members for comment, two of them comment,
// and the Lead resolves one (the other is still open), so the Lead and the Staff sign-in find the
// report being drafted and commented on. Everything goes through the services as the person who
// would do it, on a clock moved on after the day. A Spotlight with a report already, or without
// its afternoon, is left as it is.
import { themeKeys } from '../core/record-themes.js';
import { findReport } from '../features/report/report-facts.repository.js';
import type { Spotlight } from '../features/spotlight/spotlight.service.js';
import { FixedClock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import type { Actor } from '../platform/policy.js';
import { createServices, type Services } from '../services.js';
import { actorFor, demoLedSpotlight, type SignIns } from './demo-preparation.js';
import {
  demoRecommendations,
  demoReportComments,
  demoReportContext,
  demoReportSummary,
  demoReportThemes,
} from './demo-report-stories.js';
import { hasAfternoonRecords } from './demo.repository.js';
import { demoActors, demoContext } from './demo-timetable.js';

/** The services on a clock some days after the Spotlight's day, moved on as the report goes. */
interface AfterClock {
  services: Services;
  /** Sets the clock to `hour` o'clock (UTC), `days` days after the day. */
  at(days: number, hour: number): void;
}

function afterTheDay(services: Services, spotlight: Spotlight): AfterClock {
  const day = new Date(`${spotlight.date}T09:00:00.000Z`);
  const clock = new FixedClock(day);
  return {
    services: createServices({ database: services.database, config: services.config, clock }),
    at: (days, hour) => {
      const when = new Date(day);
      when.setUTCDate(when.getUTCDate() + days);
      when.setUTCHours(hour, 0, 0, 0);
      clock.set(when);
    },
  };
}

/** The Lead starts the draft and writes every section, then the action plan. */
async function writeDraft(after: AfterClock, spotlight: Spotlight, lead: RequestContext) {
  const { reportDrafting } = after.services;
  after.at(3, 10);
  await reportDrafting.startDraft(lead, spotlight.id);
  for (const [key, body] of [
    ['summary', demoReportSummary],
    ['context', demoReportContext],
  ] as const) {
    const { version } = await reportDrafting.section(lead, spotlight.id, key);
    await reportDrafting.saveSection(lead, spotlight.id, key, { body }, version);
  }
  for (const [i, theme] of themeKeys.entries()) {
    after.at(3, 11 + i);
    const view = await reportDrafting.section(lead, spotlight.id, theme);
    // The draft starts with the evidence the key findings rest on; a theme without a key finding
    // has its grade rest on all of its evidence on the board.
    const started = 'evidenceIds' in view.content ? view.content.evidenceIds : [];
    const evidenceIds = started.length > 0 ? started : view.evidence.map((e) => e.id);
    await reportDrafting.saveSection(
      lead,
      spotlight.id,
      theme,
      { ...demoReportThemes[theme], evidenceIds },
      view.version,
    );
  }
  after.at(4, 10);
  for (const recommendation of demoRecommendations) {
    await reportDrafting.addRecommendation(lead, spotlight.id, recommendation);
  }
}

/**
 * The report on the Spotlight the demo senior leader leads, once its afternoon is recorded and
 * while it has no report.
 */
export async function seedDemoReport(services: Services): Promise<void> {
  const actors = await demoActors(services);
  const leader = actors.get('senior-leader');
  if (!leader) return;
  const spotlight = await demoLedSpotlight(services, leader);
  if (!spotlight) return;
  const { db } = services.database;
  if (!(await hasAfternoonRecords(db, spotlight.id)) || (await findReport(db, spotlight.id)))
    return;
  const signIns: SignIns = new Map(
    [...actors.values()].map((a): [string, Actor] => [a.personId, a]),
  );
  const after = afterTheDay(services, spotlight);
  const lead = demoContext(leader);
  await writeDraft(after, spotlight, lead);
  await circulateAndComment(after, spotlight, lead, signIns);
}

/**
 * The Lead sends the draft to the team members; two without a demo sign-in comment, and the Lead
 * resolves the first comment with a reply (the second stays open for the demo to show).
 */
async function circulateAndComment(
  after: AfterClock,
  spotlight: Spotlight,
  lead: RequestContext,
  signIns: SignIns,
): Promise<void> {
  const { reportReview } = after.services;
  after.at(7, 9);
  await reportReview.circulateToMembers(lead, spotlight.id);
  const commenters = spotlight.members.filter((m) => !signIns.has(m.id));
  for (const [i, comment] of demoReportComments.entries()) {
    const member = commenters[i % Math.max(commenters.length, 1)];
    if (!member) return;
    after.at(8 + i, 14);
    await reportReview.addComment(demoContext(actorFor(member, signIns)), spotlight.id, {
      place: comment.place,
      text: comment.text,
    });
  }
  const [first] = demoReportComments;
  const made = await reportReview.comments(lead, spotlight.id);
  const toResolve = made.comments.find((c) => c.place === first?.place);
  if (!first || !toResolve) return;
  after.at(10, 10);
  await reportReview.resolveComment(
    lead,
    spotlight.id,
    toResolve.id,
    { reply: first.reply },
    toResolve.version,
  );
}
