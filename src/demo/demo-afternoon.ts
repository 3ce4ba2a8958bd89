// The demo council's afternoon of the day, on the Spotlight the demo senior leader leads: each team
// member's Team Member Information Record (two submitted, one still a draft, and the Staff
// sign-in's just begun), the Lead's key findings from triangulation, and the feedback to the Team
// Manager and Head of Service with suggested actions. Everything goes through the services as the
// person who would do it, on a clock set to the day itself (the demo's Spotlight is in the future,
// and feedback cannot be recorded before it is given). A Spotlight with any of this already is left
// as it is.
import { listOf } from '../core/triangulation.js';
import type { PersonRef, Spotlight } from '../features/spotlight/spotlight.service.js';
import { FixedClock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import type { Actor } from '../platform/policy.js';
import { createServices, type Services } from '../services.js';
import { actorFor, demoLedSpotlight, type SignIns } from './demo-preparation.js';
import {
  hasAfternoonRecords,
  listAllocationReasons,
  type DemoAllocationRow,
} from './demo.repository.js';
import { demoActors, demoContext } from './demo-timetable.js';

import {
  demoBegunRecord,
  demoFeedback,
  demoKeyFindings,
  demoRecordStories,
  type DemoRecordStory,
} from './demo-afternoon-stories.js';
import { nominatedStory } from './demo-child-stories.js';

/** The services on a clock of the Spotlight's day, moved on as each person gets to their part. */
interface DayClock {
  services: Services;
  /** Sets the clock to this many minutes after midnight (UTC) on the day. */
  at(minutes: number): void;
}

function dayOf(services: Services, spotlight: Spotlight): DayClock {
  const clock = new FixedClock(`${spotlight.date}T09:00:00.000Z`);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    services: createServices({ database: services.database, config: services.config, clock }),
    at: (minutes) =>
      clock.set(`${spotlight.date}T${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:00.000Z`),
  };
}

/** Minutes after midnight. */
const time = (hours: number, minutes: number) => hours * 60 + minutes;

/** A team member writes their record: themes, children, evidence, other notes; then submits. */
async function writeRecord(
  day: DayClock,
  spotlight: Spotlight,
  ctx: RequestContext,
  story: DemoRecordStory,
  reasons: readonly DemoAllocationRow[],
  start: number,
): Promise<Map<string, string>> {
  const { records, recordItems } = day.services;
  const minute = (n: number) => day.at(start + n);
  minute(0);
  const recordId = await records.mine(ctx, spotlight.id);
  const opened = await records.record(ctx, spotlight.id, recordId);
  const childOf = new Map(opened.children.map((c) => [c.kind, c]));
  for (const [i, recordChild] of opened.children.entries()) {
    minute(5 + 5 * i);
    const answers =
      recordChild.kind === 'random'
        ? story.random
        : recordChild.kind === 'proud' || recordChild.kind === 'challenging'
          ? nominatedStory(
              recordChild.kind,
              reasons.find((r) => r.id === recordChild.allocationId)?.reason ?? null,
            )
          : undefined;
    if (!answers) continue;
    await recordItems.saveChild(
      ctx,
      spotlight.id,
      recordId,
      recordChild.id,
      answers,
      recordChild.version,
    );
  }
  const evidenceIds = new Map<string, string>();
  for (const [i, item] of story.evidence.entries()) {
    minute(25 + 3 * i);
    const about = item.about ? childOf.get(item.about) : undefined;
    const id = await recordItems.addEvidence(ctx, spotlight.id, recordId, {
      theme: item.theme,
      source: item.source,
      kind: item.kind,
      seen: item.seen,
      childId: about?.id ?? null,
    });
    evidenceIds.set(item.key, id);
  }
  minute(45);
  let { version } = await records.saveNotes(
    ctx,
    spotlight.id,
    recordId,
    'themes',
    story.themes,
    opened.record.version,
  );
  minute(55);
  ({ version } = await records.saveNotes(
    ctx,
    spotlight.id,
    recordId,
    'other-notes',
    story.otherNotes,
    version,
  ));
  if (story.submits) {
    minute(60);
    await records.submit(ctx, spotlight.id, recordId, version);
  }
  return evidenceIds;
}

/** A demo sign-in in the Spotlight Team begins their record: a first note, a first child. */
async function beginRecord(
  day: DayClock,
  spotlight: Spotlight,
  ctx: RequestContext,
): Promise<void> {
  const { records, recordItems } = day.services;
  day.at(time(11, 15));
  const recordId = await records.mine(ctx, spotlight.id);
  const opened = await records.record(ctx, spotlight.id, recordId);
  await records.saveNotes(
    ctx,
    spotlight.id,
    recordId,
    'themes',
    demoBegunRecord.themes,
    opened.record.version,
  );
  const first = opened.children.find((c) => c.kind === 'random') ?? opened.children[0];
  if (!first) return;
  day.at(time(11, 40));
  await recordItems.saveChild(
    ctx,
    spotlight.id,
    recordId,
    first.id,
    {
      documentsRead: demoBegunRecord.random.documentsRead,
      lifeForChild: demoBegunRecord.random.lifeForChild,
      proportionate: null,
      proportionateWhy: '',
      goodEnough: null,
      goodEnoughWhy: '',
      strengths: '',
      areasToDevelop: '',
    },
    first.version,
  );
}

/** The Lead records the feedback given to the Team Manager and Head of Service. */
async function recordFeedback(
  day: DayClock,
  spotlight: Spotlight,
  lead: RequestContext,
): Promise<void> {
  const givenTo = [
    ...spotlight.team.managers.slice(0, 1),
    ...(spotlight.team.headOfService ? [spotlight.team.headOfService] : []),
  ].map((p) => p.id);
  if (givenTo.length === 0) return;
  day.at(time(16, 5));
  await day.services.feedback.save(
    lead,
    spotlight.id,
    {
      givenOn: spotlight.date,
      givenTo,
      othersPresent: `The Spotlight Team: ${listOf(spotlight.members.map((m) => m.name))}`,
      notes: demoFeedback.notes,
      suggestedActions: demoFeedback.suggestedActions,
    },
    0,
  );
}

/**
 * The afternoon of the Spotlight the demo senior leader leads, once its morning is recorded (each
 * member has children allocated) and while nothing of the afternoon is.
 */
export async function seedDemoAfternoon(services: Services): Promise<void> {
  const actors = await demoActors(services);
  const leader = actors.get('senior-leader');
  if (!leader) return;
  const spotlight = await demoLedSpotlight(services, leader);
  if (!spotlight || (await hasAfternoonRecords(services.database.db, spotlight.id))) return;
  const reasons = await listAllocationReasons(services.database.db, spotlight.id);
  if (reasons.length === 0) return;
  const signIns: SignIns = new Map(
    [...actors.values()].map((a): [string, Actor] => [a.personId, a]),
  );
  const day = dayOf(services, spotlight);

  const writers: PersonRef[] = spotlight.members.filter((m) => !signIns.has(m.id));
  const evidenceIds = new Map<string, string>();
  for (const [i, member] of writers.entries()) {
    const story = demoRecordStories[i % demoRecordStories.length];
    if (!story) continue;
    const ctx = demoContext(actorFor(member, signIns));
    const ids = await writeRecord(day, spotlight, ctx, story, reasons, time(12, 25 * i));
    for (const [key, id] of ids) if (!evidenceIds.has(key)) evidenceIds.set(key, id);
  }
  for (const member of spotlight.members.filter((m) => signIns.has(m.id))) {
    await beginRecord(day, spotlight, demoContext(actorFor(member, signIns)));
  }

  const lead = demoContext(leader);
  for (const [i, finding] of demoKeyFindings.entries()) {
    const restsOn = finding.restsOn.flatMap((key) => evidenceIds.get(key) ?? []);
    if (restsOn.length === 0) continue;
    day.at(time(14, 30 + 5 * i));
    await day.services.triangulation.addKeyFinding(lead, spotlight.id, finding.theme, {
      kind: finding.kind,
      text: finding.text,
      evidenceIds: restsOn,
    });
  }
  await recordFeedback(day, spotlight, lead);
}
