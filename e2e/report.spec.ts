// The report from the first draft to the final report, on the project's Spotlight whose day is done
// (e2e/start-server.ts: records submitted, evidence on every theme from two sources, key findings,
// feedback given): the Lead starts the draft, sees the quality checks, replaces a jargon word,
// adds a recommendation (after an error), and sends the draft to the team members; a member
// comments; the Lead resolves it, records the Heads of Service's agreement and sends the report to
// the QA team, seeing what is still open; the Head of Service QA and Safeguarding returns it with
// comments; the Lead sends it again; the Head of Service QA finalises it; the Lead records its
// circulation to the Team Manager, who reads the final report. Every page is checked with axe.
import {
  AgreementPage,
  fillDate,
  RecommendationPage,
  ReportPage,
  SectionPage,
  SignOffPage,
  SubmitPage,
  type Recommendation,
} from './pages/report.pages.js';
import { Layout } from './pages/layout.js';
import { SpotlightPage, YourTasksPage } from './pages/preparation.pages.js';
import { SignInPage } from './pages/sign-in.page.js';
import { MySpotlightsPage } from './pages/timetable.pages.js';
import {
  reportCaseNumber,
  reportHeadOfServiceQa,
  reportJargon,
  reportKeyFindings,
  reportPassword,
  reportSpotlightDate,
} from './support/report-settings.js';
import { daySpotlightFor, qaCoordinator } from './support/settings.js';
import { expect, test } from './support/test.js';

const practice = 'Quality of practice';

const recommendation: Recommendation = {
  theme: 'Management oversight, challenge and support',
  action: 'Supervision records say what was decided for each child and why.',
  owner: 'Team Manager',
  dueOn: '2027-06-30',
  measure: 'Share of supervision records in the monthly audit that give the reason for decisions',
  baseline: '2 of 5 in the Spotlight’s sample',
  target: '4 of 5 by June 2027',
};
const memberComment = 'Could the summary say more about how settled the team is?';
const resolution = 'Thank you: I have said more about it in the culture section.';
const agreementNote = 'Agreed with the Head of Service at the service meeting.';
const returnComments = 'Please add what the grades rest on in the summary.';

function todayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

test('the Lead drafts the report, the team comments, the QA team returns then finalises it, and the Team Manager reads it', async ({
  page,
  checkPage,
}, testInfo) => {
  // Six sign-ins and every page checked with axe: slow with JavaScript off on a busy machine.
  test.setTimeout(300_000);
  const fixture = daySpotlightFor(testInfo.project.name);
  const date = reportSpotlightDate();
  const [member] = fixture.members;
  const layout = new Layout(page);
  const report = new ReportPage(page);
  const signOff = new SignOffPage(page);
  let spotlightId = '';
  const reportPath = () => `/spotlights/${spotlightId}/report`;

  async function signInAs(email: string, name: string): Promise<void> {
    const signIn = new SignInPage(page);
    await page.goto('/');
    await signIn.expectShown();
    await checkPage();
    await signIn.signIn(email, reportPassword);
    await new YourTasksPage(page).expectShown(name);
    await checkPage();
  }

  async function signOut(): Promise<void> {
    await layout.signOut();
    await layout.expectHeading('You have signed out');
    await checkPage();
  }

  async function open(path: string, heading: string | RegExp) {
    await page.goto(path);
    await layout.expectHeading(heading);
    await checkPage();
  }

  await test.step('the Lead starts the draft and sees the quality checks', async () => {
    await signInAs(fixture.lead.email, fixture.lead.name);
    await layout.followNavigation('My Spotlights');
    const mine = new MySpotlightsPage(page);
    await mine.expectShown();
    await checkPage();
    await mine.cardHeading(date, fixture.team).getByRole('link').click();
    const spotlight = new SpotlightPage(page);
    await spotlight.expectShown(fixture.team);
    spotlightId = spotlight.spotlightId();
    await checkPage();
    await open(reportPath(), 'Report');
    await report.startDraft();
    await report.expectShown();
    await expect(report.section('practice')).toContainText(
      reportKeyFindings.practice?.area ?? 'no finding',
    );
    await expect(report.checks('practice')).toContainText('CP');
    await checkPage();
  });

  await test.step('replaces the jargon word and adds a recommendation after an error', async () => {
    const section = new SectionPage(page);
    await report.changeSection('practice', practice);
    await section.expectShown(practice);
    await checkPage();
    const toImprove = section.field('What needs to improve');
    const written = await toImprove.inputValue();
    expect(written).toContain(reportJargon.term);
    await toImprove.fill(written.replace(reportJargon.term, reportJargon.plain));
    await section.field('What it means for children').fill('Children are visited when planned.');
    await section.save();
    await report.expectShown();
    await expect(layout.successBanner()).toContainText(`${practice} saved`);
    await expect(report.section('practice')).toContainText(reportJargon.plain);
    await expect(report.checks('practice')).not.toContainText('CP');
    await checkPage();

    const adding = new RecommendationPage(page);
    await report.addRecommendation();
    await adding.expectShown();
    await checkPage();
    await adding.save();
    await layout.expectErrorSummary('Enter what will change');
    await checkPage();
    await adding.fill(recommendation);
    await adding.save();
    await report.expectShown();
    await expect(layout.successBanner()).toContainText('Recommendation added');
    await expect(report.actionPlan()).toContainText(recommendation.action);
    await checkPage();
  });

  await test.step('sends the draft to the team members', async () => {
    await report.openSignOff();
    await signOff.expectShown();
    await checkPage();
    await signOff.sendToMembers();
    await signOff.expectShown();
    await expect(layout.successBanner()).toContainText(
      'Draft sent to the team members for comment',
    );
    await checkPage();
    await signOut();
  });

  await test.step('a team member comments on the summary', async () => {
    await signInAs(member.email, member.name);
    await open(`${reportPath()}/comments`, 'Comments on the draft report');
    const addComment = page.getByRole('button', { name: 'Add your comment' });
    await addComment.click();
    await layout.expectErrorSummary('Enter your comment');
    await checkPage();
    await page
      .getByLabel('Which part of the report is it about?')
      .selectOption({ label: 'Summary' });
    await page.getByLabel('Your comment', { exact: true }).fill(memberComment);
    await addComment.click();
    await layout.expectHeading('Comments on the draft report');
    await expect(layout.successBanner()).toContainText('Comment added');
    await expect(page.getByText(memberComment)).toBeVisible();
    await checkPage();
    await signOut();
  });

  await test.step('the Lead resolves it, records the agreement and sends the report', async () => {
    await signInAs(fixture.lead.email, fixture.lead.name);
    await open(`${reportPath()}/comments`, 'Comments on the draft report');
    await page.getByRole('link', { name: `Resolve the comment by ${member.name}` }).click();
    await layout.expectHeading('Resolve a comment');
    await expect(page.getByText(memberComment)).toBeVisible();
    await checkPage();
    await page.getByLabel('Your reply (optional)').fill(resolution);
    await page.getByRole('button', { name: 'Resolve the comment' }).click();
    await layout.expectHeading('Comments on the draft report');
    await expect(layout.successBanner()).toContainText('Comment resolved');
    await checkPage();

    const agreement = new AgreementPage(page);
    await open(`${reportPath()}/agreement`, 'Heads of Service agree the actions');
    await agreement.fill(todayInLondon(), agreementNote);
    await agreement.save();
    await signOff.expectShown();
    await expect(layout.successBanner()).toContainText('Heads of Service agreement recorded');
    await checkPage();

    const submit = new SubmitPage(page);
    await signOff.openStep('Send to the QA team');
    await submit.expectShown();
    await expect(page.locator('#checks')).toBeVisible();
    await expect(page.getByText('Every comment is resolved.')).toBeVisible();
    await checkPage();
    await submit.send();
    await signOff.expectShown();
    await expect(layout.successBanner()).toContainText('Report sent to the QA team');
    await checkPage();
    await signOut();
  });

  await test.step('the Head of Service QA returns it with comments', async () => {
    await signInAs(reportHeadOfServiceQa.email, reportHeadOfServiceQa.name);
    await open(`${reportPath()}/review`, 'Review the report');
    await page.getByLabel('What does the Lead need to change?').fill(returnComments);
    await page.getByRole('button', { name: 'Return it to the Lead' }).click();
    await expect(layout.successBanner()).toContainText('Report returned to the Lead');
    await checkPage();
    await signOut();
  });

  await test.step('the Lead sends it again', async () => {
    await signInAs(fixture.lead.email, fixture.lead.name);
    await open(`${reportPath()}/sign-off`, 'Review and sign-off');
    await expect(page.locator('#return-comments')).toContainText(returnComments);
    const submit = new SubmitPage(page);
    await signOff.openStep('Send to the QA team');
    await submit.expectShown();
    await checkPage();
    await submit.send();
    await signOff.expectShown();
    await expect(layout.successBanner()).toContainText('Report sent to the QA team');
    await checkPage();
    await signOut();
  });

  await test.step('the Head of Service QA finalises it', async () => {
    await signInAs(reportHeadOfServiceQa.email, reportHeadOfServiceQa.name);
    await open(`${reportPath()}/review`, 'Review the report');
    await page.getByRole('link', { name: 'Finalise the report' }).click();
    await layout.expectHeading('Finalise the report');
    await checkPage();
    await page.getByRole('button', { name: 'Finalise the report' }).click();
    await expect(layout.successBanner()).toContainText('Report finalised');
    await checkPage();
    await signOut();
  });

  await test.step('the Lead records its circulation to the Team Manager', async () => {
    await signInAs(fixture.lead.email, fixture.lead.name);
    await open(`${reportPath()}/circulation`, 'Circulate the final report');
    await page
      .getByRole('group', { name: 'Who was it sent to?' })
      .getByLabel(fixture.teamManager.name)
      .check();
    await fillDate(page, 'When was it sent?', todayInLondon());
    await page.getByRole('button', { name: 'Record it' }).click();
    await expect(layout.successBanner()).toContainText('Circulation of the final report recorded');
    await checkPage();
    await signOut();
  });

  await test.step('the Team Manager reads the final report, with no case numbers', async () => {
    await signInAs(fixture.teamManager.email, fixture.teamManager.name);
    await page.goto(`${reportPath()}/final`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await checkPage();
    await expect(page.getByRole('cell', { name: recommendation.action })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download as PDF' })).toBeVisible();
    const text = await page.locator('main').innerText();
    for (const i of [0, 1, 2]) expect(text).not.toContain(reportCaseNumber(i));
    await signOut();
  });

  await test.step('the QA coordinator sees the emails the steps wrote, waiting for a mail server', async () => {
    await page.goto('/');
    const signIn = new SignInPage(page);
    await signIn.expectShown();
    await checkPage();
    await signIn.signIn(qaCoordinator.email, qaCoordinator.password);
    await layout.expectHeading(`Welcome, ${qaCoordinator.name}`);
    await checkPage();
    await layout.followNavigation('Settings');
    await layout.expectHeading('Council settings');
    await checkPage();
    await page
      .getByRole('link', { name: 'See the emails Spotlight has sent, and any waiting or not sent' })
      .click();
    await layout.expectHeading('Emails');
    await checkPage();
    await expect(page.getByText('Emails are not being sent')).toBeVisible();
    const toTeamManager = page
      .getByRole('row')
      .filter({ hasText: fixture.teamManager.email })
      .filter({ hasText: 'Your team’s Spotlight report' });
    await expect(toTeamManager).toHaveCount(1);
    await expect(toTeamManager).toContainText('Waiting');
    await signOut();
  });
});
