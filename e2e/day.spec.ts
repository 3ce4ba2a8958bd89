// The morning of the day from end to end: the Lead opens the day, records the priorities (a
// naughty string shown back as text), proposes the allocation, checks a random draw and draws a
// child again with a reason, and sets a team member a dip-sampling target; the member sees their
// children and ticks off progress; a reviewer of another Spotlight is refused the day.
import { Layout } from './pages/layout.js';
import {
  AllocationPage,
  DayPage,
  DipSamplingPage,
  DrawPage,
  PrioritiesPage,
  RedrawPage,
} from './pages/day.pages.js';
import { ForbiddenPage, SpotlightPage, YourTasksPage } from './pages/preparation.pages.js';
import { SignInPage } from './pages/sign-in.page.js';
import { MySpotlightsPage } from './pages/timetable.pages.js';
import { dayCouncil, daySpotlightFor, preparationDates } from './support/settings.js';
import { expect, test } from './support/test.js';

const naughty = '<script>alert(1)</script> & "quotes" ’ 🙂';
const priorities = ['Management oversight of supervision', `Children’s voice ${naughty}`];
const agreedWith = `The Team Manager and Head of Service ${naughty}`;
const practicalities = 'Meeting room 2 from 9am.\nAsk reception for visitor passes.';
const kinds = ['Chosen at random', 'A worker is proud of', 'A worker found challenging'];

test('the Lead runs the morning; a team member ticks off their target; outsiders are refused', async ({
  page,
  checkPage,
}, testInfo) => {
  // Every page is checked with axe, and three people sign in in turn.
  test.setTimeout(180_000);
  const fixture = daySpotlightFor(testInfo.project.name);
  const { date } = preparationDates();
  const layout = new Layout(page);
  const signIn = new SignInPage(page);
  const home = new YourTasksPage(page);
  const spotlightPage = new SpotlightPage(page);
  const day = new DayPage(page);
  const allocation = new AllocationPage(page);
  const dipSampling = new DipSamplingPage(page);
  const [member] = fixture.members;
  // The member whose random child is looked into and drawn again: a different one in each project,
  // the same every run, so a failure tied to one member can be reproduced.
  const projectIndex = ['desktop', 'no-javascript', 'mobile-320'].indexOf(testInfo.project.name);
  const chosenMember =
    fixture.members[Math.max(projectIndex, 0) % fixture.members.length] ?? member;
  const nominated = new Set(fixture.nominations.flatMap((n) => [n.proud, n.challenging]));
  let spotlightId = '';

  async function signInAs(email: string, name: string): Promise<void> {
    await page.goto('/');
    await signIn.expectShown();
    await checkPage();
    await signIn.signIn(email, dayCouncil.password);
    await home.expectShown(name);
    await checkPage();
  }

  async function signOut(): Promise<void> {
    await layout.signOut();
    await layout.expectHeading('You have signed out');
    await checkPage();
  }

  /** From "Your tasks", through "My Spotlights" and the Spotlight's page, to the day. */
  async function openTheDay(): Promise<void> {
    await layout.followNavigation('My Spotlights');
    const mine = new MySpotlightsPage(page);
    await mine.expectShown();
    await checkPage();
    await mine.cardHeading(date, fixture.team).getByRole('link').click();
    await spotlightPage.expectShown(fixture.team);
    spotlightId = spotlightPage.spotlightId();
    await checkPage();
    await page.getByRole('link', { name: 'The day', exact: true }).click();
    await day.expectShown(fixture.team);
    await checkPage();
  }

  await test.step('the Lead opens the day and sees the morning’s tasks', async () => {
    await signInAs(fixture.lead.email, fixture.lead.name);
    await openTheDay();
    for (const task of [
      'Agree priorities with the management group',
      'Allocate three children to each team member',
      'Set dip-sampling targets',
    ]) {
      await expect(day.task(task)).toContainText('To do');
    }
    await expect(page.getByText(fixture.teamManager.name, { exact: false })).toBeVisible();
  });

  await test.step('records the priorities, after being told one is needed', async () => {
    await day.openTask('Agree priorities with the management group');
    const form = new PrioritiesPage(page);
    await form.expectShown();
    await checkPage();
    await form.save();
    await form.expectShown();
    await layout.expectErrorSummary(
      'Enter at least one priority',
      'Enter who agreed the priorities, for example the Team Manager and Head of Service',
    );
    await checkPage();
    await layout.followErrorTo('Enter at least one priority', form.field('Priority 1'));

    await form.fill(priorities, agreedWith, practicalities);
    await form.save();
    await day.expectShown(fixture.team);
    await expect(layout.successBanner()).toContainText('Priorities saved');
    await expect(day.priorities()).toHaveText(priorities);
    await expect(page.getByText(`Agreed with ${agreedWith}.`, { exact: true })).toBeVisible();
    await expect(page.getByText('Ask reception for visitor passes.')).toBeVisible();
    await expect(day.task('Agree priorities with the management group')).toContainText('Done');
    await checkPage();
  });

  let randomChild = '';
  await test.step('proposes an allocation: three children for each team member', async () => {
    await day.openTask('Allocate three children to each team member');
    await allocation.expectShown();
    await checkPage();
    await allocation.propose();
    await allocation.expectShown();
    await expect(layout.successBanner()).toContainText(
      'Spotlight has proposed an allocation: three children for each team member',
    );
    const seen = new Set<string>();
    for (const someone of fixture.members) {
      for (const kind of kinds) {
        const child = await allocation.child(someone.name, kind);
        expect(child, `${someone.name}: ${kind}`).toMatch(/^LCS \d{6,8}$/);
        const number = child.slice(4);
        if (kind === kinds[0]) {
          expect(fixture.caseList).toContain(number);
          expect(nominated.has(number), 'a nominated child is never drawn at random').toBe(false);
        } else {
          expect(nominated.has(number)).toBe(true);
        }
        seen.add(number);
      }
    }
    expect(seen.size, 'no child is allocated twice').toBe(9);
    randomChild = await allocation.child(chosenMember.name, kinds[0] ?? '');
    await checkPage();
  });

  await test.step('“how this child was chosen”: checking the draw gives the same child', async () => {
    await allocation.openHowChosen(chosenMember.name);
    const draw = new DrawPage(page);
    await draw.expectShown();
    await expect(draw.detail('Child chosen')).toHaveText(randomChild);
    await expect(draw.detail('To be reviewed by')).toHaveText(chosenMember.name);
    await expect(draw.detail('Children on the case list')).toHaveText(
      String(fixture.caseList.length),
    );
    await checkPage();
    await draw.check();
    await draw.expectShown();
    await expect(draw.checked()).toContainText(
      `Drawing again from the same list gave the same child: ${randomChild}`,
    );
    await checkPage();
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await allocation.expectShown();
    await checkPage();
  });

  await test.step('draws that child again, giving a reason', async () => {
    const redraw = new RedrawPage(page);
    await allocation.drawAgain(chosenMember.name);
    await redraw.expectShown(chosenMember.name);
    await checkPage();
    await page.getByRole('button', { name: 'Draw again', exact: true }).click();
    await redraw.expectShown(chosenMember.name);
    const message = 'Enter why you are drawing again, for example the child’s case is closed';
    await layout.expectErrorSummary(message);
    await checkPage();
    await layout.followErrorTo(message, redraw.reason());

    await redraw.drawAgain(`The case closed last week ${naughty}`);
    await allocation.expectShown();
    await expect(layout.successBanner()).toContainText(
      `A new child was drawn at random for ${chosenMember.name}`,
    );
    const newChild = await allocation.child(chosenMember.name, kinds[0] ?? '');
    expect(newChild).toMatch(/^LCS \d{6,8}$/);
    expect(newChild).not.toBe(randomChild);
    expect(nominated.has(newChild.slice(4))).toBe(false);
    await checkPage();

    await allocation.openHowChosen(chosenMember.name);
    const draw = new DrawPage(page);
    await draw.expectShown();
    await expect(draw.detail('Child chosen')).toHaveText(newChild);
    await expect(page.getByText(`The Lead drew again in place of ${randomChild}`)).toBeVisible();
    await expect(page.locator('.govuk-inset-text')).toHaveText(
      `The case closed last week ${naughty}`,
    );
    await checkPage();
  });

  await test.step('sets a team member a dip-sampling target', async () => {
    await page.goto(`/spotlights/${spotlightId}/day`);
    await day.expectShown(fixture.team);
    await checkPage();
    await day.openTask('Set dip-sampling targets');
    await dipSampling.expectShown();
    await checkPage();
    await dipSampling.addTarget(
      member.name,
      5,
      'supervision records',
      'Is supervision reflective?',
    );
    await dipSampling.expectShown();
    await expect(layout.successBanner()).toContainText(`Target added for ${member.name}`);
    await expect(dipSampling.progressRow(member.name)).toContainText('5 supervision records');
    await expect(dipSampling.progressRow(member.name)).toContainText('0 of 5 done');
    await checkPage();
    await signOut();
  });

  await test.step('the team member sees their children and ticks off their target', async () => {
    await signInAs(member.email, member.name);
    await openTheDay();
    expect(page.url()).toContain(`/spotlights/${spotlightId}/day`);
    await day.openTask('Allocate three children to each team member');
    await allocation.expectShown();
    for (const kind of kinds) {
      await expect(allocation.row(member.name, kind).getByRole('cell').first()).toHaveText(
        /^LCS \d{6,8}$/,
      );
    }
    await expect(page.getByRole('button', { name: 'Propose an allocation' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Draw again/ })).toHaveCount(0);
    await checkPage();

    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await day.expectShown(fixture.team);
    await checkPage();
    await day.openTask('Set dip-sampling targets');
    await dipSampling.expectShown();
    await expect(dipSampling.myTarget('5 supervision records')).toContainText('0 of 5 done');
    await checkPage();
    await dipSampling.recordDone('5 supervision records', 2);
    await dipSampling.expectShown();
    await expect(layout.successBanner()).toContainText('Progress saved: 2 of');
    await expect(dipSampling.myTarget('5 supervision records')).toContainText('2 of 5 done');
    await checkPage();
    await signOut();
  });

  await test.step('a reviewer of another Spotlight is refused the day', async () => {
    const outsider = fixture.otherReviewer;
    await signInAs(outsider.email, outsider.name);
    const response = await page.goto(`/spotlights/${spotlightId}/day`);
    expect(response?.status()).toBe(403);
    await new ForbiddenPage(page).expectShown();
    await expect(page.getByText(priorities[0] ?? '')).toHaveCount(0);
    await checkPage();
    await signOut();
  });
});
