// The QA coordinator keeps the directory: a service area, a team, a person (after a mistake), and
// an import from a spreadsheet (first with mistakes, then fixed).
import { Layout } from './pages/layout.js';
import {
  DirectoryOverviewPage,
  PeopleListPage,
  PersonFormPage,
  RecordPage,
  ServiceAreaFormPage,
  TeamFormPage,
  type PersonDetails,
} from './pages/directory.pages.js';
import { ImportPage } from './pages/import.page.js';
import { SignInPage } from './pages/sign-in.page.js';
import { qaCoordinator } from './support/settings.js';
import { expect, test } from './support/test.js';
import { writeDirectoryWorkbook, type PersonRow, type TeamRow } from './support/workbook.js';

test('a QA coordinator builds the directory by hand and from a spreadsheet', async ({
  page,
  checkPage,
}, testInfo) => {
  // Each project runs against the same server: its names and emails must not clash.
  const tag = testInfo.project.name;
  const serviceArea = `Children in Care (${tag})`;
  const team = `Fostering North (${tag})`;
  const layout = new Layout(page);
  const record = new RecordPage(page);
  const overview = new DirectoryOverviewPage(page);

  await test.step('sign in', async () => {
    await page.goto('/');
    await checkPage();
    await new SignInPage(page).signIn(qaCoordinator.email, qaCoordinator.password);
    await layout.expectHeading(`Welcome, ${qaCoordinator.name}`);
    await checkPage();
    await layout.followNavigation('Directory');
    await overview.expectShown();
    await checkPage();
  });

  await test.step('add a service area', async () => {
    await overview.open('Service areas');
    await layout.expectHeading('Service areas');
    await checkPage();
    await page.getByRole('button', { name: 'Add a service area' }).click();
    await checkPage();
    await new ServiceAreaFormPage(page).add(serviceArea);
    await expect(layout.successBanner()).toContainText('Service area added');
    await layout.expectHeading(serviceArea);
    await record.expectDetail('Status', 'Active');
    await checkPage();
  });

  await test.step('add a team in it', async () => {
    await page.getByRole('button', { name: 'Add a team' }).click();
    await checkPage();
    await new TeamFormPage(page).add({ name: team, serviceArea, recordingSystem: 'LCS' });
    await expect(layout.successBanner()).toContainText('Team added');
    await layout.expectHeading(team);
    await record.expectDetail('Service area', serviceArea);
    await record.expectDetail('Recording system', 'LCS');
    await checkPage();
  });

  await test.step('add a person, first with a mistake in the email address', async () => {
    await page.getByRole('button', { name: 'Add a person' }).click();
    await layout.expectHeading('Add a person');
    await checkPage();
    const form = new PersonFormPage(page);
    const person: PersonDetails = {
      name: 'Amara Okafor',
      email: `amara.okafor.${tag}@brackenshire`,
      jobRole: 'Senior Social Worker',
      homeTeam: team,
      sltMember: false,
      canReview: true,
    };
    await form.fill(person);
    await form.submitNew();
    const message = 'Enter an email address in the correct format, like name@example.com';
    await layout.expectErrorSummary(message);
    await form.expectValues(person);
    await checkPage();
    await layout.followErrorTo(message, form.email);

    const fixed = { ...person, email: `amara.okafor.${tag}@brackenshire.example.test` };
    await form.email.fill(fixed.email);
    await form.submitNew();
    await expect(layout.successBanner()).toContainText('Person added');
    await layout.expectHeading(fixed.name);
    await record.expectDetail('Email address', fixed.email);
    await record.expectDetail('Job role', fixed.jobRole);
    await record.expectDetail('Home team', fixed.homeTeam);
    await record.expectDetail('Can review in Spotlights', 'Yes');
    await record.expectDetail('Member of the Senior Leadership Team', 'No');
    await checkPage();
  });

  await test.step('import a spreadsheet with mistakes, then the corrected one', async () => {
    const newArea = `Permanence (${tag})`;
    const newTeam = `Adoption South (${tag})`;
    const email = (name: string) => `${name}.${tag}@brackenshire.example.test`;
    const teams: TeamRow[] = [
      {
        team: newTeam,
        serviceArea: newArea,
        recordingSystem: 'LCS',
        managers: email('tariq.hussain'),
      },
      { team: `Leaving Care (${tag})`, serviceArea: newArea, recordingSystem: 'Paper files' },
    ];
    const people: PersonRow[] = [
      {
        name: 'Tariq Hussain',
        email: email('tariq.hussain'),
        jobRole: 'Team Manager',
        team: newTeam,
        slt: 'no',
        canReview: 'yes',
      },
      { name: 'Bea Lindqvist', email: `bea.lindqvist.${tag}@`, jobRole: 'SW', team },
      { name: 'Chidi Eze', email: email('chidi.eze'), jobRole: 'Wizard', team: newTeam },
      {
        name: 'Dana Whitfield',
        email: email('dana.whitfield'),
        jobRole: 'ISRO',
        team: `No Such Team (${tag})`,
        canReview: 'perhaps',
      },
    ];
    const withMistakes = testInfo.outputPath('directory-with-mistakes.xlsx');
    await writeDirectoryWorkbook(withMistakes, { teams, people });

    await layout.followNavigation('Directory');
    await overview.expectShown();
    await checkPage();
    await overview.openImport();
    const importing = new ImportPage(page);
    await importing.expectUploadPage();
    await checkPage();

    // No file chosen.
    await importing.upload();
    await layout.expectErrorSummary('Select a CSV or Excel file');
    await checkPage();
    await layout.followErrorTo('Select a CSV or Excel file', importing.file);

    // Every row with a mistake is listed; nothing is imported.
    await importing.upload(withMistakes);
    await importing.expectPreview();
    await expect(page.getByRole('heading', { name: '4 rows have problems' })).toBeVisible();
    await expect(page.getByText('Nothing has been imported.')).toBeVisible();
    await importing.expectProblem('Teams', 3, 'The recording system must be LCS or EHM');
    await importing.expectProblem('People', 3, `‘bea.lindqvist.${tag}@’ is not a valid email`);
    await importing.expectProblem('People', 4, '‘Wizard’ is not a job role Spotlight knows');
    await importing.expectProblem('People', 5, `The team ‘No Such Team (${tag})’ is not in`);
    await importing.expectProblem('People', 5, 'Can review must be yes or no');
    await expect(page.getByRole('button', { name: 'Confirm import' })).toHaveCount(0);
    await checkPage();

    // The corrected file, uploaded from the same page, can be imported.
    const fixedTeams = teams.map((t, i) => (i === 1 ? { ...t, recordingSystem: 'EHM' } : t));
    const fixedPeople = people.map((p) => {
      if (p.name === 'Bea Lindqvist') return { ...p, email: email('bea.lindqvist') };
      if (p.name === 'Chidi Eze') return { ...p, jobRole: 'Practitioner' };
      if (p.name === 'Dana Whitfield') return { ...p, team, canReview: 'yes' };
      return p;
    });
    const corrected = testInfo.outputPath('directory-corrected.xlsx');
    await writeDirectoryWorkbook(corrected, { teams: fixedTeams, people: fixedPeople });
    await importing.upload(corrected);
    await importing.expectPreview();
    await expect(importing.problems()).toHaveCount(0);
    await importing.expectCounts('Teams', 2, 0, 0);
    await importing.expectCounts('People', 4, 0, 0);
    await expect(page.getByText(`will be added: ${newArea}.`)).toBeVisible();
    await checkPage();

    await importing.confirm();
    await overview.expectShown();
    await expect(layout.successBanner()).toContainText(
      'Import complete: 4 people and 2 teams added, 0 changed',
    );
    await checkPage();

    // The people are in the directory, in their home teams.
    await overview.open('People');
    await layout.expectHeading('People');
    await checkPage();
    const list = new PeopleListPage(page);
    await list.showHomeTeam(newTeam);
    await list.expectPeople([
      { name: 'Tariq Hussain', email: email('tariq.hussain') },
      { name: 'Chidi Eze', email: email('chidi.eze') },
    ]);
    await checkPage();
    await list.showHomeTeam(team);
    await list.expectPeople([
      { name: 'Amara Okafor', email: email('amara.okafor') },
      { name: 'Bea Lindqvist', email: email('bea.lindqvist') },
      { name: 'Dana Whitfield', email: email('dana.whitfield') },
    ]);
    await checkPage();
  });

  await test.step('sign out', async () => {
    await layout.signOut();
    await layout.expectHeading('You have signed out');
    await checkPage();
  });
});
