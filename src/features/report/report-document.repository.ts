// What the circulated report reads beyond report-facts: the evidence its grades rest on, and the
// case numbers this Spotlight holds (so that none of them reaches the report).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export interface EvidenceRow {
  id: string;
  source: string;
  kind: string;
  seen: string;
}

/** The Spotlight's evidence items with these ids (ids of other Spotlights are ignored). */
export async function findEvidence(
  db: Db,
  spotlightId: string,
  ids: readonly string[],
): Promise<EvidenceRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('evidence_item')
    .select(['id', 'source', 'kind', 'seen'])
    .where('spotlight_id', '=', spotlightId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Every case number the Spotlight reviewed or allocated. */
export async function listCaseNumbers(db: Db, spotlightId: string): Promise<string[]> {
  const [reviewed, allocated] = await Promise.all([
    db
      .selectFrom('record_child')
      .select('case_number')
      .where('spotlight_id', '=', spotlightId)
      .execute(),
    db
      .selectFrom('allocation')
      .select('case_number')
      .where('spotlight_id', '=', spotlightId)
      .execute(),
  ]);
  return [...reviewed, ...allocated].map((r) => r.case_number);
}

/** Spotlights with a final report of the teams the person works in, manages or heads. */
export async function listFinalReportsAboutTeamsOf(
  db: Db,
  personId: string,
): Promise<{ spotlight_id: string }[]> {
  return db
    .selectFrom('report')
    .innerJoin('spotlight', 'spotlight.id', 'report.spotlight_id')
    .innerJoin('team', 'team.id', 'spotlight.team_id')
    .select('report.spotlight_id')
    .where('report.status', '=', 'final')
    .where((eb) =>
      eb.or([
        eb('team.head_of_service_id', '=', personId),
        eb(
          'team.id',
          'in',
          eb.selectFrom('team_manager').select('team_id').where('person_id', '=', personId),
        ),
        eb(
          'team.id',
          'in',
          eb
            .selectFrom('person')
            .select('home_team_id')
            .where('id', '=', personId)
            .where('home_team_id', 'is not', null),
        ),
      ]),
    )
    .orderBy('spotlight.date', 'desc')
    .execute();
}
