// The report's pages as the Lead, team members, the Head of Service QA and Safeguarding and the
// Team Manager see them: the report with its quality checks, a section, a recommendation, review
// and sign-off, comments, the Heads of Service's agreement, sending to the QA team, the review,
// the circulation of the final report, and the final report.
import { expect, type Locator, type Page } from '@playwright/test';
import { Layout } from './layout.js';

/** A GOV.UK date input inside its fieldset. */
async function fillDate(page: Page, legend: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year ?? '');
}

export class ReportPage extends Layout {
  constructor(page: Page) {
    super(page);
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/spotlights\/[0-9a-f-]{36}\/report(#.*)?$/);
    await this.expectHeading('Report');
  }

  async startDraft(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start the draft report' }).click();
  }

  /** A section of the report, by its heading's id (summary, context or a theme key). */
  section(key: string): Locator {
    return this.page.locator(`#section-${key}`);
  }

  /** The quality checks shown under a section. */
  checks(key: string): Locator {
    return this.section(key).locator('.app-report-checks');
  }

  /** "N things to check" at the top. */
  checksCount(): Locator {
    return this.page.locator('#checks-count');
  }

  async changeSection(key: string, name: string): Promise<void> {
    await this.section(key)
      .getByRole('link', { name: `Change ${name}` })
      .click();
  }

  async addRecommendation(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a recommendation' }).click();
  }

  actionPlan(): Locator {
    return this.page.getByRole('table', { name: 'Action plan' });
  }

  async openSignOff(): Promise<void> {
    await this.page.getByRole('link', { name: 'Review and sign-off', exact: true }).click();
  }
}

export class SectionPage extends Layout {
  async expectShown(name: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/report\/sections\/[a-z-]+$/);
    await this.expectHeading(name);
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and return to the report' }).click();
  }
}

export interface Recommendation {
  theme: string;
  action: string;
  owner: string;
  dueOn: string;
  measure: string;
  baseline: string;
  target: string;
}

export class RecommendationPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/report\/recommendations\/new$/);
    await this.expectHeading('Add a recommendation');
  }

  async fill(r: Recommendation): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Which theme is it about?' })
      .getByLabel(r.theme, { exact: true })
      .check();
    await this.page.getByLabel('What will change', { exact: true }).fill(r.action);
    await this.page.getByLabel('Who owns it (optional)').fill(r.owner);
    await fillDate(this.page, 'By when (optional)', r.dueOn);
    await this.page.getByLabel('How it will be measured (optional)').fill(r.measure);
    await this.page.getByLabel('Baseline (optional)').fill(r.baseline);
    await this.page.getByLabel('Target (optional)').fill(r.target);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save recommendation' }).click();
  }
}

export class SignOffPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/report\/sign-off$/);
    await this.expectHeading('Review and sign-off');
  }

  /** One step of the task list, with its status. */
  step(title: string): Locator {
    return this.page.locator('.govuk-task-list__item').filter({ hasText: title });
  }

  async openStep(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title }).click();
  }

  async sendToMembers(): Promise<void> {
    await this.page.getByRole('button', { name: /^Send the draft/ }).click();
  }
}

export class AgreementPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/report\/agreement$/);
    await this.expectHeading('Heads of Service agree the actions');
  }

  async fill(date: string, note: string): Promise<void> {
    await fillDate(this.page, 'When did the Heads of Service agree the actions?', date);
    await this.page.getByLabel('Who agreed, and what was discussed').fill(note);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save the agreement' }).click();
  }
}

export class SubmitPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/report\/submit$/);
    await this.expectHeading('Send the report to the QA team');
  }

  async send(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send the report to the QA team' }).click();
  }
}

export { fillDate };
