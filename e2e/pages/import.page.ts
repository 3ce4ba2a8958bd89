// Importing people and teams: the upload page, and the preview that lists problems or changes.
import { expect, type Locator, type Page } from '@playwright/test';
import { Layout } from './layout.js';

export class ImportPage extends Layout {
  constructor(page: Page) {
    super(page);
  }

  readonly file = this.page.getByLabel('Upload a file');

  async expectUploadPage(): Promise<void> {
    await expect(this.page).toHaveURL('/directory/import');
    await this.expectHeading('Import people and teams');
  }

  async upload(path?: string): Promise<void> {
    if (path) await this.file.setInputFiles(path);
    await this.page.getByRole('button', { name: 'Upload file' }).click();
  }

  async expectPreview(): Promise<void> {
    await expect(this.page).toHaveURL(/\/directory\/import\/[0-9a-f-]{36}$/);
    await this.expectHeading('Check the import');
  }

  /** The "What the file changes" table's row for a sheet: to add, to change, no change. */
  async expectCounts(sheet: 'Teams' | 'People', add: number, change: number, same: number) {
    const row = this.page
      .getByRole('table', { name: 'What the file changes' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: sheet, exact: true }) });
    await expect(row.getByRole('cell')).toHaveText([String(add), String(change), String(same)]);
  }

  problems(): Locator {
    return this.page.getByRole('table', { name: 'Rows with problems' });
  }

  /** One row of the problems table: its sheet, its row number, and what is wrong. */
  async expectProblem(sheet: 'Teams' | 'People', row: number, reason: string): Promise<void> {
    const line = this.problems()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: sheet, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: String(row), exact: true }) });
    await expect(line).toHaveCount(1);
    await expect(line.getByRole('cell').nth(2)).toContainText(reason);
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Confirm import' }).click();
  }
}
