// The afternoon of the day's pages, as a user finds them: a team member's Team Member Information
// Record (the draft's task list, the themes, a child reviewed, evidence, the conflict page, check
// and submit, and the record to read), everyone's records, reopening a record, the triangulation
// board and its key findings, and the feedback to the Team Manager and Head of Service.
import { expect, type Locator } from '@playwright/test';
import { Layout } from './layout.js';

const spotlightPath = '/spotlights/[0-9a-f-]{36}';
const recordPath = `${spotlightPath}/records/[0-9a-f-]{36}`;

/** The author's own draft record: a task list of its parts. */
export class DraftRecordPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${recordPath}$`));
    await this.expectHeading('Your Team Member Information Record');
  }

  /** The record's address, for opening it again in another tab. */
  path(): string {
    return new URL(this.page.url()).pathname;
  }

  /** A theme or other note in the task lists, with its status ("Written", "Not written yet"). */
  part(name: string): Locator {
    return this.page.locator('.govuk-task-list__item').filter({
      has: this.page.getByRole('link', { name, exact: true }),
    });
  }

  async openPart(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
  }

  /** The card of a child reviewed, found by why it was chosen ("Chosen at random", ...). */
  child(why: string): Locator {
    return this.page.locator('.govuk-summary-card').filter({
      has: this.page.getByRole('definition').getByText(why, { exact: true }),
    });
  }

  async answerQuestions(why: string): Promise<void> {
    await this.child(why)
      .getByRole('link', { name: /^Answer the questions/ })
      .click();
  }

  /** "Evidence 1", "Evidence 2", ... */
  evidence(number: number): Locator {
    return this.page.locator('.govuk-summary-card').filter({
      has: this.page.getByRole('heading', { name: `Evidence ${number}`, exact: true }),
    });
  }

  async addEvidence(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add evidence', exact: true }).click();
  }

  async checkAndSubmit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check and submit your record' }).click();
  }

  /** What the Lead wrote when reopening the record. */
  reopenedNote(): Locator {
    return this.page.locator('.govuk-inset-text');
  }
}

/** A record to read: its author's once submitted, anyone else's in the Spotlight. */
export class ReadRecordPage extends Layout {
  async expectShown(member: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${recordPath}$`));
    await this.expectHeading('Team Member Information Record');
    await expect(this.detail('Team member')).toHaveText(member);
  }

  /** A row of the summary at the top: "Team member", "Status", "Submitted", "Due". */
  detail(key: string): Locator {
    return this.page
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(key, { exact: true }) })
      .getByRole('definition');
  }

  /** What was written on a theme: the paragraph after the theme's heading and its question. */
  theme(name: string): Locator {
    return this.page
      .getByRole('heading', { level: 3, name, exact: true })
      .locator(
        'xpath=following-sibling::p[1][contains(@class, "govuk-hint")]/following-sibling::p[1]',
      );
  }

  async reopen(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reopen this record' }).click();
  }
}

/** The themes (or the other notes): a textarea for each, Save, and autosave with JavaScript. */
export class NotesPage extends Layout {
  async expectShown(title = 'Themes'): Promise<void> {
    await expect(this.page).toHaveURL(
      new RegExp(`${recordPath}/(themes|other-notes)(#[a-zA-Z]+)?$`),
    );
    await this.expectHeading(title);
  }

  field(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  async saveAndReturn(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and return to your record' }).click();
  }

  /** What autosave says: "Saved at 2:15pm", or why it has not saved. */
  autosaveStatus(): Locator {
    return this.page.locator('[data-autosave-status]');
  }
}

/** A stale save of the themes: what is saved now beside what was entered. */
export class NotesConflictPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${recordPath}/themes$`));
    await this.expectHeading('Your record was saved somewhere else');
  }

  /** The heading of a part that differs: "Quality of practice Different". */
  private row(name: string): Locator {
    return this.page
      .getByRole('heading', { level: 2, name: `${name} Different`, exact: true })
      .locator('xpath=following-sibling::div[1]');
  }

  savedNow(name: string): Locator {
    return this.row(name).locator('.govuk-grid-column-one-half').nth(0);
  }

  whatYouEntered(name: string): Locator {
    return this.row(name).locator('.govuk-grid-column-one-half').nth(1);
  }

  async saveWhatYouEntered(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save what you entered' }).click();
  }
}

/** The answers about one child a team member reviewed. */
export interface ChildAnswers {
  documentsRead: string;
  lifeForChild: string;
  proportionate: 'Too much' | 'About right' | 'Too little';
  proportionateWhy: string;
  goodEnough: 'Yes' | 'No';
  goodEnoughWhy: string;
  strengths: string;
  areasToDevelop: string;
}

const proportionateQuestion =
  'Is the help proportionate? Are we intervening too much, or too little, in the child’s life?';
const goodEnoughQuestion = 'Would this be good enough for my own family?';

/** "A child you reviewed": the guidance's questions, autosaved with JavaScript. */
export class ChildPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${recordPath}/children/[0-9a-f-]{36}$`));
    await this.expectHeading('A child you reviewed');
  }

  /** A row of the summary at the top: "Case number", "Why chosen". */
  detail(key: string): Locator {
    return this.page
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(key, { exact: true }) })
      .getByRole('definition');
  }

  private group(legend: string): Locator {
    return this.page.getByRole('group', { name: legend, exact: true });
  }

  fields(): Record<keyof ChildAnswers, Locator> {
    const text = (label: string) => this.page.getByRole('textbox', { name: label, exact: true });
    const proportionate = this.group(proportionateQuestion);
    const goodEnough = this.group(goodEnoughQuestion);
    return {
      documentsRead: text('Which documents and parts of the record did you read?'),
      lifeForChild: text('What is life like for the child?'),
      proportionate: proportionate.getByRole('radiogroup'),
      proportionateWhy: proportionate.getByRole('textbox', { name: 'Why?', exact: true }),
      goodEnough: goodEnough.getByRole('radiogroup'),
      goodEnoughWhy: goodEnough.getByRole('textbox', { name: 'Why?', exact: true }),
      strengths: text('Strengths'),
      areasToDevelop: text('Areas to develop'),
    };
  }

  choice(question: 'proportionate' | 'goodEnough', answer: string): Locator {
    const legend = question === 'proportionate' ? proportionateQuestion : goodEnoughQuestion;
    return this.group(legend).getByRole('radio', { name: answer, exact: true });
  }

  async fill(answers: ChildAnswers): Promise<void> {
    const fields = this.fields();
    await fields.documentsRead.fill(answers.documentsRead);
    await fields.lifeForChild.fill(answers.lifeForChild);
    await this.choice('proportionate', answers.proportionate).check();
    await fields.proportionateWhy.fill(answers.proportionateWhy);
    await this.choice('goodEnough', answers.goodEnough).check();
    await fields.goodEnoughWhy.fill(answers.goodEnoughWhy);
    await fields.strengths.fill(answers.strengths);
    await fields.areasToDevelop.fill(answers.areasToDevelop);
  }

  async expectAnswers(answers: ChildAnswers): Promise<void> {
    const fields = this.fields();
    for (const key of [
      'documentsRead',
      'lifeForChild',
      'proportionateWhy',
      'goodEnoughWhy',
      'strengths',
      'areasToDevelop',
    ] as const) {
      await expect(fields[key], key).toHaveValue(answers[key]);
    }
    await expect(this.choice('proportionate', answers.proportionate)).toBeChecked();
    await expect(this.choice('goodEnough', answers.goodEnough)).toBeChecked();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  async backToRecord(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back to the record', exact: true }).click();
  }
}

/** One evidence item as the form asks for it. */
export interface Evidence {
  theme: string;
  source: string;
  kind: 'Strength' | 'Area for development';
  seen: string;
}

/** "Add evidence" (and "Your evidence" once added). */
export class EvidencePage extends Layout {
  async expectShown(title = 'Add evidence'): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${recordPath}/evidence/(new|[0-9a-f-]{36})$`));
    await this.expectHeading(title);
  }

  choice(legend: string, answer: string): Locator {
    return this.page
      .getByRole('group', { name: legend, exact: true })
      .getByRole('radio', { name: answer, exact: true });
  }

  theme(name: string): Locator {
    return this.choice('Which theme is this evidence about?', name);
  }

  source(name: string): Locator {
    return this.choice('Where did the evidence come from?', name);
  }

  kind(name: string): Locator {
    return this.choice('Is it a strength or an area for development?', name);
  }

  seen(): Locator {
    return this.page.getByRole('textbox', { name: 'What did you see, hear or read?' });
  }

  async choose(item: Evidence): Promise<void> {
    await this.theme(item.theme).check();
    await this.source(item.source).check();
    await this.kind(item.kind).check();
  }

  async saveAndReturn(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and return to your record' }).click();
  }
}

/** "Check and submit your record". */
export class SubmitPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${recordPath}/submit$`));
    await this.expectHeading('Check and submit your record');
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Submit your record' }).click();
  }
}

/** Everyone's Team Member Information Records for the Spotlight. */
export class RecordsListPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${spotlightPath}/records$`));
    await this.expectHeading('Team Member Information Records');
  }

  /** "2 of 3 submitted" */
  submitted(): Locator {
    return this.page.getByText(/^\d+ of \d+ submitted$/);
  }

  /** The names under "Not submitted yet:". */
  notSubmitted(): Locator {
    return this.page
      .getByText('Not submitted yet:', { exact: true })
      .locator('xpath=following-sibling::ul[1]')
      .getByRole('listitem');
  }

  row(member: string): Locator {
    return this.page
      .getByRole('table', { name: 'Records' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${member}`) }) });
  }

  async read(member: string): Promise<void> {
    await this.page
      .getByRole('link', { name: `Read the record of ${member}`, exact: true })
      .click();
  }
}

/** The Lead reopens a submitted record, with a reason. */
export class ReopenPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${recordPath}/reopen$`));
    await this.expectHeading('Reopen a Team Member Information Record');
  }

  reason(): Locator {
    return this.page.getByRole('textbox', { name: 'Why are you reopening this record?' });
  }

  async reopen(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reopen this record' }).click();
  }
}

/** The triangulation board's first page: a card for each theme. */
export class TriangulationPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${spotlightPath}/triangulation$`));
    await this.expectHeading('Triangulation');
  }

  async openTheme(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
  }
}

/** One theme's board: every member's evidence by source, strengths beside areas; key findings. */
export class ThemeBoardPage extends Layout {
  async expectShown(theme: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${spotlightPath}/triangulation/[a-z-]+$`));
    await this.expectHeading(theme);
  }

  /** The evidence from one source ("Case record"): strengths in one column, areas in the other. */
  column(source: string, side: 'Strengths' | 'Areas for development'): Locator {
    return this.page
      .getByRole('region', { name: source, exact: true })
      .locator('.govuk-grid-column-one-half')
      .filter({ has: this.page.getByRole('heading', { level: 4, name: side, exact: true }) });
  }

  keyFindings(): Locator {
    return this.page.locator('#key-findings-list > li');
  }

  async addKeyFinding(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a key finding' }).click();
  }
}

/** The Lead adds a key finding for a theme, resting on evidence on its board. */
export class KeyFindingPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(
      new RegExp(`${spotlightPath}/triangulation/[a-z-]+/key-findings/new$`),
    );
    await this.expectHeading('Add a key finding');
  }

  kind(name: 'Strength' | 'Area for development'): Locator {
    return this.page
      .getByRole('group', { name: 'Is this a strength or an area for development?' })
      .getByRole('radio', { name, exact: true });
  }

  text(): Locator {
    return this.page.getByRole('textbox', { name: 'Key finding', exact: true });
  }

  /** An evidence item to rest on, named "what was seen (team member)". */
  evidence(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'Evidence it rests on (optional)' })
      .getByRole('checkbox', { name: label, exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save key finding' }).click();
  }
}

/** Feedback to the Team Manager and Head of Service: the Lead's form, or read-only. */
export class FeedbackPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${spotlightPath}/day/feedback$`));
    await this.expectHeading('Feedback to the Team Manager and Head of Service');
  }

  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  givenTo(name: string): Locator {
    return this.page
      .getByRole('group', { name: 'Who was it given to?' })
      .getByRole('checkbox', { name: new RegExp(`^${name}`) });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save feedback' }).click();
  }

  /** A row of the read-only summary: "Given on", "Given to", "Others present". */
  detail(key: string): Locator {
    return this.page
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(key, { exact: true }) })
      .getByRole('definition');
  }

  /** The suggested actions, as listed read-only. */
  suggestedActions(): Locator {
    return this.page
      .getByRole('heading', { level: 2, name: 'Suggested actions' })
      .locator('xpath=following-sibling::ol[1]')
      .getByRole('listitem');
  }
}
