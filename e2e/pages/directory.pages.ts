// The directory's pages, as a user finds them: by headings, labels and button names.
import { expect, type Locator, type Page } from '@playwright/test';
import { Layout } from './layout.js';

export class DirectoryOverviewPage extends Layout {
  constructor(page: Page) {
    super(page);
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL('/directory');
    await this.expectHeading('Directory');
  }

  async open(section: 'Service areas' | 'Teams' | 'People'): Promise<void> {
    await this.page.getByRole('main').getByRole('link', { name: section, exact: true }).click();
  }

  async openImport(): Promise<void> {
    await this.page.getByRole('link', { name: 'Import people and teams' }).click();
  }
}

export class ServiceAreaFormPage extends Layout {
  constructor(page: Page) {
    super(page);
  }

  readonly name = this.page.getByLabel('Service area name');

  async add(name: string): Promise<void> {
    await this.expectHeading('Add a service area');
    await this.name.fill(name);
    await this.page.getByRole('button', { name: 'Add a service area' }).click();
  }
}

export class TeamFormPage extends Layout {
  constructor(page: Page) {
    super(page);
  }

  readonly name = this.page.getByLabel('Team name');
  readonly serviceArea = this.page.getByLabel('Service area');

  recordingSystem(system: 'LCS' | 'EHM'): Locator {
    return this.page
      .getByRole('group', { name: 'Recording system' })
      .getByRole('radio', { name: system, exact: true });
  }

  async add(team: { name: string; serviceArea: string; recordingSystem: 'LCS' | 'EHM' }) {
    await this.expectHeading('Add a team');
    await this.name.fill(team.name);
    await this.serviceArea.selectOption({ label: team.serviceArea });
    await this.recordingSystem(team.recordingSystem).check();
    await this.page.getByRole('button', { name: 'Add a team' }).click();
  }
}

export interface PersonDetails {
  name: string;
  email: string;
  jobRole: string;
  homeTeam: string;
  sltMember: boolean;
  canReview: boolean;
}

export class PersonFormPage extends Layout {
  constructor(page: Page) {
    super(page);
  }

  readonly name = this.page.getByLabel('Full name');
  readonly email = this.page.getByLabel('Email address');
  readonly jobRole = this.page.getByLabel('Job role');
  readonly homeTeam = this.page.getByLabel('Home team');

  answer(question: 'slt' | 'review', yes: boolean): Locator {
    const legend =
      question === 'slt'
        ? 'Are they a member of the Senior Leadership Team?'
        : 'Can they review in Spotlights?';
    return this.page
      .getByRole('group', { name: legend })
      .getByRole('radio', { name: yes ? 'Yes' : 'No', exact: true });
  }

  async fill(person: PersonDetails): Promise<void> {
    await this.name.fill(person.name);
    await this.email.fill(person.email);
    await this.jobRole.selectOption({ label: person.jobRole });
    await this.homeTeam.selectOption({ label: person.homeTeam });
    await this.answer('slt', person.sltMember).check();
    await this.answer('review', person.canReview).check();
  }

  /** The form still shows what was typed (after the server refused it). */
  async expectValues(person: PersonDetails): Promise<void> {
    await expect(this.name).toHaveValue(person.name);
    await expect(this.email).toHaveValue(person.email);
    await expect(this.jobRole.getByRole('option', { selected: true })).toHaveText(person.jobRole);
    await expect(this.homeTeam.getByRole('option', { selected: true })).toHaveText(person.homeTeam);
    await expect(this.answer('slt', person.sltMember)).toBeChecked();
    await expect(this.answer('review', person.canReview)).toBeChecked();
  }

  async submitNew(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a person' }).click();
  }
}

/** A page showing one service area, team or person: a summary list of its details. */
export class RecordPage extends Layout {
  constructor(page: Page) {
    super(page);
  }

  /** The value beside a key in the summary list (the first definition in the key's row). */
  detail(key: string): Locator {
    return this.page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .locator('..')
      .getByRole('definition')
      .first();
  }

  async expectDetail(key: string, value: string | RegExp): Promise<void> {
    await expect(this.detail(key)).toHaveText(value);
  }
}

/** The people list, filtered by home team with the "Show people" form. */
export class PeopleListPage extends Layout {
  constructor(page: Page) {
    super(page);
  }

  async showHomeTeam(team: string): Promise<void> {
    await this.page.getByLabel('Home team').selectOption({ label: team });
    await this.page.getByRole('button', { name: 'Show people' }).click();
  }

  /** The people table lists exactly these names (with their emails), in any order. */
  async expectPeople(people: { name: string; email: string }[]): Promise<void> {
    const table = this.page.getByRole('table', { name: /^People/ });
    const rows = table.getByRole('row').filter({ has: this.page.getByRole('cell') });
    await expect(rows).toHaveCount(people.length);
    for (const person of people) {
      const row = rows.filter({ has: this.page.getByRole('link', { name: person.name }) });
      await expect(row.getByRole('cell', { name: person.email, exact: true })).toBeVisible();
    }
  }
}
