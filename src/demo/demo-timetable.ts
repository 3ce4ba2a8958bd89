// The demo council's timetable, added after its directory: the managers' rota nominations, a year
// plan for 2027 generated and published by the demo QA coordinator, and one cover a team member has
// already arranged. Everything goes through the services, as if each person had used the pages, so
// the audit log and the plan's history read as they would in a real council.
import { workingDaysBetween } from '../core/working-days.js';
import { londonToday } from '../features/timetable/calendar-invite.js';
import { defaultSettings, type PlanSettings } from '../features/timetable/plan-settings.js';
import type { PlanSpotlight } from '../features/timetable/timetable.model.js';
import type { RequestContext } from '../platform/context.js';
import { fromDbCount } from '../platform/db/convert.js';
import { Invalid } from '../platform/errors.js';
import { isRole, type Actor, type Role } from '../platform/policy.js';
import type { Services } from '../services.js';
import { demoEmail, demoPersonSigningInAs, demoSignInRoles } from './demo-council.js';
import { countPlans, findAccountsByEmail } from './demo.repository.js';

/** The council's closure days between Christmas and New Year (27 and 28 December are bank holidays). */
export const demoClosures = ['2027-12-24', '2027-12-29', '2027-12-30', '2027-12-31'];

/**
 * The demo's year: the first working day of January 2027 to mid-December 2027, with the issue's
 * default rules. A fixed year, not one worked out from today, so the demo is the same every time.
 */
export const demoPlanSettings: PlanSettings = {
  ...defaultSettings,
  from:
    workingDaysBetween('2027-01-01', '2027-01-31', {
      region: defaultSettings.region ?? 'england-and-wales',
      closures: demoClosures,
    })[0] ?? '2027-01-04',
  to: '2027-12-17',
  closures: demoClosures,
};

/** Why the demo team member could not go to one of their Spotlights. */
export const demoCoverReason = 'I am on a training course that day.';

type PlaceAs = 'Lead' | 'Team member';

/**
 * Who among the demo sign-ins should find themselves in the published plan, as what, and how many
 * times (the Staff sign-in twice: they give one Spotlight away to the cover they arrange).
 */
const placings: readonly { role: Role; as: PlaceAs; times: number }[] = [
  { role: 'senior-leader', as: 'Lead', times: 1 },
  { role: 'head-of-service', as: 'Lead', times: 1 },
  { role: 'hos-qa', as: 'Lead', times: 1 },
  { role: 'team-manager', as: 'Team member', times: 1 },
  { role: 'staff', as: 'Team member', times: 2 },
];

/** The sign-ins who may arrange the demo's cover, in order of preference. */
const coverGivers: readonly Role[] = ['staff', 'team-manager'];

export const demoContext = (actor: Actor): RequestContext => ({ actor, requestId: 'demo-seed' });

/** The demo's sign-ins as the policy sees them once signed in. */
export async function demoActors(services: Services): Promise<Map<Role, Actor>> {
  const emails = demoSignInRoles.map((role) => demoEmail(demoPersonSigningInAs(role).name));
  const rows = await findAccountsByEmail(services.database.db, emails);
  const actors = new Map<Role, Actor>();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    actors.set(row.role, {
      accountId: row.account_id,
      personId: row.person_id,
      name: row.name,
      role: row.role,
    });
  }
  return actors;
}

/** Every member of staff who can review goes on the rota, team by team. */
async function nominateReviewers(services: Services, ctx: RequestContext): Promise<void> {
  const { summary } = await services.rota.overview(ctx);
  for (const row of summary ?? []) {
    const team = await services.rota.team(ctx, row.id);
    const reviewers = team.staff.filter((p) => p.canReview).map((p) => p.id);
    if (reviewers.length > 0) await services.rota.saveNominations(ctx, team.id, reviewers);
  }
}

const memberIds = (s: PlanSpotlight) => s.members.map((m) => m.id);
const isIn = (s: PlanSpotlight, personId: string) =>
  s.lead?.id === personId || s.members.some((m) => m.id === personId);

/** The changes, fewest people moved first, that would put the person into this Spotlight. */
function editsPlacing(
  s: PlanSpotlight,
  personId: string,
  as: PlaceAs,
  keep: ReadonlySet<string>,
  maxMembers: number,
): { leadId: string; memberIds: string[] }[] {
  const leadId = s.lead?.id ?? '';
  if (as === 'Lead') return keep.has(leadId) ? [] : [{ leadId: personId, memberIds: memberIds(s) }];
  const edits: { leadId: string; memberIds: string[] }[] = [];
  if (s.members.length < maxMembers) edits.push({ leadId, memberIds: [...memberIds(s), personId] });
  for (const member of s.members) {
    if (keep.has(member.id)) continue;
    edits.push({ leadId, memberIds: memberIds(s).map((id) => (id === member.id ? personId : id)) });
  }
  return edits;
}

/**
 * Puts a person into one more Spotlight of the draft by hand, as the QA coordinator would: the first
 * change that breaks none of the plan's rules, never moving another demo sign-in. False if none does.
 */
async function placeOnce(
  services: Services,
  ctx: RequestContext,
  planId: string,
  personId: string,
  as: PlaceAs,
  keep: ReadonlySet<string>,
): Promise<boolean> {
  const { spotlights } = await services.timetable.getPlan(ctx, planId);
  const max = demoPlanSettings.membersPerSpotlight?.max ?? 4;
  for (const s of spotlights.filter((x) => !isIn(x, personId))) {
    for (const edit of editsPlacing(s, personId, as, keep, max)) {
      try {
        const outcome = await services.timetable.changeSpotlight(ctx, planId, s.id, {
          version: s.version,
          date: s.date,
          ...edit,
          confirmRuleBreaks: false,
        });
        if (outcome.status === 'saved') return true;
      } catch (error) {
        // Not someone who may lead or be a member (a directory changed since): leave them out.
        if (error instanceof Invalid) return false;
        throw error;
      }
    }
  }
  return false;
}

/** Makes sure each demo sign-in has Spotlights to see, where the rules allow. */
async function placeSignIns(
  services: Services,
  ctx: RequestContext,
  planId: string,
  actors: ReadonlyMap<Role, Actor>,
): Promise<void> {
  const keep = new Set([...actors.values()].map((a) => a.personId));
  for (const placing of placings) {
    const personId = actors.get(placing.role)?.personId;
    if (!personId) continue;
    const timesIn = async () =>
      (await services.timetable.getPlan(ctx, planId)).spotlights.filter((s) => isIn(s, personId))
        .length;
    while ((await timesIn()) < placing.times) {
      if (!(await placeOnce(services, ctx, planId, personId, placing.as, keep))) break;
    }
  }
}

/**
 * A demo sign-in who is a team member of two upcoming Spotlights cannot go to the later one and
 * arranges cover, so the QA coordinator has a notice waiting. False when nobody can.
 */
async function arrangeDemoCover(
  services: Services,
  qa: RequestContext,
  planId: string,
  actors: ReadonlyMap<Role, Actor>,
): Promise<boolean> {
  const today = londonToday(services.clock.now());
  const { spotlights } = await services.timetable.getPlan(qa, planId);
  for (const role of coverGivers) {
    const actor = actors.get(role);
    if (!actor) continue;
    const theirs = spotlights.filter(
      (s) => s.date >= today && s.members.some((m) => m.id === actor.personId),
    );
    if (theirs.length < 2) continue;
    const ctx = demoContext(actor);
    for (const s of theirs.slice(1).reverse()) {
      const choice = await services.cover.coverChoice(ctx, s.id);
      const cover = choice.options[0];
      if (!cover) continue;
      await services.cover.arrangeCover(ctx, s.id, {
        coverPersonId: cover.personId,
        reason: demoCoverReason,
        version: choice.spotlight.version,
      });
      return true;
    }
  }
  return false;
}

/**
 * Adds the demo's timetable when the database holds no plan yet (so a second run, or a council
 * that has started its own timetable, changes nothing). Returns the published plan's id, if added.
 */
export async function seedDemoTimetable(services: Services): Promise<string | null> {
  if (fromDbCount(await countPlans(services.database.db)) > 0) return null;
  const actors = await demoActors(services);
  const coordinator = actors.get('qa-coordinator');
  if (!coordinator) throw new Error('The demo council has no QA coordinator to plan its year');
  const qa = demoContext(coordinator);
  await nominateReviewers(services, qa);
  const planId = await services.timetable.generatePlan(qa, demoPlanSettings);
  await placeSignIns(services, qa, planId, actors);
  const { plan } = await services.timetable.getPlan(qa, planId);
  await services.timetable.publishPlan(qa, planId, plan.version);
  await arrangeDemoCover(services, qa, planId, actors);
  return planId;
}
