// Preparation from end to end: the visited team's Team Manager adds the preparation pack (and is
// told plainly why a disguised file is refused), names two children for a practitioner and
// forwards the list; a team member reads the pack and the nominations; a reviewer of another
// Spotlight is refused both pages; and the QA coordinator finds the refusals in the audit log.
import { readFile, writeFile } from 'node:fs/promises';
import { minimalPdf } from '../test/fixtures/sample-files.js';
import { Layout } from './pages/layout.js';
import {
  AuditLogPage,
  ForbiddenPage,
  ForwardNominationsPage,
  ForwardedNominationsPage,
  ManagerNominationsPage,
  NominationsFormPage,
  PreparationPackPage,
  SpotlightPage,
  YourTasksPage,
  type Nomination,
} from './pages/preparation.pages.js';
import { SignInPage } from './pages/sign-in.page.js';
import { MySpotlightsPage } from './pages/timetable.pages.js';
import {
  preparationCouncil,
  preparationDates,
  preparationSpotlightFor,
  qaCoordinator,
} from './support/settings.js';
import { expect, test } from './support/test.js';

const types = {
  actionPlan: 'Team action plan',
  performance: 'Performance data (Power BI exports)',
};

// Two children, by LCS number (the council's default format: 6 to 8 digits), never by name.
const proud: Nomination = {
  system: 'LCS',
  number: '1234567',
  reason: 'Careful direct work that the family trusted',
};
const challenging: Nomination = {
  system: 'LCS',
  number: '76543210',
  reason: 'Planning drifted before the review',
};

test('the Team Manager prepares; the Spotlight Team reads it; outsiders are refused', async ({
  page,
  checkPage,
}, testInfo) => {
  // Every page is checked with axe, and four people sign in in turn.
  test.setTimeout(180_000);
  const fixture = preparationSpotlightFor(testInfo.project.name);
  const { date } = preparationDates();
  const [practitioner, otherPractitioner] = fixture.practitioners;
  const [member] = fixture.members;
  const layout = new Layout(page);
  const signIn = new SignInPage(page);
  const home = new YourTasksPage(page);
  const spotlightPage = new SpotlightPage(page);
  const pack = new PreparationPackPage(page);
  const nominations = new ManagerNominationsPage(page);
  const forwarded = new ForwardedNominationsPage(page);
  let spotlightId = '';

  // The files the Team Manager has on their computer: a PDF, a CSV, and a program named ".pdf".
  const actionPlan = testInfo.outputPath('team-action-plan.pdf');
  const performance = testInfo.outputPath('performance-data.csv');
  const disguised = testInfo.outputPath('action-plan.pdf');
  await writeFile(actionPlan, minimalPdf());
  await writeFile(performance, 'Month,Referrals,Assessments on time\nOctober,42,38\n');
  await writeFile(disguised, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04]));

  /** Signs in from the sign-in page and lands on "Your tasks". */
  async function signInAs(email: string, password: string, name: string): Promise<void> {
    await page.goto('/');
    await signIn.expectShown();
    await checkPage();
    await signIn.signIn(email, password);
    await home.expectShown(name);
    await checkPage();
  }

  async function signOut(): Promise<void> {
    await layout.signOut();
    await layout.expectHeading('You have signed out');
    await checkPage();
  }

  await test.step('the Team Manager sees their tasks and opens the preparation pack', async () => {
    const manager = fixture.teamManager;
    await signInAs(manager.email, preparationCouncil.password, manager.name);
    await expect(home.task('Send the preparation documents', fixture.team)).toBeVisible();
    await expect(
      home.task('Collate and forward practitioners’ nominations', fixture.team),
    ).toBeVisible();
    await home.open('Send the preparation documents', fixture.team);
    await pack.expectShown(fixture.team);
    await expect(page.getByRole('heading', { name: 'Add a document' })).toBeVisible();
    await checkPage();
  });

  await test.step('adds a team action plan and performance data', async () => {
    await pack.addDocument(types.actionPlan, actionPlan);
    await pack.expectShown(fixture.team);
    await expect(layout.successBanner()).toContainText(
      'team-action-plan.pdf added to the preparation pack',
    );
    await expect(pack.document(types.actionPlan, 'team-action-plan.pdf')).toBeVisible();
    await checkPage();

    await pack.addDocument(types.performance, performance);
    await pack.expectShown(fixture.team);
    await expect(layout.successBanner()).toContainText(
      'performance-data.csv added to the preparation pack',
    );
    await expect(pack.document(types.actionPlan, 'team-action-plan.pdf')).toBeVisible();
    await expect(pack.document(types.performance, 'performance-data.csv')).toBeVisible();
    await checkPage();
  });

  await test.step('a program renamed ".pdf" is refused, saying why', async () => {
    const message =
      'The selected file must be a PDF, Word document, Excel spreadsheet, PowerPoint presentation, CSV file, PNG or JPEG image';
    await pack.addDocument(types.actionPlan, disguised);
    await pack.expectShown(fixture.team);
    await layout.expectErrorSummary(message);
    await expect(page.locator('#file-error')).toHaveText(`Error: ${message}`);
    await expect(pack.document(types.actionPlan, 'action-plan.pdf')).toHaveCount(0);
    await checkPage();
    await layout.followErrorTo(message, pack.fileInput());
  });

  await test.step('the Spotlight page shows the documents are in', async () => {
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await spotlightPage.expectShown(fixture.team);
    spotlightId = spotlightPage.spotlightId();
    await expect(spotlightPage.detail('Lead')).toHaveText(fixture.lead.name);
    await expect(spotlightPage.readinessItem('Preparation documents')).toContainText('Done');
    await expect(spotlightPage.readinessItem('Practitioners’ nominations')).toContainText(
      'Not forwarded yet',
    );
    await checkPage();
  });

  await test.step('names two children for a practitioner and forwards the list', async () => {
    await spotlightPage.openPreparation('Practitioners’ nominations');
    await nominations.expectShown();
    await expect(nominations.row(practitioner.name)).toContainText('Not yet');
    await checkPage();

    await nominations.addFor(practitioner.name);
    const form = new NominationsFormPage(page);
    await form.expectShown(practitioner.name);
    await checkPage();
    await form.fill('proud', proud);
    await form.fill('challenging', challenging);
    await form.save();
    await nominations.expectShown();
    await expect(layout.successBanner()).toContainText(
      `Nominations saved for ${practitioner.name}`,
    );
    await expect(nominations.row(practitioner.name)).toContainText(`LCS ${proud.number}`);
    await expect(nominations.row(practitioner.name)).toContainText(`LCS ${challenging.number}`);
    await checkPage();

    await nominations.forward();
    const forward = new ForwardNominationsPage(page);
    await forward.expectShown();
    await expect(forward.notNamedYet()).toContainText(`${otherPractitioner.name}: no child named`);
    await checkPage();
    await forward.confirm();
    await nominations.expectShown();
    await expect(layout.successBanner()).toContainText(
      'Nominations forwarded to the Spotlight Team',
    );
    await expect(nominations.forwarded(fixture.teamManager.name)).toBeVisible();
    await checkPage();
    await signOut();
  });

  await test.step('a team member reads the pack and the nominations', async () => {
    await signInAs(member.email, preparationCouncil.password, member.name);
    await expect(home.task('Read the preparation pack', fixture.team)).toBeVisible();
    await layout.followNavigation('My Spotlights');
    const mine = new MySpotlightsPage(page);
    await mine.expectShown();
    await checkPage();
    await mine.cardHeading(date, fixture.team).getByRole('link').click();
    await spotlightPage.expectShown(fixture.team);
    expect(spotlightPage.spotlightId()).toBe(spotlightId);
    await checkPage();

    await spotlightPage.openPreparation('Preparation pack');
    await pack.expectShown(fixture.team);
    await expect(pack.document(types.actionPlan, 'team-action-plan.pdf')).toBeVisible();
    await expect(pack.document(types.performance, 'performance-data.csv')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Add a document' })).toHaveCount(0);
    await checkPage();
    const download = await pack.download(types.actionPlan, 'team-action-plan.pdf');
    expect(download.fileName).toBe('team-action-plan.pdf');
    expect(await readFile(download.path)).toEqual(minimalPdf());

    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await spotlightPage.expectShown(fixture.team);
    await checkPage();
    await spotlightPage.openPreparation('Practitioners’ nominations');
    await forwarded.expectShown();
    await expect(forwarded.child(practitioner.name, 'Proud of')).toContainText(
      `LCS ${proud.number}`,
    );
    await expect(forwarded.child(practitioner.name, 'Proud of')).toContainText(proud.reason);
    await expect(forwarded.child(practitioner.name, 'Challenging')).toContainText(
      `LCS ${challenging.number}`,
    );
    await checkPage();
    await signOut();
  });

  await test.step('a reviewer of another Spotlight is refused both pages', async () => {
    const outsider = fixture.otherReviewer;
    await signInAs(outsider.email, preparationCouncil.password, outsider.name);
    const forbidden = new ForbiddenPage(page);
    for (const part of ['documents', 'nominations']) {
      const response = await page.goto(`/spotlights/${spotlightId}/${part}`);
      expect(response?.status(), `the ${part} page`).toBe(403);
      await forbidden.expectShown();
      await expect(page.getByText(`LCS ${proud.number}`)).toHaveCount(0);
      await checkPage();
    }
    await page.getByRole('link', { name: 'Go to the Spotlight home page' }).click();
    await home.expectShown(outsider.name);
    await checkPage();
    await signOut();
  });

  await test.step('the QA coordinator finds the refusals in the audit log', async () => {
    await signInAs(qaCoordinator.email, qaCoordinator.password, qaCoordinator.name);
    await page.getByRole('link', { name: 'Check the audit log' }).click();
    const audit = new AuditLogPage(page);
    await audit.expectShown();
    await checkPage();
    const refused = 'Was refused a Spotlight’s page';
    await audit.filterByAction(refused);
    await audit.expectShown();
    await expect(audit.entries(fixture.otherReviewer.name, refused, spotlightId)).toHaveCount(2);
    await expect(audit.entries(member.name, refused, spotlightId)).toHaveCount(0);
    await checkPage();
    await signOut();
  });
});
