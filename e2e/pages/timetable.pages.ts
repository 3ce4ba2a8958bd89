// The timetable's pages, as a user finds them: by headings, labels, captions and button names.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { Layout } from './layout.js';

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' });
const atNoon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "13 December 2027", as the pages write a calendar date. */
export function dateInWords(date: string): string {
  return longDate.format(atNoon(date));
}

/** "Monday", the day of the week of a calendar date. */
export function dayOfWeek(date: string): string {
  return weekday.format(atNoon(date));
}

/** "Monday 13 December", as the timetable and its calendar name a day. */
function dayInMonth(date: string): string {
  return `${dayOfWeek(date)} ${dateInWords(date).replace(/ \d{4}$/, '')}`;
}

const months =
  'January February March April May June July August September October November December';

/** The calendar date (YYYY-MM-DD) of "13 December 2027". */
export function dateFromWords(words: string): string {
  const [day = '', month = '', year = ''] = words.trim().split(/\s+/);
  const monthNumber = months.split(' ').indexOf(month) + 1;
  expect(monthNumber > 0 && /^\d{1,2}$/.test(day) && /^\d{4}$/.test(year), `“${words}”`).toBe(true);
  return `${year}-${String(monthNumber).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The first Saturday after a calendar date. */
export function saturdayAfter(date: string): string {
  const day = atNoon(date);
  day.setUTCDate(day.getUTCDate() + ((6 - day.getUTCDay() + 7) % 7 || 7));
  return day.toISOString().slice(0, 10);
}

const monthFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  month: 'long',
  year: 'numeric',
});

/** "December 2027", the month of a calendar date. */
function monthName(date: string): string {
  return monthFormat.format(atNoon(date));
}

/** Fills a GOV.UK date input, found by its legend, with a calendar date. */
async function fillDate(page: Page, legend: string, date: string): Promise<void> {
  const [year = '', month = '', day = ''] = date.split('-');
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}

/** The timetable's front page: the published plan, and (for the QA team) every plan. */
export class TimetablePage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL('/timetable');
    await this.expectHeading('Timetable');
  }

  async planNewYear(): Promise<void> {
    await this.page.getByRole('button', { name: 'Plan a new year' }).click();
  }

  /** The published plan's period, as the page says it. */
  async expectPublished(from: string, to: string): Promise<void> {
    await expect(
      this.page.getByText(
        `Every team’s Spotlight from ${dateInWords(from)} to ${dateInWords(to)}.`,
      ),
    ).toBeVisible();
  }

  /** A month's table of published Spotlights lists the team on a day. */
  async expectSpotlight(date: string, team: string): Promise<void> {
    const row = this.page
      .getByRole('table', { name: `Spotlights in ${monthName(date)}` })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: team, exact: true }) });
    await expect(row.getByRole('cell').first()).toHaveText(dayInMonth(date));
  }

  async openCalendar(): Promise<void> {
    await this.page.getByRole('link', { name: 'See the year as a calendar' }).click();
  }
}

/** "Plan a new year": the period and the planning rules. */
export class NewPlanPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL('/timetable/plans/new');
    await this.expectHeading('Plan a new year');
  }

  async fill(plan: {
    from: string;
    to: string;
    mostPerDay: number;
    fewestMembers: number;
    mostMembers: number;
    mostTimesAMember: number;
    mostTimesALead: number;
    closures: string[];
  }): Promise<void> {
    await fillDate(this.page, 'Start date', plan.from);
    await fillDate(this.page, 'End date', plan.to);
    await this.page.getByLabel('Most Spotlights on one day').fill(String(plan.mostPerDay));
    const members = this.page.getByRole('group', { name: 'Team members in each Spotlight' });
    await members.getByLabel('Fewest').fill(String(plan.fewestMembers));
    await members.getByLabel('Most', { exact: true }).fill(String(plan.mostMembers));
    await this.page
      .getByLabel('Most times a person can be a team member in the period')
      .fill(String(plan.mostTimesAMember));
    await this.page
      .getByLabel('Most times a senior leader can lead in the period')
      .fill(String(plan.mostTimesALead));
    await this.page.getByLabel('Council closure days (optional)').fill(plan.closures.join('\n'));
  }

  async planTheYear(): Promise<void> {
    await this.page.getByRole('button', { name: 'Plan the year' }).click();
  }
}

/** One row of a plan's Spotlights table, read as text. */
export interface SpotlightRow {
  date: string;
  team: string;
  lead: string;
  members: string[];
}

/** A plan's own page: the solver's answer, the Spotlights in date order, and the history. */
export class PlanPage extends Layout {
  private spotlightsTable(): Locator {
    return this.page.getByRole('table', { name: 'Spotlights in date order' });
  }

  /** The plan's page (it can take a while to come: the solver plans the year first). */
  async expectShown(from: string, to: string, wait = 10_000): Promise<void> {
    await expect(this.heading(`Plan for ${dateInWords(from)} to ${dateInWords(to)}`)).toBeVisible({
      timeout: wait,
    });
    await expect(this.page).toHaveURL(/\/timetable\/plans\/[0-9a-f-]{36}$/);
  }

  async expectState(state: 'Draft' | 'Published'): Promise<void> {
    await expect(this.page.getByRole('main').getByText(state, { exact: true })).toBeVisible();
  }

  /** Every Spotlight in the table, in date order. */
  async spotlights(): Promise<SpotlightRow[]> {
    // The header row has an empty cell above the "Change" links: it is left out by its headers.
    const rows = this.spotlightsTable()
      .getByRole('row')
      .filter({ hasNot: this.page.getByRole('columnheader') });
    const found: SpotlightRow[] = [];
    for (const row of await rows.all()) {
      const cells = row.getByRole('cell');
      const members = await cells.nth(3).innerText();
      found.push({
        date: dateFromWords(await cells.nth(0).innerText()),
        team: (await cells.nth(1).innerText()).trim(),
        lead: (await cells.nth(2).innerText()).trim(),
        members: members
          .split('\n')
          .map((m) => m.trim())
          .filter((m) => m !== ''),
      });
    }
    return found;
  }

  async change(team: string): Promise<void> {
    await this.page.getByRole('link', { name: `Change ${team}’s Spotlight`, exact: true }).click();
  }

  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: 'Publish this plan' }).click();
  }

  /** The history's entry that says this, with the broken rules it lists (if any). */
  historyEntry(summary: string): Locator {
    return this.page
      .getByRole('table', { name: 'Changes to this plan, newest first' })
      .getByRole('row')
      .filter({ hasText: summary });
  }
}

/** Changing one Spotlight: the date, the Lead, the members. */
export class SpotlightEditPage extends Layout {
  async expectShown(team: string): Promise<void> {
    await this.expectHeading(`Change ${team}’s Spotlight`);
  }

  /** The date the form shows, as YYYY-MM-DD. */
  async date(): Promise<string> {
    const group = this.page.getByRole('group', { name: 'Date' });
    const part = async (label: string) => (await group.getByLabel(label).inputValue()).trim();
    const [day, month, year] = [await part('Day'), await part('Month'), await part('Year')];
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }

  async moveTo(date: string): Promise<void> {
    await fillDate(this.page, 'Date', date);
    await this.page.getByRole('button', { name: 'Save changes' }).click();
  }
}

/** The warning shown for a change that breaks the planning rules. */
export class RuleWarningPage extends Layout {
  async expectBrokenRule(rule: string | RegExp): Promise<void> {
    await this.expectHeading('This change breaks the planning rules');
    await expect(
      this.page.getByRole('main').getByRole('listitem').filter({ hasText: rule }),
    ).toBeVisible();
  }

  async saveAnyway(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save anyway' }).click();
  }
}

/** "Publish this plan?" */
export class PublishPage extends Layout {
  async confirm(spotlights: number): Promise<void> {
    await this.expectHeading('Publish this plan?');
    await expect(
      this.page.getByText(`Managers and leaders will see its ${spotlights} Spotlights`),
    ).toBeVisible();
    await this.page.getByRole('button', { name: 'Publish this plan' }).click();
  }
}

/** The published plan as a year calendar: each month lists its days with Spotlights. */
export class CalendarPage extends Layout {
  async expectShown(from: string, to: string): Promise<void> {
    await expect(this.page).toHaveURL('/timetable/calendar');
    await this.expectHeading('Timetable calendar');
    await expect(
      this.page.getByText(`Spotlights from ${dateInWords(from)} to ${dateInWords(to)}`),
    ).toBeVisible();
  }

  /** The team is listed against the day in its month. */
  async expectDay(date: string, team: string): Promise<void> {
    const month = this.page.getByRole('region', { name: monthName(date) });
    const term = month
      .getByRole('term')
      .filter({ has: this.page.getByText(dayInMonth(date), { exact: true }) });
    await expect(term).toHaveCount(1);
    await expect(term.locator('xpath=following-sibling::dd[1]')).toContainText(team);
  }
}

/** "My Spotlights": a card for each Spotlight the signed-in person is in. */
export class MySpotlightsPage extends Layout {
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL('/my-spotlights');
    await this.expectHeading('My Spotlights');
  }

  /** The heading of a Spotlight's card: "Monday 13 December 2027: Assessment East". */
  cardHeading(date: string, team: string): Locator {
    return this.page.getByRole('heading', {
      name: `${dayOfWeek(date)} ${dateInWords(date)}: ${team}`,
      exact: true,
    });
  }

  private card(date: string, team: string): Locator {
    return this.page.locator('.govuk-summary-card').filter({ has: this.cardHeading(date, team) });
  }

  /**
   * Downloads the Spotlight's calendar invite as the browser does (a download, with or without
   * JavaScript), and fetches it once more in the same session for its headers: a browser raises
   * no response event for a download.
   */
  async downloadInvite(date: string, team: string) {
    const link = this.card(date, team).getByRole('link', { name: /^Add to calendar/ });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/my-spotlights\/[0-9a-f-]{36}\/invite\.ics$/);
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 15_000 }),
      link.click(),
    ]);
    const response = await this.page.request.get(href, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    return {
      contentType: response.headers()['content-type'] ?? '',
      contentDisposition: response.headers()['content-disposition'] ?? '',
      fileName: download.suggestedFilename(),
      text: await readFile(await download.path(), 'utf8'),
    };
  }

  async cannotAttend(date: string, team: string): Promise<void> {
    await this.card(date, team)
      .getByRole('link', {
        name: `I cannot attend the Spotlight of ${team} on ${dateInWords(date)}`,
      })
      .click();
  }
}

/** "Find cover for your Spotlight": who can take the member's place, fairest first. */
export class CoverPage extends Layout {
  private choices(): Locator {
    return this.page.getByRole('group', { name: 'Who will cover for you?' });
  }

  async expectShown(date: string, team: string): Promise<void> {
    await this.expectHeading('Find cover for your Spotlight');
    await expect(
      this.page.getByText(`${team}, ${dayOfWeek(date)} ${dateInWords(date)}`, { exact: true }),
    ).toBeVisible();
  }

  /** Chooses the first person offered and says who that is. */
  async chooseFirst(): Promise<string> {
    const first = this.choices().getByRole('radio').first();
    const label = this.choices().locator('label.govuk-radios__label').first();
    const name = (await label.innerText()).trim();
    await first.check();
    return name;
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Confirm cover' }).click();
  }
}

/** The home page's notice about the timetable, and the notices page. */
export class NoticesPage extends Layout {
  /** The home page's link to the notices, with how many are unread. */
  homePageLink(): Locator {
    return this.page.getByRole('link', { name: /^\d+ new notices? about the timetable$/ });
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL('/timetable/notices');
    await this.expectHeading('Timetable notices');
  }

  /** An unread notice's card. */
  unread(message: string): Locator {
    return this.page.locator('.govuk-summary-card').filter({ hasText: message });
  }

  async markRead(message: string): Promise<void> {
    await this.unread(message)
      .getByRole('button', { name: /^Mark as read/ })
      .click();
  }

  /** A row of the table of notices already read. */
  read(message: string): Locator {
    return this.page
      .getByRole('table', { name: 'Notices already read' })
      .getByRole('row')
      .filter({ hasText: message });
  }
}
