// The email a published timetable sends (ADR 0012), one to each person it concerns, queued in the
// publishing transaction: the Spotlights they lead, those they are a team member of, and those of
// the teams they manage or head, so that leads, members, Team Managers and Heads of Service can
// put the days in their diaries and prepare. A plan published again sends again: it may differ.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { formatDate } from '../../platform/format.js';
import type { MailMessage, Outbox } from '../../platform/mail/outbox.js';
import type { PlanSpotlight } from './timetable.model.js';

interface Part {
  lead: string[];
  member: string[];
  team: string[];
}

const on = (s: PlanSpotlight) => `${s.team.name} on ${formatDate(s.date)}`;

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [title, ...lines.map((line) => `- ${line}`), ''];
}

export async function queuePublishedMail(
  trx: Kysely<Database>,
  outbox: Outbox,
  plan: { from: string; to: string },
  spotlights: readonly PlanSpotlight[],
): Promise<void> {
  const parts = new Map<string, Part>();
  const partOf = (personId: string) => {
    const part = parts.get(personId) ?? { lead: [], member: [], team: [] };
    parts.set(personId, part);
    return part;
  };
  for (const s of spotlights) {
    if (s.lead) partOf(s.lead.id).lead.push(on(s));
    for (const member of s.members) partOf(member.id).member.push(on(s));
  }
  // The visited teams' Team Managers and Head of Service prepare the team for the day.
  const teamIds = [...new Set(spotlights.map((s) => s.team.id))];
  const [managers, heads] = teamIds.length
    ? await Promise.all([
        trx
          .selectFrom('team_manager')
          .select(['team_id', 'person_id'])
          .where('team_id', 'in', teamIds)
          .execute(),
        trx
          .selectFrom('team')
          .select(['id as team_id', 'head_of_service_id as person_id'])
          .where('id', 'in', teamIds)
          .where('head_of_service_id', 'is not', null)
          .execute(),
      ])
    : [[], []];
  for (const s of spotlights) {
    const lead = s.lead ? `, led by ${s.lead.name}` : '';
    const concerned = [...managers, ...heads]
      .filter((row) => row.team_id === s.team.id && row.person_id)
      .map((row) => row.person_id as string);
    for (const personId of new Set(concerned)) partOf(personId).team.push(`${on(s)}${lead}`);
  }

  const recipients = await outbox.recipients(trx, [...parts.keys()]);
  const period = `${formatDate(plan.from)} to ${formatDate(plan.to)}`;
  const messages: MailMessage[] = recipients.map((to) => {
    const part = parts.get(to.id) ?? { lead: [], member: [], team: [] };
    return outbox.compose(
      'timetable.published',
      to,
      'The Spotlight timetable is published',
      [
        `The QA and Safeguarding Team has published the timetable of Spotlights from ${period}.`,
        '',
        ...section('You lead the Spotlight of:', part.lead),
        ...section('You are a team member in the Spotlight of:', part.member),
        ...section('The Spotlight of your team:', part.team),
        'See your Spotlights, and add them to your calendar:',
      ],
      '/my-spotlights',
    );
  });
  await outbox.queue(trx, messages);
}
