// The morning of the day's pages, as a user finds them: the day page and its task list, the
// priorities, the allocation of children with "how this child was chosen" and a redraw, and the
// dip-sampling targets.
import { expect, type Locator } from '@playwright/test';
import { Layout } from './layout.js';

const spotlightPath = '/spotlights/[0-9a-f-]{36}';

/** "The day": what to read first, who is who, the morning's task list and the priorities. */
export class DayPage extends Layout {
  async expectShown(team: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${spotlightPath}/day$`));
    await this.expectHeading('The day');
    await expect(this.page.getByText(`The Spotlight of ${team} (`)).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Morning' })).toBeVisible();
  }

  /** An item of the morning's task list, with its status. */
  task(title: string): Locator {
    return this.page.locator('.govuk-task-list__item').filter({
      has: this.page.getByRole('link', { name: title, exact: true }),
    });
  }

  async openTask(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title, exact: true }).click();
  }

  /** The priorities agreed, as listed under "Priorities agreed". */
  priorities(): Locator {
    return this.page
      .locator('#priorities')
      .locator('xpath=following-sibling::ol[1]')
      .getByRole('listitem');
  }
}

/** The Lead's priorities form. */
export class PrioritiesPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${spotlightPath}/day/priorities$`));
    await this.expectHeading('Priorities for the day');
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(priorities: string[], agreedWith: string, practicalities: string): Promise<void> {
    for (const [i, priority] of priorities.entries()) {
      await this.field(`Priority ${i + 1}`).fill(priority);
    }
    await this.field('Agreed with').fill(agreedWith);
    await this.field('Practicalities of the day (optional)').fill(practicalities);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save priorities' }).click();
  }
}

/** The allocation: three children for each team member, and the Lead's links to change them. */
export class AllocationPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${spotlightPath}/day/allocation$`));
    await this.expectHeading('Allocation of children');
  }

  async propose(): Promise<void> {
    await this.page.getByRole('button', { name: 'Propose an allocation' }).click();
  }

  /** The table of the children a team member reviews. */
  children(member: string): Locator {
    return this.page.getByRole('table', { name: `Children ${member} reviews`, exact: true });
  }

  /** The row of one kind of child: "Chosen at random", "A worker is proud of", ... */
  row(member: string, kind: string): Locator {
    return this.children(member)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: kind, exact: true }) });
  }

  /** The child's number as shown: "LCS 4100012". */
  async child(member: string, kind: string): Promise<string> {
    const text = await this.row(member, kind).getByRole('cell').first().textContent();
    return (text ?? '').trim();
  }

  async openHowChosen(member: string): Promise<void> {
    await this.children(member)
      .getByRole('link', { name: `how? See how the child for ${member} was chosen` })
      .click();
  }

  async drawAgain(member: string): Promise<void> {
    await this.children(member)
      .getByRole('link', { name: `Draw again the child chosen at random for ${member}` })
      .click();
  }
}

/** "How this child was chosen", and its check. */
export class DrawPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(
      new RegExp(`${spotlightPath}/day/allocation/draws/[0-9a-f-]{36}(/check)?$`),
    );
    await this.expectHeading('How this child was chosen');
  }

  /** A row of the summary: "Child chosen", "Children it drew from", ... */
  detail(key: string): Locator {
    return this.page
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(key, { exact: true }) })
      .getByRole('definition');
  }

  async check(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check this draw' }).click();
  }

  /** The success banner after a check that gave the same child. */
  checked(): Locator {
    return this.page.getByRole('alert', { name: 'Checked' });
  }
}

/** The Lead draws a child at random again, giving a reason. */
export class RedrawPage extends Layout {
  async expectShown(member: string): Promise<void> {
    await expect(this.page).toHaveURL(
      new RegExp(`${spotlightPath}/day/allocation/[0-9a-f-]{36}/change$`),
    );
    await this.expectHeading(`Draw a child again for ${member}`);
  }

  reason(): Locator {
    return this.page.getByLabel('Why are you drawing again?');
  }

  async drawAgain(reason: string): Promise<void> {
    await this.reason().fill(reason);
    await this.page.getByRole('button', { name: 'Draw again', exact: true }).click();
  }
}

/** Dip sampling: the Lead's form to add a target, everyone's progress, a member's own targets. */
export class DipSamplingPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${spotlightPath}/day/dip-sampling$`));
    await this.expectHeading('Dip sampling');
  }

  async addTarget(member: string, howMany: number, ofWhat: string, focus: string): Promise<void> {
    const select = this.page.getByLabel('Team member', { exact: true });
    const option = select.locator('option', { hasText: member });
    await select.selectOption((await option.getAttribute('value')) ?? '');
    await this.page.getByLabel('How many', { exact: true }).fill(String(howMany));
    await this.page.getByLabel('Of what', { exact: true }).fill(ofWhat);
    await this.page.getByLabel('Focus (optional)', { exact: true }).fill(focus);
    await this.page.getByRole('button', { name: 'Add target' }).click();
  }

  /** A row of "Everyone's progress". */
  progressRow(member: string): Locator {
    return this.page
      .getByRole('table', { name: 'Dip-sampling targets and progress for each team member' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: member, exact: true }) });
  }

  /** One of the member's own targets: "5 supervision records". */
  myTarget(title: string): Locator {
    return this.page
      .locator('.govuk-summary-card')
      .filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  async recordDone(title: string, done: number): Promise<void> {
    const card = this.myTarget(title);
    await card.getByRole('textbox', { name: /^How many have you done\?/ }).fill(String(done));
    await card.getByRole('button', { name: 'Save progress' }).click();
  }
}
