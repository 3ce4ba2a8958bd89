import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, type Agent, type TestApp } from '../../test/app.js';
import { testDialects } from '../../test/databases.js';
import { themeKeys } from '../core/record-themes.js';
import { sectionKeys } from '../core/report/report-model.js';
import { textOf } from '../features/day/pages/day/test-support.js';
import { checksOf, contentOf, findReport } from '../features/report/report-facts.repository.js';
import type { Spotlight } from '../features/spotlight/spotlight.service.js';
import { fromDbCount } from '../platform/db/convert.js';
import { createMailSender } from '../platform/mail/sender.js';
import { demoLedSpotlight } from './demo-preparation.js';
import {
  demoRecommendations,
  demoReportComments,
  demoReportSummary,
  demoReportThemes,
} from './demo-report-stories.js';
import { demoActors } from './demo-timetable.js';
import { demoPassword, seedDemoCouncil, type DemoSignIn } from './seed.js';

type Table =
  | 'report'
  | 'report_section'
  | 'recommendation'
  | 'report_comment'
  | 'report_version'
  | 'audit_event'
  | 'mail_outbox';
const tables: readonly Table[] = [
  'report',
  'report_section',
  'recommendation',
  'report_comment',
  'report_version',
  'audit_event',
  'mail_outbox',
];

describe.each(testDialects())('the demo council’s report (%s)', (dialect) => {
  let t: TestApp;
  let signIns: DemoSignIn[];
  let spotlight: Spotlight;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({ signIns } = await seedDemoCouncil(t.services));
    const leader = (await demoActors(t.services)).get('senior-leader');
    if (!leader) throw new Error('No demo senior leader');
    const found = await demoLedSpotlight(t.services, leader);
    if (!found) throw new Error('The demo senior leader leads no Spotlight');
    spotlight = found;
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  async function counts(): Promise<Record<Table, number>> {
    const result = {} as Record<Table, number>;
    for (const table of tables) {
      const row = await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      result[table] = fromDbCount(row.n);
    }
    return result;
  }
  async function signInAs(role: string): Promise<Agent> {
    const browser = agent(t.app);
    await browser.get('/sign-in');
    const email = signIns.find((s) => s.role === role)?.email ?? '';
    const response = await browser.post('/sign-in', { email, password: demoPassword });
    expect(response.statusCode, role).toBe(303);
    return browser;
  }

  it('seeding again changes nothing', async () => {
    const before = await counts();
    expect(before.report).toBe(1 + 2); // and last year's two (demo-last-year.ts)
    await seedDemoCouncil(t.services);
    expect(await counts()).toEqual(before);
  });

  it('keeps the emails of its story in the outbox, never to be sent to its made-up addresses', async () => {
    const mail = await db().selectFrom('mail_outbox').selectAll().execute();
    expect(new Set(mail.map((m) => m.kind))).toEqual(
      new Set([
        'timetable.published',
        'cover.you-cover',
        'cover.lead-told',
        'cover.qa-told',
        'report.draft-to-members',
        'report.submitted',
        'report.finalised',
        'report.circulated',
      ]),
    );
    expect(mail.every((m) => m.to_address.endsWith('@brackenshire.example'))).toBe(true);
    expect(mail.every((m) => m.sent_at === null && m.last_error === 'demo')).toBe(true);
    const sent: string[] = [];
    const sender = createMailSender({
      db: db(),
      clock: t.clock,
      from: 'Spotlight <spotlight@brackenshire.example>',
      transport: { sendMail: async (m) => void sent.push(m.to) },
    });
    expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(sent).toEqual([]);
  });

  it('has every section written and graded, and the action plan, as a circulated draft', async () => {
    const report = await findReport(db(), spotlight.id);
    expect(report?.status).toBe('draft');
    expect(report?.circulated_at).not.toBeNull();
    const content = await contentOf(db(), spotlight.id);
    expect(content.sections.map((s) => s.key)).toEqual([...sectionKeys]);
    const summary = content.sections.find((s) => s.key === 'summary');
    expect(summary && 'body' in summary ? summary.body : '').toBe(demoReportSummary);
    for (const theme of themeKeys) {
      const section = content.sections.find((s) => s.key === theme);
      if (!section || !('grade' in section)) throw new Error(`No ${theme} section`);
      expect(section.grade).toBe(demoReportThemes[theme].grade);
      expect(section.workingWell).toBe(demoReportThemes[theme].workingWell);
      expect(section.evidenceIds.length, theme).toBeGreaterThan(0);
    }
    const grades = themeKeys.map((k) => demoReportThemes[k].grade);
    expect(grades.filter((g) => g === 'Good')).toHaveLength(4);
    expect(grades).toContain('Requires improvement to be good');
    expect(content.recommendations.map((r) => r.action)).toEqual(
      demoRecommendations.map((r) => r.action),
    );
  });

  it('leaves a jargon word and a vague recommendation for the quality checks to show', async () => {
    const checks = await checksOf(db(), spotlight, t.services.reportSettings);
    expect(checks.some((c) => c.rule === 'jargon' && c.place === 'practice')).toBe(true);
    expect(checks.some((c) => c.rule === 'no-measure' && c.place === 'recommendations')).toBe(true);
  });

  it('has two team members’ comments, one resolved with the Lead’s reply and one open', async () => {
    const comments = await db()
      .selectFrom('report_comment')
      .selectAll()
      .where('spotlight_id', '=', spotlight.id)
      .orderBy('created_at')
      .execute();
    expect(comments.map((c) => c.section_key)).toEqual(demoReportComments.map((c) => c.place));
    expect(new Set(comments.map((c) => c.author_person_id)).size).toBe(2);
    expect(comments.map((c) => c.resolution)).toEqual([demoReportComments[0]?.reply, null]);
    expect(comments.every((c) => c.author_person_id !== spotlight.lead?.id)).toBe(true);
  });

  it('never holds a case number in the report’s words', async () => {
    const children = await db()
      .selectFrom('record_child')
      .select('case_number')
      .where('spotlight_id', '=', spotlight.id)
      .execute();
    expect(children.length).toBeGreaterThan(0);
    // The report's words only: not the ids of its evidence and recommendations.
    const words = JSON.stringify(await contentOf(db(), spotlight.id), (key, value: unknown) =>
      key === 'id' || key === 'evidenceIds' ? undefined : value,
    );
    for (const { case_number } of children) expect(words).not.toContain(case_number);
    expect(words).not.toMatch(/\d{6,}/);
  });

  it('shows the Lead the draft and the Staff sign-in the open comment', async () => {
    const lead = await signInAs('Senior leader');
    const page = await lead.get(`/spotlights/${spotlight.id}/report`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Requires improvement to be good');
    const staff = await signInAs('Staff');
    const comments = await staff.get(`/spotlights/${spotlight.id}/report/comments`);
    expect(comments.statusCode).toBe(200);
    expect(textOf(comments.body)).toContain('The transfer checklist needs the Front Door Team');
  });
});
