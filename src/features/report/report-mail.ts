// The emails the report's review and sign-off send, each queued in the transaction of the step it
// tells people about (ADR 0012): the draft sent to the team members for comment; the report
// submitted to the QA team; returned to the Lead; final; and circulated to the visited team's
// managers. They say what happened and link to the page to act on; they never hold a child's
// case number or the report's words, which stay behind Spotlight's sign-in.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { formatDate } from '../../platform/format.js';
import type { MailMessage, Outbox } from '../../platform/mail/outbox.js';
import type { Spotlight } from '../spotlight/spotlight.service.js';

const reportPath = (spotlightId: string) => `/spotlights/${spotlightId}/report`;

/** "the Spotlight of Assessment Team South on 1 March 2027" */
const spotlightName = (spotlight: Spotlight) =>
  `the Spotlight of ${spotlight.team.name} on ${formatDate(spotlight.date)}`;

export function createReportMail(outbox: Outbox) {
  const queue = (trx: Kysely<Database>, messages: MailMessage[]) => outbox.queue(trx, messages);

  return {
    /** The Lead sent the draft to the team members for comment. */
    async draftToMembers(trx: Kysely<Database>, spotlight: Spotlight): Promise<void> {
      const lead = spotlight.lead?.name ?? 'The Lead';
      const members = await outbox.recipients(
        trx,
        spotlight.members.map((m) => m.id).filter((id) => id !== spotlight.lead?.id),
      );
      const subject = `Draft report for your comments: ${spotlight.team.name} Spotlight`;
      await queue(
        trx,
        members.map((to) =>
          outbox.compose(
            'report.draft-to-members',
            to,
            subject,
            [
              `${lead} has sent you the draft report of ${spotlightName(spotlight)} for your comments.`,
              'Read the draft and add your comments:',
            ],
            `${reportPath(spotlight.id)}/comments`,
          ),
        ),
      );
    },

    /** The Lead submitted the report to the QA team: due back within 5 working days. */
    async submitted(
      trx: Kysely<Database>,
      spotlight: Spotlight,
      facts: { finalDue: string | null; flagged: boolean },
    ): Promise<void> {
      const lead = spotlight.lead?.name ?? 'The Lead';
      const reviewers = await outbox.inRoles(trx, ['hos-qa']);
      const coordinators = await outbox.inRoles(trx, ['qa-coordinator']);
      const subject = `Report submitted for review: ${spotlight.team.name} Spotlight`;
      const first = [
        `${lead} has submitted the report of ${spotlightName(spotlight)} to the QA and Safeguarding Team.`,
        ...(facts.flagged ? ['It has a grade of Inadequate, flagged for your attention.'] : []),
      ];
      const due = facts.finalDue ? ` by ${formatDate(facts.finalDue)}` : '';
      const reviewerIds = new Set(reviewers.map((r) => r.id));
      await queue(trx, [
        ...reviewers.map((to) =>
          outbox.compose(
            'report.submitted',
            to,
            subject,
            [...first, `Return it to the Lead with comments, or finalise it${due}:`],
            `${reportPath(spotlight.id)}/review`,
          ),
        ),
        ...coordinators
          .filter((to) => !reviewerIds.has(to.id))
          .map((to) =>
            outbox.compose(
              'report.submitted',
              to,
              subject,
              [...first, 'See where it stands:'],
              `${reportPath(spotlight.id)}/sign-off`,
            ),
          ),
      ]);
    },

    /** The Head of Service QA and Safeguarding returned the report to the Lead with comments. */
    async returned(trx: Kysely<Database>, spotlight: Spotlight): Promise<void> {
      const lead = await outbox.recipients(trx, spotlight.lead ? [spotlight.lead.id] : []);
      await queue(
        trx,
        lead.map((to) =>
          outbox.compose(
            'report.returned',
            to,
            `Report returned with comments: ${spotlight.team.name} Spotlight`,
            [
              `The Head of Service QA and Safeguarding has returned the report of ${spotlightName(spotlight)} to you with comments.`,
              'Read the comments, change the report and submit it again:',
            ],
            `${reportPath(spotlight.id)}/sign-off`,
          ),
        ),
      );
    },

    /** The report is final: the Lead or the QA team circulates it to the Team Manager. */
    async finalised(trx: Kysely<Database>, spotlight: Spotlight): Promise<void> {
      const lead = await outbox.recipients(trx, spotlight.lead ? [spotlight.lead.id] : []);
      const coordinators = await outbox.inRoles(trx, ['qa-coordinator']);
      const to = [...lead, ...coordinators.filter((c) => !lead.some((l) => l.id === c.id))];
      await queue(
        trx,
        to.map((person) =>
          outbox.compose(
            'report.finalised',
            person,
            `Report final: ${spotlight.team.name} Spotlight`,
            [
              `The report of ${spotlightName(spotlight)} is final.`,
              'Circulate it to the Team Manager for the wider team, and record that you have:',
            ],
            `${reportPath(spotlight.id)}/circulation`,
          ),
        ),
      );
    },

    /** The final report was circulated to the visited team's managers: they can read it. */
    async circulated(
      trx: Kysely<Database>,
      spotlight: Spotlight,
      recipientIds: readonly string[],
    ): Promise<void> {
      const recipients = await outbox.recipients(trx, recipientIds);
      await queue(
        trx,
        recipients.map((to) =>
          outbox.compose(
            'report.circulated',
            to,
            `Your team’s Spotlight report: ${spotlight.team.name}`,
            [
              `The final report of ${spotlightName(spotlight)} is ready for you and your team to read.`,
              'Read it, or download it as Word or PDF:',
            ],
            `${reportPath(spotlight.id)}/final`,
          ),
        ),
      );
    },
  };
}

export type ReportMail = ReturnType<typeof createReportMail>;
