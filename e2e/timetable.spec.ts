// The timetable from end to end: the QA coordinator plans a year, changes a Spotlight against the
// rules (and saves it anyway), publishes the plan and opens the calendar; a team member downloads
// the calendar invite and arranges cover; the QA coordinator reads the notice this sent.
import { Layout } from './pages/layout.js';
import { SignInPage } from './pages/sign-in.page.js';
import {
  CalendarPage,
  CoverPage,
  MySpotlightsPage,
  NewPlanPage,
  NoticesPage,
  PlanPage,
  PublishPage,
  RuleWarningPage,
  SpotlightEditPage,
  TimetablePage,
  dateInWords,
  saturdayAfter,
  type SpotlightRow,
} from './pages/timetable.pages.js';
import { qaCoordinator, timetableCouncil } from './support/settings.js';
import { expect, test } from './support/test.js';

// The projects share one server: each plans its own year, so that its plan, its Spotlights and
// the notice it causes are its own (publishing a plan replaces the one published before it).
const projects = ['desktop', 'no-javascript', 'mobile-320'];

function planYear(project: string): number {
  const index = projects.indexOf(project);
  return new Date().getFullYear() + 1 + (index < 0 ? projects.length : index);
}

/** 9am in London on a day, as the calendar file's UTC start: "20271213T090000Z". */
function londonNineAmUtc(date: string): string {
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const utcHour = [9, 8].find((h) => hour.format(new Date(`${date}T0${h}:00:00Z`)) === '09') ?? 9;
  return `${date.replace(/-/g, '')}T0${utcHour}0000Z`;
}

const reviewers = timetableCouncil.teams.flatMap((team) =>
  team.reviewers.map((person) => ({ ...person, team: team.name })),
);
const leaderNames = timetableCouncil.seniorLeaders.map((leader) => leader.name);

test('the QA coordinator plans and publishes a year; a member arranges cover', async ({
  page,
  checkPage,
}, testInfo) => {
  // The solver takes a few seconds, and every page is checked with axe.
  test.setTimeout(180_000);
  const year = planYear(testInfo.project.name);
  const from = `${year}-01-04`;
  const to = `${year}-12-17`;
  const layout = new Layout(page);
  const signIn = new SignInPage(page);
  const planPage = new PlanPage(page);
  const timetable = new TimetablePage(page);
  let plan: SpotlightRow[] = [];
  let moved = { team: '', from: '', to: '' };

  await test.step('the QA coordinator signs in and plans a new year', async () => {
    await page.goto('/');
    await checkPage();
    await signIn.signIn(qaCoordinator.email, qaCoordinator.password);
    await layout.expectHeading(`Welcome, ${qaCoordinator.name}`);
    await checkPage();
    await layout.followNavigation('Timetable');
    await timetable.expectShown();
    await checkPage();
    await timetable.planNewYear();
    const newPlan = new NewPlanPage(page);
    await newPlan.expectShown();
    await checkPage();
    // The other journeys' teams are planned too (the directory journey adds three in each
    // project, the preparation and day journeys four each), so by the last project about twenty
    // teams share this council's 20 reviewers. At 3 times each their 60 places would all be taken
    // and nobody would be left to cover; 4 times each leaves room.
    await newPlan.fill({
      from,
      to,
      mostPerDay: 2,
      fewestMembers: 3,
      mostMembers: 4,
      mostTimesAMember: 4,
      mostTimesALead: 12,
      closures: [`${year}-08-27`, `24/12/${year}`],
    });
    await newPlan.planTheYear();
    await planPage.expectShown(from, to, 90_000);
    await expect(layout.successBanner()).toContainText(
      'Plan generated. It is a draft until you publish it',
    );
    await planPage.expectState('Draft');
    await expect(
      page.getByText(/^(The best possible plan was found\.|A good plan was found;)/),
    ).toBeVisible();
    await checkPage();
  });

  await test.step('the plan has every team, with its Lead and members', async () => {
    plan = await planPage.spotlights();
    for (const team of timetableCouncil.teams) {
      const spotlights = plan.filter((s) => s.team === team.name);
      expect(spotlights, `${team.name} has one Spotlight`).toHaveLength(1);
      const ownStaff = team.reviewers.map((p) => p.name);
      expect(spotlights[0]?.members.filter((m) => ownStaff.includes(m))).toEqual([]);
    }
    // Other journeys add teams of their own to the directory: they are planned too.
    for (const spotlight of plan) {
      expect(leaderNames, `the Lead of ${spotlight.team}`).toContain(spotlight.lead);
      expect(spotlight.members.length).toBeGreaterThanOrEqual(3);
      expect(spotlight.members.length).toBeLessThanOrEqual(4);
      for (const member of spotlight.members) {
        expect(reviewers.map((r) => r.name)).toContain(member);
      }
      expect(spotlight.date >= from && spotlight.date <= to).toBe(true);
    }
  });

  await test.step('move a Spotlight to a Saturday and save it anyway', async () => {
    const first = plan[0];
    if (!first) throw new Error('The plan has no Spotlights');
    await planPage.change(first.team);
    const edit = new SpotlightEditPage(page);
    await edit.expectShown(first.team);
    expect(await edit.date()).toBe(first.date);
    await checkPage();
    moved = { team: first.team, from: first.date, to: saturdayAfter(first.date) };
    await edit.moveTo(moved.to);
    const warning = new RuleWarningPage(page);
    const saturday = dateInWords(moved.to);
    await warning.expectBrokenRule(`${saturday} is not a working day`);
    await checkPage();
    await warning.saveAnyway();
    await planPage.expectShown(from, to);
    await expect(layout.successBanner()).toContainText(
      'Spotlight changed. The plan’s history records the rules it breaks',
    );
    const entry = planPage.historyEntry(
      `Moved ${moved.team}’s Spotlight from ${dateInWords(moved.from)} to ${saturday}.`,
    );
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('Saved although it breaks these rules:');
    await expect(entry).toContainText(`${saturday} is not a working day`);
    await checkPage();
    plan = await planPage.spotlights();
    expect(plan.find((s) => s.team === moved.team)?.date).toBe(moved.to);
  });

  await test.step('publish the plan and see it in the timetable and the calendar', async () => {
    await planPage.publish();
    const publish = new PublishPage(page);
    await publish.expectHeading('Publish this plan?');
    await checkPage();
    await publish.confirm(plan.length);
    await planPage.expectShown(from, to);
    await expect(layout.successBanner()).toContainText('Plan published');
    await planPage.expectState('Published');
    await checkPage();

    await layout.followNavigation('Timetable');
    await timetable.expectShown();
    await timetable.expectPublished(from, to);
    await timetable.expectSpotlight(moved.to, moved.team);
    await checkPage();
    await timetable.openCalendar();
    const calendar = new CalendarPage(page);
    await calendar.expectShown(from, to);
    await calendar.expectDay(moved.to, moved.team);
    await checkPage();
    await layout.signOut();
    await layout.expectHeading('You have signed out');
    await checkPage();
  });

  // A member of the last Spotlight of the year (not the one that was moved).
  const covered = plan.at(-1);
  if (!covered || covered.team === moved.team) throw new Error('The plan has too few Spotlights');
  const member = reviewers.find((r) => r.name === covered.members[0]);
  if (!member) throw new Error(`${covered.members[0] ?? 'Nobody'} is not in the fixture council`);
  let coverName = '';

  await test.step('a team member downloads the invite and arranges cover', async () => {
    await page.goto('/');
    await signIn.expectShown();
    await checkPage();
    await signIn.signIn(member.email, timetableCouncil.password);
    await layout.expectHeading(`Welcome, ${member.name}`);
    await checkPage();
    await layout.followNavigation('My Spotlights');
    const mine = new MySpotlightsPage(page);
    await mine.expectShown();
    await expect(mine.cardHeading(covered.date, covered.team)).toBeVisible();
    await checkPage();

    const invite = await mine.downloadInvite(covered.date, covered.team);
    expect(invite.contentType).toMatch(/^text\/calendar/);
    expect(invite.contentDisposition).toBe(`attachment; filename="spotlight-${covered.date}.ics"`);
    expect(invite.fileName).toBe(`spotlight-${covered.date}.ics`);
    expect(invite.text).toContain('BEGIN:VCALENDAR');
    expect(invite.text).toContain(`DTSTART:${londonNineAmUtc(covered.date)}`);
    expect(invite.text).toContain(`Team Spotlight: ${covered.team}`);
    await mine.expectShown();

    await mine.cannotAttend(covered.date, covered.team);
    const cover = new CoverPage(page);
    await cover.expectShown(covered.date, covered.team);
    await checkPage();
    coverName = await cover.chooseFirst();
    expect(reviewers.map((r) => r.name)).toContain(coverName);
    expect(covered.members).not.toContain(coverName);
    await cover.confirm();
    await mine.expectShown();
    await expect(layout.successBanner()).toContainText(
      `${coverName} will take your place in the Spotlight of ${covered.team}. The Quality Assurance and Safeguarding Team has been told.`,
    );
    await expect(mine.cardHeading(covered.date, covered.team)).toHaveCount(0);
    await checkPage();
    await layout.signOut();
    await layout.expectHeading('You have signed out');
    await checkPage();
  });

  await test.step('the QA coordinator sees the notice and marks it read', async () => {
    const message = `Cover arranged for ${covered.team} on ${dateInWords(covered.date)}: ${member.name} cannot attend; ${coverName} will cover.`;
    await page.goto('/');
    await checkPage();
    await signIn.signIn(qaCoordinator.email, qaCoordinator.password);
    await layout.expectHeading(`Welcome, ${qaCoordinator.name}`);
    const notices = new NoticesPage(page);
    await expect(notices.homePageLink()).toBeVisible();
    await checkPage();
    await notices.homePageLink().click();
    await notices.expectShown();
    await expect(notices.unread(message)).toHaveCount(1);
    await checkPage();
    await notices.markRead(message);
    await notices.expectShown();
    await expect(layout.successBanner()).toContainText('Notice marked as read');
    await expect(notices.unread(message)).toHaveCount(0);
    await expect(notices.read(message)).toHaveCount(1);
    await checkPage();

    // The plan's history has the cover too.
    await layout.followNavigation('Timetable');
    await timetable.expectShown();
    await checkPage();
    await page.getByRole('link', { name: 'See the plan and its history' }).click();
    await planPage.expectShown(from, to);
    await expect(
      planPage.historyEntry(`${member.name} cannot attend; ${coverName} will cover`),
    ).toHaveCount(1);
    await checkPage();
    await layout.signOut();
    await layout.expectHeading('You have signed out');
    await checkPage();
  });
});
