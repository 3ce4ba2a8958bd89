// The preparation stage's pages, as a user finds them: "Your tasks", a Spotlight's page, the
// preparation pack, the nominations, the refusal page and the audit log.
import { expect, type Locator } from '@playwright/test';
import { Layout } from './layout.js';

/** Text to match as it is, inside a regular expression. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The home page's "Your tasks" table. */
export class YourTasksPage extends Layout {
  private table(): Locator {
    return this.page.getByRole('table', { name: 'Your tasks, overdue first' });
  }

  async expectShown(name: string): Promise<void> {
    await expect(this.page).toHaveURL('/');
    await this.expectHeading(`Welcome, ${name}`);
    await expect(this.page.getByRole('heading', { level: 2, name: 'Your tasks' })).toBeVisible();
  }

  /** A task's link: "Send the preparation documents (Family Support North, 17 December 2026)". */
  task(action: string, team: string): Locator {
    return this.table().getByRole('link', {
      name: new RegExp(`^${literally(action)} \\(${literally(team)}, `),
    });
  }

  async open(action: string, team: string): Promise<void> {
    await this.task(action, team).click();
  }
}

/** A Spotlight's own page: its people, deadlines, readiness checklist and preparation links. */
export class SpotlightPage extends Layout {
  async expectShown(team: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/spotlights\/[0-9a-f-]{36}$/);
    await this.expectHeading(`${team} Spotlight`);
  }

  /** The Spotlight's id, from the page's address. */
  spotlightId(): string {
    const id = /\/spotlights\/([0-9a-f-]{36})/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`${this.page.url()} is not a Spotlight's page`);
    return id;
  }

  /** A row of the summary at the top: "Lead", "Team members", ... */
  detail(key: string): Locator {
    return this.page
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(key, { exact: true }) })
      .getByRole('definition');
  }

  /** An item of the readiness checklist ("Getting ready"), with its status. */
  readinessItem(label: string): Locator {
    return this.page.locator('.govuk-task-list__item').filter({
      has: this.page.getByRole('link', { name: label, exact: true }),
    });
  }

  async openPreparation(
    link: 'Preparation pack' | 'Practitioners’ nominations' | 'The team’s case list',
  ): Promise<void> {
    // The Team Manager's checklist links to the nominations too: the list at the end is meant.
    await this.page.getByRole('link', { name: link, exact: true }).last().click();
  }
}

/** The preparation pack: the documents by type, and the Team Manager's form to add one. */
export class PreparationPackPage extends Layout {
  async expectShown(team: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/spotlights\/[0-9a-f-]{36}\/documents$/);
    await this.expectHeading('Preparation pack');
    await expect(this.page.getByText(new RegExp(`^${literally(team)} – `))).toBeVisible();
  }

  async addDocument(type: string, file: string): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Type of document' })
      .getByRole('radio', { name: type, exact: true })
      .check();
    await this.fileInput().setInputFiles(file);
    await this.page.getByRole('button', { name: 'Add document' }).click();
  }

  fileInput(): Locator {
    return this.page.getByLabel('File', { exact: true });
  }

  /** The link to a document listed under its type. */
  document(type: string, name: string): Locator {
    return this.page
      .getByRole('table', { name: type, exact: true })
      .getByRole('link', { name, exact: true });
  }

  /** Downloads a listed document as the browser does; says the name it is saved under. */
  async download(type: string, name: string): Promise<{ fileName: string; path: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 15_000 }),
      this.document(type, name).click(),
    ]);
    return { fileName: download.suggestedFilename(), path: await download.path() };
  }
}

/** The Team Manager's view of the practitioners' nominations. */
export class ManagerNominationsPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/spotlights\/[0-9a-f-]{36}\/nominations$/);
    await this.expectHeading('Practitioners’ nominations');
  }

  /** A practitioner's row: their name, then what they named. */
  row(practitioner: string): Locator {
    return this.page
      .getByRole('table', { name: 'Practitioners' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: practitioner, exact: true }) });
  }

  async addFor(practitioner: string): Promise<void> {
    await this.page
      .getByRole('link', { name: `Add or change nominations for ${practitioner}`, exact: true })
      .click();
  }

  async forward(): Promise<void> {
    await this.page.getByRole('button', { name: 'Forward the list to the Spotlight Team' }).click();
  }

  /** Once forwarded: "Forwarded on 26 November 2026 at 10:15am by Rebecca Holt. ..." */
  forwarded(by: string): Locator {
    return this.page.getByText(new RegExp(`Forwarded on \\d.* by ${literally(by)}\\.`));
  }
}

/** A nominated child as the form takes it. */
export interface Nomination {
  system: 'LCS' | 'EHM';
  number: string;
  reason: string;
}

/** The nominations form, here filled in by the Team Manager for a practitioner. */
export class NominationsFormPage extends Layout {
  async expectShown(practitioner: string): Promise<void> {
    await this.expectHeading(`Nominations for ${practitioner}`);
  }

  private fieldset(kind: 'proud' | 'challenging'): Locator {
    return this.page.getByRole('group', {
      name:
        kind === 'proud'
          ? 'A child whose practice you are proud of'
          : 'A child you found challenging',
      exact: true,
    });
  }

  async fill(kind: 'proud' | 'challenging', nomination: Nomination): Promise<void> {
    const fieldset = this.fieldset(kind);
    await fieldset
      .getByRole('group', { name: 'Recording system' })
      .getByRole('radio', { name: nomination.system, exact: true })
      .check();
    await fieldset.getByLabel('LCS or EHM number').fill(nomination.number);
    await fieldset.getByLabel('Reason (optional)').fill(nomination.reason);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save nominations' }).click();
  }
}

/** "Forward the nominations to the Spotlight Team": the confirmation. */
export class ForwardNominationsPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/spotlights\/[0-9a-f-]{36}\/nominations\/forward$/);
    await this.expectHeading('Forward the nominations to the Spotlight Team');
  }

  /** The list of practitioners who have not named both children yet. */
  notNamedYet(): Locator {
    return this.page
      .getByRole('heading', { name: 'Not named both children yet' })
      .locator('xpath=following-sibling::ul[1]');
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Forward the list', exact: true }).click();
  }
}

/** The forwarded nominations, as the Lead and the team members see them. */
export class ForwardedNominationsPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/spotlights\/[0-9a-f-]{36}\/nominations$/);
    await this.expectHeading('Practitioners’ nominations');
  }

  /** The row for one child: practitioner, which child, the case number, the reason. */
  child(practitioner: string, kind: string): Locator {
    return this.page
      .getByRole('table', { name: 'Children named' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: practitioner, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: kind, exact: true }) });
  }
}

/** The page shown to someone who may not see a page. */
export class ForbiddenPage extends Layout {
  async expectShown(): Promise<void> {
    await this.expectHeading('You do not have permission to view this page');
    await expect(this.page).toHaveTitle(/^You do not have permission to view this page - /);
  }
}

/** The audit log, filtered by what was done. */
export class AuditLogPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/admin\/audit(\?|$)/);
    await this.expectHeading('Audit log');
  }

  async filterByAction(label: string): Promise<void> {
    await this.page.getByLabel('What was done').selectOption({ label });
    await this.page.getByRole('button', { name: 'Apply filters' }).click();
  }

  /** The entries that say who did it, what they did and to what. */
  entries(who: string, what: string, objectId: string): Locator {
    return this.page
      .getByRole('table', { name: 'Audit log entries, newest first' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: who, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: what, exact: true }) })
      .filter({ hasText: objectId });
  }
}
