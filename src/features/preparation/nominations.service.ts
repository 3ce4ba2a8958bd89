// Practitioners' nominations: each practitioner of the visited team names one child they are proud
// of and one they found challenging; the Team Manager sees who has, adds for anyone, and forwards
// the list to the Spotlight Team. Every page that shows the children's numbers is audited.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { isUniqueViolation, toDbBool, toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PersonRef, Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import {
  deadlineFor,
  forwardingOf,
  namedBoth,
  nominationsOf,
  caseNumbersIn,
  practitionersOf,
  type PractitionerNominations,
  type SaveResult,
} from './nominations.model.js';
import * as repo from './nominations.repository.js';
import {
  checkNominations,
  nominationKinds,
  type NamedChild,
  type NominationKind,
  type NominationsInput,
} from './nominations.rules.js';

/** Thrown inside a save's transaction to undo it when somebody else saved first. */
class StaleNomination extends Error {}

export type NominationsService = ReturnType<typeof createNominationsService>;

export function createNominationsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, clock, audit, spotlights } = deps;

  async function everyone(spotlight: Spotlight, trx: Kysely<Database> = db) {
    const [rows, forwarding] = await Promise.all([
      repo.listNominations(trx, spotlight.id),
      repo.findForwarding(trx, spotlight.id),
    ]);
    return {
      rows: practitionersOf(spotlight).map((p) => nominationsOf(p, rows)),
      forwarding: forwardingOf(forwarding),
    };
  }

  async function one(spotlight: Spotlight, practitioner: PersonRef, trx: Kysely<Database> = db) {
    const [rows, forwarding] = await Promise.all([
      repo.listNominationsOf(trx, spotlight.id, practitioner.id),
      repo.findForwarding(trx, spotlight.id),
    ]);
    return { current: nominationsOf(practitioner, rows), forwarding: forwardingOf(forwarding) };
  }

  async function recordView(
    ctx: RequestContext,
    spotlight: Spotlight,
    rows: readonly PractitionerNominations[],
    view: string,
    trx: Kysely<Database> = db,
  ) {
    const caseNumbers = caseNumbersIn(rows);
    if (caseNumbers.length === 0) return;
    await audit.record(
      ctx,
      {
        action: 'preparation.nominations-viewed',
        objectType: 'spotlight',
        objectId: spotlight.id,
        caseNumbers,
        details: { view },
      },
      trx,
    );
  }

  /** A practitioner's nominations for a form, and the list's state. */
  async function formFor(
    ctx: RequestContext,
    spotlight: Spotlight,
    practitioner: PersonRef,
    show: boolean,
  ) {
    const { current, forwarding } = await one(spotlight, practitioner);
    // A page re-shown after a refused save shows what was typed, not what is saved.
    if (show) await recordView(ctx, spotlight, [current], 'form');
    return { spotlight, current, forwarding, deadline: deadlineFor(spotlight) };
  }

  async function save(
    ctx: RequestContext,
    spotlight: Spotlight,
    practitioner: PersonRef,
    input: NominationsInput,
    byManager: boolean,
  ): Promise<SaveResult> {
    const checked = checkNominations(input, spotlight.settings.caseNumberFormats);
    if (!checked.ok) return { status: 'invalid', problems: checked.problems };
    const lateNow = spotlight.today > deadlineFor(spotlight).due;
    const now = toDbInstant(clock.now());
    const enteredBy = ctx.actor?.personId ?? null;
    try {
      return await db.transaction().execute(async (trx): Promise<SaveResult> => {
        const { current, forwarding } = await one(spotlight, practitioner, trx);
        if (forwarding && !byManager) {
          await recordView(ctx, spotlight, [current], 'form', trx);
          return { status: 'forwarded', current, forwarding };
        }
        if (nominationKinds.some((kind) => (current[kind]?.version ?? 0) !== input.versions[kind]))
          throw new StaleNomination();
        const changes: { kind: NominationKind; change: string; late: boolean }[] = [];
        const caseNumbers = new Set<string>();
        for (const kind of nominationKinds) {
          const before = current[kind];
          const after: NamedChild | null = checked.children[kind];
          if (!before && !after) continue;
          if (before && !after) {
            if (!(await repo.deleteNomination(trx, before.id, before.version)))
              throw new StaleNomination();
            changes.push({ kind, change: 'removed', late: lateNow });
            caseNumbers.add(before.caseNumber);
            continue;
          }
          if (!after) continue;
          const fields = {
            case_system: after.system,
            case_number: after.caseNumber,
            reason: after.reason,
            entered_by_person_id: enteredBy,
            entered_at: now,
          };
          if (!before) {
            await repo.insertNomination(trx, {
              id: newId(),
              spotlight_id: spotlight.id,
              practitioner_person_id: practitioner.id,
              kind,
              ...fields,
              late: toDbBool(lateNow),
              version: 1,
            });
            changes.push({ kind, change: 'added', late: lateNow });
            caseNumbers.add(after.caseNumber);
            continue;
          }
          const sameChild =
            before.system === after.system && before.caseNumber === after.caseNumber;
          if (sameChild && before.reason === after.reason) continue;
          const late = sameChild ? before.late : lateNow;
          if (
            !(await repo.updateNomination(trx, before.id, before.version, {
              ...fields,
              late: toDbBool(late),
            }))
          )
            throw new StaleNomination();
          changes.push({ kind, change: 'changed', late });
          caseNumbers.add(before.caseNumber).add(after.caseNumber);
        }
        if (changes.length > 0) {
          await audit.record(
            ctx,
            {
              action: forwarding
                ? 'preparation.nomination-changed-after-forwarding'
                : 'preparation.nomination-saved',
              objectType: 'spotlight',
              objectId: spotlight.id,
              caseNumbers: [...caseNumbers],
              details: { practitionerPersonId: practitioner.id, byManager, changes },
            },
            trx,
          );
        }
        return { status: 'saved', practitioner, changed: changes.length > 0 };
      });
    } catch (error) {
      if (!(error instanceof StaleNomination) && !isUniqueViolation(error)) throw error;
      const { current } = await one(spotlight, practitioner);
      await recordView(ctx, spotlight, [current], 'form');
      return { status: 'conflict', current };
    }
  }

  function practitionerOf(spotlight: Spotlight, personId: string | undefined) {
    return practitionersOf(spotlight).find((p) => p.id === personId);
  }

  return {
    /**
     * The signed-in practitioner's own form. Undefined for the team's managers, who are in its staff
     * but collate the nominations rather than make them.
     */
    async mine(ctx: RequestContext, spotlightId: string, show = true) {
      const spotlight = await spotlights.authorise(
        ctx,
        spotlightId,
        'spotlight:nominate',
        'spotlight:prepare',
      );
      const practitioner = practitionerOf(spotlight, ctx.actor?.personId);
      if (!practitioner) {
        if (spotlights.can(ctx, spotlight, 'spotlight:prepare')) return undefined;
        throw new Forbidden();
      }
      return { practitioner, ...(await formFor(ctx, spotlight, practitioner, show)) };
    },

    async saveMine(
      ctx: RequestContext,
      spotlightId: string,
      input: NominationsInput,
    ): Promise<SaveResult> {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:nominate');
      const practitioner = practitionerOf(spotlight, ctx.actor?.personId);
      if (!practitioner) throw new Forbidden();
      return save(ctx, spotlight, practitioner, input, false);
    },

    /** A practitioner's form as the Team Manager sees it, to add or change for them. */
    async forPractitioner(ctx: RequestContext, spotlightId: string, personId: string, show = true) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:prepare');
      const practitioner = practitionerOf(spotlight, personId);
      if (!practitioner) throw new NotFound('Practitioner');
      return { practitioner, ...(await formFor(ctx, spotlight, practitioner, show)) };
    },

    async saveFor(
      ctx: RequestContext,
      spotlightId: string,
      personId: string,
      input: NominationsInput,
    ): Promise<SaveResult> {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:prepare');
      const practitioner = practitionerOf(spotlight, personId);
      if (!practitioner) throw new NotFound('Practitioner');
      return save(ctx, spotlight, practitioner, input, true);
    },

    /**
     * The nominations page: the whole team for its managers; the forwarded list for the Spotlight
     * Team; practitioners are sent to their own form.
     */
    async overview(ctx: RequestContext, spotlightId: string) {
      const spotlight = await spotlights.authorise(
        ctx,
        spotlightId,
        'spotlight:prepare',
        'spotlight:view-case-numbers',
        'spotlight:nominate',
      );
      const deadline = deadlineFor(spotlight);
      if (spotlights.can(ctx, spotlight, 'spotlight:prepare')) {
        const { rows, forwarding } = await everyone(spotlight);
        await recordView(ctx, spotlight, rows, 'team-manager');
        const both = rows.filter(namedBoth).length;
        return { view: 'manager' as const, spotlight, rows, forwarding, deadline, namedBoth: both };
      }
      if (spotlights.can(ctx, spotlight, 'spotlight:view-case-numbers')) {
        const { rows, forwarding } = await everyone(spotlight);
        const shown = forwarding ? rows.filter((r) => r.proud || r.challenging) : [];
        await recordView(ctx, spotlight, shown, 'spotlight-team');
        return { view: 'spotlight-team' as const, spotlight, rows: shown, forwarding, deadline };
      }
      return { view: 'practitioner' as const, spotlight };
    },

    /** For the forwarding page: who has not named both children yet. */
    async forwardSummary(ctx: RequestContext, spotlightId: string) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:prepare');
      const { rows, forwarding } = await everyone(spotlight);
      return {
        spotlight,
        forwarding,
        deadline: deadlineFor(spotlight),
        total: rows.length,
        namedBoth: rows.filter(namedBoth).length,
        missing: rows.filter((r) => !namedBoth(r)),
      };
    },

    /** Forwards the list to the Spotlight Team; forwarding again changes nothing. */
    async forward(ctx: RequestContext, spotlightId: string) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:prepare');
      return db.transaction().execute(async (trx) => {
        const { rows, forwarding } = await everyone(spotlight, trx);
        if (forwarding) return { status: 'already' as const, forwarding };
        const at = toDbInstant(clock.now());
        await repo.markNominationsForwarded(trx, spotlight.id, at, ctx.actor?.personId ?? null);
        const deadline = deadlineFor(spotlight);
        await audit.record(
          ctx,
          {
            action: 'preparation.nominations-forwarded',
            objectType: 'spotlight',
            objectId: spotlight.id,
            details: {
              practitioners: rows.length,
              namedBoth: rows.filter(namedBoth).length,
              due: deadline.due,
              late: deadline.status.state === 'late',
            },
          },
          trx,
        );
        return { status: 'forwarded' as const };
      });
    },

    /**
     * How far the nominations have come, for the readiness checklist and "Your tasks" (which
     * check the person's permission themselves). Shows no case numbers.
     */
    async progress(spotlight: Spotlight) {
      const { rows, forwarding } = await everyone(spotlight);
      return {
        practitioners: rows.length,
        namedBoth: rows.filter(namedBoth).length,
        namedAny: rows.filter((r) => r.proud || r.challenging).length,
        forwardedAt: forwarding?.at ?? null,
        due: deadlineFor(spotlight).due,
      };
    },
  };
}
