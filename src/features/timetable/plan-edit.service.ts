// Changing one Spotlight of a plan by hand: its date, its Lead, its members. Every change is
// checked against the plan's rules; one that breaks them is only saved when the QA coordinator
// says so, and the plan's history records what changed and which rules it broke.
import { jobRoleNames } from '../../core/job-roles.js';
import { checkPlan } from '../../core/rota/check-plan.js';
import type { RuleBreach } from '../../core/rota/plan.types.js';
import type { RequestContext } from '../../platform/context.js';
import { toDbJson } from '../../platform/db/convert.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { formatDate } from '../../platform/format.js';
import { newId } from '../../platform/ids.js';
import { assertCan } from '../../platform/policy.js';
import { loadPlanRules } from './plan-rules.js';
import { findNames } from './plan-rules.repository.js';
import {
  breachKey,
  idsIn,
  inWords,
  toPlan,
  toPlanned,
  toPlanSpotlights,
  type PlanSpotlight,
} from './timetable.model.js';
import {
  findPlan,
  insertPlanChange,
  listPlanMembers,
  listPlanSpotlights,
  replaceSpotlightMembers,
  updateSpotlight,
} from './timetable.repository.js';
import type { TimetableDeps } from './timetable.service.js';

export interface SpotlightEdit {
  version: number;
  date: string;
  leadId: string;
  memberIds: string[];
  /** Save even though the change breaks the rules. */
  confirmRuleBreaks: boolean;
}

export type SpotlightEditOutcome =
  | { status: 'unchanged' }
  | { status: 'saved'; breaches: string[] }
  | { status: 'breaks-rules'; breaches: string[] };

export interface PersonChoice {
  value: string;
  text: string;
}

const listFormat = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

export function createPlanEditService(deps: TimetableDeps) {
  const { db, clock, audit } = deps;

  /** The plan and the Spotlight, both still open to change. */
  async function load(planId: string, spotlightId: string) {
    const row = await findPlan(db, planId);
    if (!row) throw new NotFound('Plan');
    if (row.status === 'superseded') {
      throw new Conflict('This plan has been replaced by a newer plan, so it cannot be changed');
    }
    const plan = toPlan(row, new Map());
    const spotlights = toPlanSpotlights(
      await listPlanSpotlights(db, planId),
      await listPlanMembers(db, planId),
    );
    const spotlight = spotlights.find((s) => s.id === spotlightId);
    if (!spotlight) throw new NotFound('Spotlight');
    const planning = await loadPlanRules(db, plan.settings);
    return { plan, spotlights, spotlight, ...planning };
  }

  type Loaded = Awaited<ReturnType<typeof load>>;

  function choicesOf(loaded: Loaded) {
    const teamNames = new Map(loaded.teamRows.map((t) => [t.id, t.name]));
    const byId = new Map(loaded.personRows.map((p) => [p.id, p]));
    const describe = (id: string): string => {
      const row = byId.get(id);
      if (!row) return id;
      const role = jobRoleNames[row.job_role as keyof typeof jobRoleNames] ?? row.job_role;
      const team = row.home_team_id ? teamNames.get(row.home_team_id) : undefined;
      return `${row.name} (${role}${team ? `, ${team}` : ''})`;
    };
    const leads: PersonChoice[] = loaded.rules.people
      .filter((p) => p.canLead)
      .map((p) => ({ value: p.id, text: describe(p.id) }));
    const reviewers: PersonChoice[] = loaded.rules.people
      .filter((p) => p.canReview)
      .map((p) => ({ value: p.id, text: describe(p.id) }));
    // Whoever holds the place now stays choosable, even if no longer on the rota.
    const { lead, members } = loaded.spotlight;
    if (lead && !leads.some((c) => c.value === lead.id)) {
      leads.push({ value: lead.id, text: `${lead.name} (no longer a senior leader who can lead)` });
    }
    for (const member of members) {
      if (!reviewers.some((c) => c.value === member.id)) {
        reviewers.push({ value: member.id, text: `${member.name} (no longer on the rota)` });
      }
    }
    return { leads, reviewers };
  }

  async function namesFor(loaded: Loaded, texts: readonly string[]) {
    const names = new Map(loaded.names);
    const missing = idsIn(texts).filter((id) => !names.has(id));
    for (const n of await findNames(db, missing)) names.set(n.id, n.name);
    return names;
  }

  function summaryOf(
    spotlight: PlanSpotlight,
    edit: SpotlightEdit,
    name: (id: string) => string,
  ): { kinds: string[]; summary: string } {
    const kinds: string[] = [];
    const parts: string[] = [];
    const team = spotlight.team.name;
    if (edit.date !== spotlight.date) {
      kinds.push('moved');
      parts.push(
        `Moved ${team}’s Spotlight from ${formatDate(spotlight.date)} to ${formatDate(edit.date)}.`,
      );
    }
    if (edit.leadId !== (spotlight.lead?.id ?? '')) {
      kinds.push('lead-changed');
      parts.push(
        `Changed the Lead of ${team}’s Spotlight from ${spotlight.lead?.name ?? 'nobody'} to ${name(edit.leadId)}.`,
      );
    }
    const before = spotlight.members.map((m) => m.id);
    if (!sameSet(before, edit.memberIds)) {
      kinds.push('member-replaced');
      const removed = spotlight.members.filter((m) => !edit.memberIds.includes(m.id));
      const added = edit.memberIds.filter((id) => !before.includes(id));
      const said: string[] = [];
      if (removed.length > 0)
        said.push(`took off ${listFormat.format(removed.map((m) => m.name))}`);
      if (added.length > 0) said.push(`added ${listFormat.format(added.map(name))}`);
      parts.push(`Changed the members of ${team}’s Spotlight: ${said.join(' and ')}.`);
    }
    return { kinds, summary: parts.join(' ') };
  }

  return {
    /** One Spotlight of a plan with the people who may lead it or be its members. */
    async spotlightForEdit(ctx: RequestContext, planId: string, spotlightId: string) {
      assertCan(ctx.actor, 'timetable:manage');
      const loaded = await load(planId, spotlightId);
      return {
        plan: loaded.plan,
        spotlight: loaded.spotlight,
        ...choicesOf(loaded),
      };
    },

    async changeSpotlight(
      ctx: RequestContext,
      planId: string,
      spotlightId: string,
      edit: SpotlightEdit,
    ): Promise<SpotlightEditOutcome> {
      const actor = ctx.actor;
      assertCan(actor, 'timetable:manage');
      const loaded = await load(planId, spotlightId);
      const { plan, spotlight, spotlights, rules } = loaded;
      if (edit.date < plan.from || edit.date > plan.to) {
        throw new Invalid(
          'date',
          `Date must be between ${formatDate(plan.from)} and ${formatDate(plan.to)}, the plan’s start and end dates`,
        );
      }
      const { leads, reviewers } = choicesOf(loaded);
      if (!leads.some((c) => c.value === edit.leadId)) {
        throw new Invalid('lead', 'Select a Lead from the list');
      }
      const unknown = edit.memberIds.findIndex((id) => !reviewers.some((c) => c.value === id));
      if (unknown >= 0) throw new Invalid(`member${unknown + 1}`, 'Select a member from the list');
      if (spotlight.version !== edit.version) {
        throw new Conflict('Somebody else changed this Spotlight while you were working on it');
      }
      const name = (id: string) =>
        loaded.names.get(id) ??
        [spotlight.lead, ...spotlight.members].find((p) => p?.id === id)?.name ??
        'someone';
      const { kinds, summary } = summaryOf(spotlight, edit, name);
      if (kinds.length === 0) return { status: 'unchanged' };

      const current = toPlanned(spotlights);
      const edited = current.map((s, i) =>
        spotlights[i]?.id === spotlight.id
          ? { ...s, date: edit.date, lead: edit.leadId, members: [...edit.memberIds] }
          : s,
      );
      const before = new Set(checkPlan(rules, current).map(breachKey));
      const added: RuleBreach[] = checkPlan(rules, edited).filter((b) => !before.has(breachKey(b)));
      const names = await namesFor(
        loaded,
        added.map((b) => b.message),
      );
      const breaches = added.map((b) => ({ ...b, message: inWords(b.message, names) }));
      const words = breaches.map((b) => b.message);
      if (breaches.length > 0 && !edit.confirmRuleBreaks)
        return { status: 'breaks-rules', breaches: words };

      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const saved = await updateSpotlight(trx, spotlight.id, edit.version, {
          date: edit.date,
          lead_person_id: edit.leadId,
          updated_at: now,
        });
        if (!saved)
          throw new Conflict('Somebody else changed this Spotlight while you were working on it');
        if (kinds.includes('member-replaced')) {
          await replaceSpotlightMembers(trx, spotlight.id, edit.memberIds);
        }
        await insertPlanChange(trx, {
          id: newId(),
          plan_id: plan.id,
          spotlight_id: spotlight.id,
          at: now,
          actor_account_id: actor.accountId,
          actor_name: actor.name,
          kind: kinds[0] ?? 'moved',
          summary,
          warnings: breaches.length > 0 ? toDbJson(breaches) : null,
        });
        await audit.record(
          ctx,
          {
            action: 'timetable.spotlight-changed',
            objectType: 'spotlight',
            objectId: spotlight.id,
            details: {
              planId: plan.id,
              changes: kinds,
              ...(breaches.length > 0 ? { savedWithBrokenRules: breaches.map((b) => b.rule) } : {}),
            },
          },
          trx,
        );
      });
      return { status: 'saved', breaches: words };
    },
  };
}
