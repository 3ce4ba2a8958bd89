// Notices to the QA and Safeguarding Team about changes they must know of, such as cover a team
// member arranged: unread ones first, each marked as read by whoever dealt with it.
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbCount } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFound } from '../../platform/errors.js';
import { assertCan } from '../../platform/policy.js';
import { countUnreadNotices, findNotice, listNotices, markNoticeRead } from './cover.repository.js';

export interface TimetableNotice {
  id: string;
  at: string;
  message: string;
  read: boolean;
  readAt: string | null;
  spotlightId: string | null;
}

export type TimetableNoticesService = ReturnType<typeof createTimetableNoticesService>;

/** How many notices the page shows: all unread ones come first. */
const noticesShown = 200;

export function createTimetableNoticesService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async list(
      ctx: RequestContext,
    ): Promise<{ unread: TimetableNotice[]; read: TimetableNotice[] }> {
      assertCan(ctx.actor, 'timetable:manage');
      const notices = (await listNotices(db, noticesShown)).map((row): TimetableNotice => ({
        id: row.id,
        at: row.at,
        message: row.message,
        read: row.read_at !== null,
        readAt: row.read_at,
        spotlightId: row.spotlight_id,
      }));
      return { unread: notices.filter((n) => !n.read), read: notices.filter((n) => n.read) };
    },

    /** For the home page: how many notices nobody has read yet. */
    async unreadCount(ctx: RequestContext): Promise<number> {
      assertCan(ctx.actor, 'timetable:manage');
      return fromDbCount(await countUnreadNotices(db));
    },

    async markRead(ctx: RequestContext, noticeId: string): Promise<void> {
      assertCan(ctx.actor, 'timetable:manage');
      if (!(await findNotice(db, noticeId))) throw new NotFound('Notice');
      await markNoticeRead(db, noticeId, ctx.actor.accountId, clock.now().toISOString());
    },
  };
}
