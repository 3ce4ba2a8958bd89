// The Lead's key findings on the triangulation board: added, changed and removed per theme by the
// Lead only, each resting on the evidence the Lead chose, and read back for the report.
import type { Kysely } from 'kysely';
import {
  isEvidenceKind,
  themes,
  type EvidenceKind,
  type Theme,
  type ThemeKey,
} from '../../core/record-themes.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { toDbInstant, toDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { characters, checkId, cleanText } from '../day/day-input.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import { recordLimits } from './record-limits.js';
import {
  boardOrder,
  themeFrom,
  toBoardEvidence,
  toKeyFinding,
  type KeyFinding,
} from './triangulation.model.js';
import * as repo from './triangulation.repository.js';

export interface KeyFindingInput {
  kind: EvidenceKind;
  text: string;
  evidenceIds: string[];
}

const objectType = 'spotlight';

export function createKeyFindings(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, clock, audit, spotlights } = deps;

  const authorise = (ctx: RequestContext, spotlightId: string) =>
    spotlights.authorise(ctx, checkId(spotlightId, 'Spotlight'), 'spotlight:lead');

  async function findingsOf(spotlightId: string): Promise<KeyFinding[]> {
    return (await repo.listKeyFindings(db, spotlightId)).map(toKeyFinding);
  }

  async function findingOf(spotlight: Spotlight, theme: Theme, findingId: string) {
    const row = await repo.findKeyFinding(
      db,
      spotlight.id,
      theme.key,
      checkId(findingId, 'Key finding'),
    );
    if (!row) throw new NotFound('Key finding');
    return toKeyFinding(row);
  }

  /** The Lead's input checked again, as the rules say, against this theme's evidence. */
  async function checkFinding(
    trx: Kysely<Database>,
    spotlight: Spotlight,
    theme: Theme,
    input: KeyFindingInput,
  ): Promise<KeyFindingInput> {
    if (!isEvidenceKind(input.kind)) {
      throw new Invalid('kind', 'Select whether this is a strength or an area for development');
    }
    const text = cleanText(input.text);
    if (text === '') throw new Invalid('text', 'Enter the key finding');
    if (characters(text) > recordLimits.keyFinding) {
      throw new Invalid(
        'text',
        `The key finding must be ${recordLimits.keyFinding.toLocaleString('en-GB')} characters or fewer`,
      );
    }
    const wanted = [...new Set(input.evidenceIds)];
    const refused = new Invalid('evidence', 'Select only evidence from the list for this theme');
    if (wanted.some((id) => !/^[0-9A-Za-z_-]{1,64}$/.test(id))) throw refused;
    const found = await repo.existingEvidenceIds(trx, spotlight.id, theme.key, wanted);
    if (found.length !== wanted.length) throw refused;
    return { kind: input.kind, text, evidenceIds: wanted };
  }

  /** The form's choices: this theme's evidence, in board order. */
  async function formOf(ctx: RequestContext, spotlightId: string, themeSlug: string) {
    const spotlight = await authorise(ctx, spotlightId);
    const theme = themeFrom(themeSlug);
    const evidence = toBoardEvidence(await repo.listEvidence(db, spotlight.id, theme.key));
    return { spotlight, theme, evidence: boardOrder(evidence) };
  }

  const auditFinding = (
    ctx: RequestContext,
    trx: Kysely<Database>,
    action: string,
    spotlight: Spotlight,
    details: Record<string, unknown>,
  ) => audit.record(ctx, { action, objectType, objectId: spotlight.id, details }, trx);

  return {
    /** The add form's choices (the Lead only; anyone else is refused, audited). */
    findingForm: formOf,

    /** Adds a key finding at the end of the theme's list (the Lead only). */
    async addKeyFinding(
      ctx: RequestContext,
      spotlightId: string,
      themeSlug: string,
      input: KeyFindingInput,
    ): Promise<KeyFinding> {
      const spotlight = await authorise(ctx, spotlightId);
      const theme = themeFrom(themeSlug);
      const id = newId();
      const now = toDbInstant(clock.now());
      return db.transaction().execute(async (trx) => {
        const checked = await checkFinding(trx, spotlight, theme, input);
        const position = (await repo.maxKeyFindingPosition(trx, spotlight.id, theme.key)) + 1;
        await repo.insertKeyFinding(trx, {
          id,
          spotlight_id: spotlight.id,
          theme: theme.key,
          kind: checked.kind,
          text: checked.text,
          evidence_ids: toDbJson(checked.evidenceIds),
          position,
          created_by_person_id: ctx.actor?.personId ?? null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await auditFinding(ctx, trx, 'triangulation.key-finding-added', spotlight, {
          findingId: id,
          theme: theme.key,
          kind: checked.kind,
          evidence: checked.evidenceIds.length,
        });
        return { id, theme: theme.key, ...checked, position, version: 1 };
      });
    },

    /** One key finding with the form's choices, for the Lead to change or remove. */
    async keyFinding(
      ctx: RequestContext,
      spotlightId: string,
      themeSlug: string,
      findingId: string,
    ) {
      const form = await formOf(ctx, spotlightId, themeSlug);
      return { ...form, finding: await findingOf(form.spotlight, form.theme, findingId) };
    },

    /**
     * Changes the key finding read at `version` (the Lead only). Conflict when it was changed or
     * removed in the meantime; the audit entry commits with the change.
     */
    async changeKeyFinding(
      ctx: RequestContext,
      spotlightId: string,
      themeSlug: string,
      findingId: string,
      input: KeyFindingInput,
      version: number,
    ): Promise<KeyFinding> {
      const spotlight = await authorise(ctx, spotlightId);
      const theme = themeFrom(themeSlug);
      const finding = await findingOf(spotlight, theme, findingId);
      return db.transaction().execute(async (trx) => {
        const checked = await checkFinding(trx, spotlight, theme, input);
        const values = {
          kind: checked.kind,
          text: checked.text,
          evidence_ids: toDbJson(checked.evidenceIds),
          updated_at: toDbInstant(clock.now()),
        };
        if (!(await repo.updateKeyFinding(trx, spotlight.id, finding.id, values, version))) {
          throw new Conflict('Somebody changed this key finding while you were working on it');
        }
        await auditFinding(ctx, trx, 'triangulation.key-finding-changed', spotlight, {
          findingId: finding.id,
          theme: theme.key,
          kind: checked.kind,
          evidence: checked.evidenceIds.length,
          version: version + 1,
        });
        return { ...finding, ...checked, version: version + 1 };
      });
    },

    /** Removes a key finding (the Lead only); NotFound when it had already gone. */
    async removeKeyFinding(
      ctx: RequestContext,
      spotlightId: string,
      themeSlug: string,
      findingId: string,
    ): Promise<KeyFinding> {
      const spotlight = await authorise(ctx, spotlightId);
      const theme = themeFrom(themeSlug);
      const finding = await findingOf(spotlight, theme, findingId);
      const removed = await db.transaction().execute(async (trx) => {
        if (!(await repo.deleteKeyFinding(trx, spotlight.id, finding.id))) return false;
        await auditFinding(ctx, trx, 'triangulation.key-finding-removed', spotlight, {
          findingId: finding.id,
          theme: theme.key,
          kind: finding.kind,
        });
        return true;
      });
      if (!removed) throw new NotFound('Key finding');
      return finding;
    },

    /**
     * Every theme's key findings, in the themes' order, for the report. No permission check: the
     * report service has checked who is asking.
     */
    async keyFindings(spotlightId: string): Promise<{ theme: ThemeKey; findings: KeyFinding[] }[]> {
      const findings = await findingsOf(spotlightId);
      return themes.map((theme) => ({
        theme: theme.key,
        findings: findings.filter((f) => f.theme === theme.key),
      }));
    },
  };
}
