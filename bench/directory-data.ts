// Generates a large county's directory for benchmarks: service areas, teams and people.
import type { Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.js';
import { newId } from '../src/platform/ids.js';
import { jobRoles } from '../src/core/job-roles.js';

export async function generateDirectory(
  db: Kysely<Database>,
  size: { serviceAreas: number; teams: number; people: number },
): Promise<{ teamIds: string[]; personIds: string[] }> {
  const now = new Date().toISOString();
  const areaIds = Array.from({ length: size.serviceAreas }, () => newId());
  const teamIds = Array.from({ length: size.teams }, () => newId());
  const personIds = Array.from({ length: size.people }, () => newId());
  await db.transaction().execute(async (trx) => {
    for (const [i, id] of areaIds.entries()) {
      const name = `Service area ${i + 1}`;
      await trx
        .insertInto('service_area')
        .values({
          id,
          name,
          name_key: name.toLowerCase(),
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (const [i, id] of teamIds.entries()) {
      const name = `Team ${i + 1}`;
      await trx
        .insertInto('team')
        .values({
          id,
          name,
          name_key: name.toLowerCase(),
          service_area_id: areaIds[i % areaIds.length] as string,
          head_of_service_id: null,
          recording_system: i % 7 === 0 ? 'EHM' : 'LCS',
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (let start = 0; start < personIds.length; start += 200) {
      const batch = personIds.slice(start, start + 200).map((id, j) => {
        const n = start + j + 1;
        return {
          id,
          name: `Person ${n}`,
          email: `person${n}@bench.example`,
          job_role: jobRoles[n % jobRoles.length] as string,
          home_team_id: teamIds[n % teamIds.length] as string,
          slt_member: n % 50 === 0 ? 1 : 0,
          can_review: n % 3 === 0 ? 1 : 0,
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        };
      });
      await trx.insertInto('person').values(batch).execute();
    }
  });
  return { teamIds, personIds };
}
