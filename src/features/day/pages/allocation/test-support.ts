// For the allocation pages' tests: nominations and a case list written straight into the database
// (as the preparation pages would), the allocation and draws as stored, audit entries, and every
// address a page links or posts to (none may hold a case number).
import type { LightMyRequestResponse } from 'fastify';
import type { Agent, TestApp } from '../../../../../test/app.js';
import type {
  SpotlightFixture,
  SpotlightPersonKey,
} from '../../../../../test/spotlight-fixture.js';
import { fromDbJson } from '../../../../platform/db/convert.js';
import { newId } from '../../../../platform/ids.js';

export const practitioners = ['practitioner1', 'practitioner2', 'practitioner3'] as const;

/** Practitioner n names 710n001 (proud) and 720n002 (challenging). */
export const nominated = (n: number, kind: 'proud' | 'challenging') =>
  `7${kind === 'proud' ? 1 : 2}0${n}00${kind === 'proud' ? 1 : 2}`;

export async function addNomination(
  t: TestApp,
  f: SpotlightFixture,
  practitionerPersonId: string,
  kind: 'proud' | 'challenging',
  caseNumber: string,
  reason: string | null = null,
): Promise<string> {
  const id = newId();
  await t.services.database.db
    .insertInto('nomination')
    .values({
      id,
      spotlight_id: f.spotlightId,
      practitioner_person_id: practitionerPersonId,
      kind,
      case_system: 'LCS',
      case_number: caseNumber,
      reason,
      entered_by_person_id: f.personId.teamManager,
      entered_at: t.clock.now().toISOString(),
      late: 0,
      version: 1,
    })
    .execute();
  return id;
}

/**
 * Each of the three practitioners names two children; the case list holds `listSize` other
 * children and the nominated ones (as a real one would). Forwarded unless told otherwise.
 */
export async function prepare(
  t: TestApp,
  f: SpotlightFixture,
  options: { forwarded?: boolean; listSize?: number } = {},
) {
  const db = t.services.database.db;
  for (const [i, key] of practitioners.entries()) {
    for (const kind of ['proud', 'challenging'] as const)
      await addNomination(t, f, f.personId[key], kind, nominated(i + 1, kind), `Reason ${kind}`);
  }
  const others = Array.from({ length: options.listSize ?? 50 }, (_, i) => String(6000000 + i));
  const numbers = [
    ...others,
    ...practitioners.flatMap((_p, i) => [
      nominated(i + 1, 'proud'),
      nominated(i + 1, 'challenging'),
    ]),
  ];
  if (numbers.length > 0 && (options.listSize ?? 50) > 0) {
    await db
      .insertInto('case_list_entry')
      .values(
        numbers.map((n, i) => ({
          spotlight_id: f.spotlightId,
          position: i + 1,
          case_system: 'LCS',
          case_number: n,
        })),
      )
      .execute();
  }
  const at = t.clock.now().toISOString();
  await db
    .insertInto('spotlight_preparation')
    .values({
      spotlight_id: f.spotlightId,
      nominations_forwarded_at: options.forwarded === false ? null : at,
      nominations_forwarded_by_person_id:
        options.forwarded === false ? null : f.personId.teamManager,
      case_list_updated_at: at,
      case_list_updated_by_person_id: f.personId.teamManager,
      version: 1,
    })
    .execute();
  return { others };
}

export async function allocationRows(t: TestApp, spotlightId: string) {
  return t.services.database.db
    .selectFrom('allocation')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .orderBy('member_person_id')
    .orderBy('kind')
    .execute();
}

export async function drawRows(t: TestApp, spotlightId: string) {
  const rows = await t.services.database.db
    .selectFrom('random_draw')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .orderBy('drawn_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    ...row,
    pool: fromDbJson<string[]>(row.pool, []),
    exclusions: fromDbJson<string[]>(row.exclusions, []),
  }));
}

export async function auditEntries(t: TestApp, action: string, spotlightId: string) {
  const rows = await t.services.database.db
    .selectFrom('audit_event')
    .select(['actor_name', 'case_numbers', 'details'])
    .where('action', '=', action)
    .where('object_id', '=', spotlightId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    actorName: row.actor_name,
    caseNumbers: fromDbJson<string[]>(row.case_numbers, []),
    details: fromDbJson<Record<string, unknown>>(row.details, {}),
  }));
}

/** Every href and form action on a page, and where a response redirects to. */
export function urlsIn(response: LightMyRequestResponse): string[] {
  const urls = [...response.body.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1] ?? '');
  const location = response.headers.location;
  return typeof location === 'string' ? [...urls, location] : urls;
}

/** Fails when any address holds a case number. */
export function noCaseNumbersIn(response: LightMyRequestResponse, caseNumbers: readonly string[]) {
  const leaks = urlsIn(response).filter((url) => caseNumbers.some((n) => url.includes(n)));
  if (leaks.length > 0) throw new Error(`Case numbers in addresses: ${leaks.join(', ')}`);
}

/** The page's main text, without tags, spaces collapsed. */
export function textOf(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A browser signed in as the fixture's person, holding a form token for that session. */
export async function signInAs(f: SpotlightFixture, key: SpotlightPersonKey): Promise<Agent> {
  const browser = await f.as(key);
  await browser.get('/');
  return browser;
}
