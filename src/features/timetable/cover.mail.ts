// The emails a change of cover sends (ADR 0012), queued in the change's transaction: the person
// now covering is told the Spotlight is theirs, the Lead that their team has changed, and the QA
// and Safeguarding Team, whom the guidance says the member must tell. The member's reason stays
// in Spotlight's notice: it can be personal, and email leaves the council's systems.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { formatDate } from '../../platform/format.js';
import type { Outbox } from '../../platform/mail/outbox.js';

export interface CoverChange {
  spotlightId: string;
  teamName: string;
  date: string;
  leadPersonId: string | null;
  leavingName: string;
  coverPersonId: string;
  coverName: string;
}

export async function queueCoverMail(
  trx: Kysely<Database>,
  outbox: Outbox,
  change: CoverChange,
): Promise<void> {
  const day = `the Spotlight of ${change.teamName} on ${formatDate(change.date)}`;
  const subjectEnd = `${change.teamName} on ${formatDate(change.date)}`;
  const [cover, lead, qaTeam] = await Promise.all([
    outbox.recipients(trx, [change.coverPersonId]),
    outbox.recipients(trx, change.leadPersonId ? [change.leadPersonId] : []),
    outbox.inRoles(trx, ['qa-coordinator']),
  ]);
  await outbox.queue(trx, [
    ...cover.map((to) =>
      outbox.compose(
        'cover.you-cover',
        to,
        `You are covering a Spotlight: ${subjectEnd}`,
        [
          `${change.leavingName} cannot attend ${day} and has chosen you to take their place as a team member.`,
          'It is in your Spotlights, with a calendar invitation to add to your calendar:',
        ],
        '/my-spotlights',
      ),
    ),
    ...lead
      .filter((to) => to.id !== change.coverPersonId)
      .map((to) =>
        outbox.compose(
          'cover.lead-told',
          to,
          `Change to your Spotlight Team: ${subjectEnd}`,
          [
            `${change.leavingName} cannot attend ${day}. ${change.coverName} will take their place as a team member.`,
            'See the Spotlight:',
          ],
          `/spotlights/${change.spotlightId}`,
        ),
      ),
    ...qaTeam.map((to) =>
      outbox.compose(
        'cover.qa-told',
        to,
        `Cover arranged: ${subjectEnd}`,
        [
          `${change.leavingName} cannot attend ${day}. ${change.coverName} will take their place as a team member.`,
          'Read the notice, with their reason:',
        ],
        '/timetable/notices',
      ),
    ),
  ]);
}
