// The demo council's day: the morning of the Spotlight the demo senior leader leads, recorded by
// them as Lead through the services: the priorities agreed with the management group, Spotlight's
// proposed allocation (its random draws real, so anyone can re-run them) and dip-sampling targets,
// one of which a team member has begun. A Spotlight with any of this already is left as it is.
import type { PersonRef, Spotlight } from '../features/spotlight/spotlight.service.js';
import type { Actor } from '../platform/policy.js';
import type { Services } from '../services.js';
import { actorFor, demoLedSpotlight, type SignIns } from './demo-preparation.js';
import { hasDayRecords } from './demo.repository.js';
import { demoActors, demoContext } from './demo-timetable.js';

/** The priorities the Lead agrees with the management group, in plain English. */
export const demoPriorities = [
  'How the team decides how often to visit children on child protection plans',
  'Whether supervision is reflective and recorded',
  'What the team has learnt from the two complaints this year',
  'How the team makes sure children’s own words are recorded in assessments',
];

/** The day's practicalities, as the Lead would write them for the Spotlight Team. */
export const demoPracticalities = [
  'Meet in room 2.14 at 9am; the Team Manager is free from 11 to 12.',
  'Lunch is in the staff kitchen on the second floor at 12:30.',
  'Triangulation in room 2.14 at 2pm; feedback to the Team Manager and Head of Service at 3:30pm.',
].join('\n');

/** Dip-sampling targets, one per team member in turn. */
export const demoTargets: readonly { howMany: number; ofWhat: string; focus: string }[] = [
  {
    howMany: 5,
    ofWhat: 'supervision records',
    focus: 'Is supervision reflective, and are the decisions recorded?',
  },
  {
    howMany: 4,
    ofWhat: 'child protection visit records',
    focus: 'Is how often to visit decided for each child, and are visits on time?',
  },
  {
    howMany: 3,
    ofWhat: 'assessments completed in the last month',
    focus: 'Are the child’s own words and wishes recorded?',
  },
];

/** Who agreed the priorities: the Team Manager and the team's Head of Service. */
function agreedWith(spotlight: Spotlight): string {
  const people = [
    ...spotlight.team.managers.slice(0, 1).map((m) => `${m.name} (Team Manager)`),
    ...(spotlight.team.headOfService
      ? [`${spotlight.team.headOfService.name} (Head of Service)`]
      : []),
  ];
  return people.length > 0 ? people.join(' and ') : 'The team’s management group';
}

/** A team member without a demo sign-in has begun their dip sampling (the sign-ins have not). */
async function beginDipSampling(
  services: Services,
  spotlight: Spotlight,
  member: PersonRef,
  signIns: SignIns,
): Promise<void> {
  const ctx = demoContext(actorFor(member, signIns));
  const target = (await services.dipSampling.page(ctx, spotlight.id)).mine?.[0];
  if (!target) return;
  await services.dipSampling.recordProgress(
    ctx,
    spotlight.id,
    target.id,
    Math.min(2, target.howMany),
    target.version,
  );
}

/** The morning of the Spotlight the demo senior leader leads, when nothing of it is recorded. */
export async function seedDemoDay(services: Services): Promise<void> {
  const actors = await demoActors(services);
  const leader = actors.get('senior-leader');
  if (!leader) return;
  const spotlight = await demoLedSpotlight(services, leader);
  if (!spotlight || (await hasDayRecords(services.database.db, spotlight.id))) return;
  const signIns: SignIns = new Map(
    [...actors.values()].map((a): [string, Actor] => [a.personId, a]),
  );
  const ctx = demoContext(leader);

  await services.day.savePriorities(
    ctx,
    spotlight.id,
    {
      priorities: demoPriorities,
      agreedWith: agreedWith(spotlight),
      practicalities: demoPracticalities,
    },
    0,
  );
  await services.allocation.propose(ctx, spotlight.id);
  for (const [index, member] of spotlight.members.entries()) {
    const target = demoTargets[index % demoTargets.length];
    if (!target) continue;
    await services.dipSampling.addTarget(ctx, spotlight.id, {
      memberPersonId: member.id,
      ...target,
    });
  }
  const started = spotlight.members.find((m) => !signIns.has(m.id)) ?? spotlight.members[0];
  if (started) await beginDipSampling(services, spotlight, started, signIns);
}
