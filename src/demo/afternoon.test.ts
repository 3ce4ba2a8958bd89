import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, type Agent, type TestApp } from '../../test/app.js';
import { testDialects } from '../../test/databases.js';
import { evidenceKinds, themes } from '../core/record-themes.js';
import { auditEntries, escaped, textOf } from '../features/day/pages/day/test-support.js';
import { childProgress } from '../features/records/records.rules.js';
import type { RecordPage } from '../features/records/records.service.js';
import type { PersonRef, Spotlight } from '../features/spotlight/spotlight.service.js';
import type { RequestContext } from '../platform/context.js';
import { fromDbCount } from '../platform/db/convert.js';
import type { Actor } from '../platform/policy.js';
import {
  demoBegunRecord,
  demoFeedback,
  demoKeyFindings,
  demoRecordStories,
} from './demo-afternoon-stories.js';
import { demoLedSpotlight } from './demo-preparation.js';
import { demoActors, demoContext } from './demo-timetable.js';
import { demoPassword, seedDemoCouncil, type DemoSignIn } from './seed.js';

type Table =
  | 'member_record'
  | 'record_child'
  | 'evidence_item'
  | 'key_finding'
  | 'day_feedback'
  | 'audit_event';
const tables: readonly Table[] = [
  'member_record',
  'record_child',
  'evidence_item',
  'key_finding',
  'day_feedback',
  'audit_event',
];

describe.each(testDialects())('the demo council’s afternoon (%s)', (dialect) => {
  let t: TestApp;
  let signIns: DemoSignIn[];
  let lead: RequestContext;
  let spotlight: Spotlight;
  let staff: Actor;
  /** The team members without a demo sign-in, who write the demo's full records, in order. */
  let writers: PersonRef[];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({ signIns } = await seedDemoCouncil(t.services));
    const actors = await demoActors(t.services);
    const leader = actors.get('senior-leader');
    const staffSignIn = actors.get('staff');
    if (!leader || !staffSignIn) throw new Error('No demo senior leader or Staff sign-in');
    lead = demoContext(leader);
    staff = staffSignIn;
    const found = await demoLedSpotlight(t.services, leader);
    if (!found) throw new Error('The demo senior leader leads no Spotlight');
    spotlight = found;
    const signInIds = new Set([...actors.values()].map((a) => a.personId));
    writers = spotlight.members.filter((m) => !signInIds.has(m.id));
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
  async function recordOf(member: PersonRef): Promise<RecordPage> {
    const list = await t.services.records.list(lead, spotlight.id);
    const recordId = list.rows.find((r) => r.member.id === member.id)?.record?.id ?? '';
    return t.services.records.record(lead, spotlight.id, recordId);
  }
  const firstParagraph = (text: string) => text.split('\n\n')[0] ?? '';

  it('has three team members who write in full, and the Staff sign-in in the team', () => {
    expect(writers).toHaveLength(3);
    expect(spotlight.members.map((m) => m.id)).toContain(staff.personId);
  });

  it('writes a full record as each team member, two of them submitted on the day', async () => {
    for (const [i, member] of writers.entries()) {
      const story = demoRecordStories[i];
      const page = await recordOf(member);
      expect(page.record.member.name).toBe(member.name);
      for (const theme of themes) {
        expect(page.record.themes[theme.key], theme.name).toBe(story?.themes[theme.field]);
      }
      expect(page.record.learning).toBe(story?.otherNotes.learning);
      expect(page.record.conversations).toBe(story?.otherNotes.conversations);
      expect(page.record.observations).toBe(story?.otherNotes.observations);
      expect(page.children.map((c) => c.kind).sort()).toEqual(['challenging', 'proud', 'random']);
      for (const child of page.children) expect(childProgress(child), child.kind).toBe('answered');
      expect(page.evidence.length).toBeGreaterThanOrEqual(3);
      expect(page.evidence.length).toBeLessThanOrEqual(5);
      if (i < 2) {
        expect(page.state).toBe('submitted');
        expect(page.record.submittedAt?.startsWith(spotlight.date)).toBe(true);
      } else {
        expect(page.state).toBe('draft');
      }
    }
    const evidence = (await Promise.all(writers.map(recordOf))).flatMap((p) => p.evidence);
    expect(evidence.filter((e) => e.childId !== null).length).toBeGreaterThanOrEqual(3);
    const submitted = await auditEntries(t, 'records.submitted', spotlight.id);
    expect(submitted.map((e) => e.actorName)).toEqual(writers.slice(0, 2).map((w) => w.name));
    expect(submitted.every((e) => e.details.late === false)).toBe(true);
  });

  it('begins the Staff sign-in’s record with a first note and a first child', async () => {
    const page = await recordOf({ id: staff.personId, name: staff.name, jobRoleName: null });
    expect(page.state).toBe('draft');
    expect(page.record.themes.culture).toBe(demoBegunRecord.themes.culture);
    expect(page.record.themes.practice).toBe('');
    expect(page.children.map(childProgress).sort()).toEqual([
      'in-progress',
      'untouched',
      'untouched',
    ]);
    expect(page.evidence).toEqual([]);
  });

  it('has evidence on every theme from several sources, where sources agree and where they conflict', async () => {
    const evidence = (await Promise.all(writers.map(recordOf))).flatMap((p) => p.evidence);
    expect(new Set(evidence.map((e) => e.theme))).toEqual(new Set(themes.map((th) => th.key)));
    expect(new Set(evidence.map((e) => e.kind))).toEqual(new Set(evidenceKinds));
    expect(new Set(evidence.map((e) => e.source)).size).toBeGreaterThanOrEqual(5);
    const culture = await t.services.triangulation.themePage(lead, spotlight.id, 'culture');
    expect(culture.triangulation.agreements).toHaveLength(1);
    expect(culture.triangulation.conflicts).toEqual([]);
    const oversight = await t.services.triangulation.themePage(lead, spotlight.id, 'oversight');
    expect(oversight.triangulation.conflicts).toContainEqual({
      type: 'between',
      areas: ['case-record', 'document'],
      strengths: ['conversation'],
    });
  });

  it('shows the Lead the records list: 2 of 4 submitted, and who has not', async () => {
    const browser = await signInAs('Senior leader');
    const response = await browser.get(`/spotlights/${spotlight.id}/records`);
    expect(response.statusCode).toBe(200);
    const text = textOf(response.body);
    expect(text).toContain('2 of 4 submitted');
    const waiting = text.slice(
      text.indexOf('Not submitted yet:'),
      text.indexOf('Records Team member'),
    );
    for (const name of [writers[2]?.name, staff.name]) expect(waiting).toContain(name);
    for (const name of writers.slice(0, 2).map((w) => w.name)) expect(waiting).not.toContain(name);
    expect(text.match(/Submitted/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the Lead a submitted record with its children and evidence, auditing the case numbers', async () => {
    const writer = writers[0];
    const story = demoRecordStories[0];
    if (!writer || !story) throw new Error('No first writer');
    const page = await recordOf(writer);
    const caseNumbers = page.children.map((c) => c.caseNumber).sort();
    const leadViews = async () =>
      (await auditEntries(t, 'records.case-numbers-viewed', spotlight.id)).filter(
        (e) =>
          e.actorName === lead.actor?.name &&
          e.details.view === 'record' &&
          [...e.caseNumbers].sort().join() === caseNumbers.join(),
      ).length;
    const viewsBefore = await leadViews();
    const browser = await signInAs('Senior leader');
    const response = await browser.get(`/spotlights/${spotlight.id}/records/${page.record.id}`);
    expect(response.statusCode).toBe(200);
    const text = textOf(response.body);
    expect(text).toContain(`${writer.name} – ${spotlight.team.name}`);
    expect(text).toContain('Reopen this record');
    expect(text).toContain(firstParagraph(story.themes.culture ?? ''));
    for (const child of page.children) expect(text).toContain(child.caseNumber);
    expect(text).toContain(story.random.lifeForChild);
    for (const item of story.evidence) expect(text).toContain(item.seen);
    expect(text).toContain('Strength: Conversation with staff');
    expect(text).toContain('Area for development: Conversation with staff');
    expect(text).toContain(story.otherNotes.observations);
    expect(await leadViews()).toBe(viewsBefore + 1);
  });

  it('shows the Lead the triangulation board with key findings on at least three themes', async () => {
    const findings = await t.services.triangulation.keyFindings(spotlight.id);
    const withFindings = findings.filter((f) => f.findings.length > 0);
    expect(withFindings.length).toBeGreaterThanOrEqual(3);
    for (const theme of withFindings) {
      expect(theme.findings.length).toBeLessThanOrEqual(2);
      for (const finding of theme.findings) expect(finding.evidenceIds.length).toBeGreaterThan(0);
    }
    const browser = await signInAs('Senior leader');
    const board = await browser.get(`/spotlights/${spotlight.id}/triangulation`);
    expect(board.statusCode).toBe(200);
    expect(textOf(board.body)).toContain('2 of 4 records submitted.');
    const oversight = await browser.get(`/spotlights/${spotlight.id}/triangulation/oversight`);
    expect(oversight.statusCode).toBe(200);
    const text = textOf(oversight.body);
    expect(text).toContain(
      'Case records and documents show areas for development, but conversations with staff describe strengths: talk this through.',
    );
    const finding = demoKeyFindings.find((f) => f.theme === 'oversight');
    expect(text).toContain(finding?.text);
    expect(text).toContain('Add a key finding');
  });

  it('shows the Lead the feedback with its three suggested actions, ready to change', async () => {
    const browser = await signInAs('Senior leader');
    const response = await browser.get(`/spotlights/${spotlight.id}/day/feedback`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(escaped(demoFeedback.notes));
    for (const action of demoFeedback.suggestedActions) {
      expect(response.body).toContain(`value="${escaped(action)}"`);
    }
    expect(demoFeedback.suggestedActions).toHaveLength(3);
  });

  it('shows the team’s Head of Service the feedback given to them', async () => {
    const browser = await signInAs('Head of Service');
    const response = await browser.get(`/spotlights/${spotlight.id}/day/feedback`);
    expect(response.statusCode).toBe(200);
    const text = textOf(response.body);
    expect(text).toContain(`${spotlight.team.managers[0]?.name} (Team Manager)`);
    expect(text).toContain(`${spotlight.team.headOfService?.name} (Head of Service)`);
    for (const paragraph of demoFeedback.notes.split('\n\n')) expect(text).toContain(paragraph);
    for (const action of demoFeedback.suggestedActions) expect(text).toContain(action);
  });

  it('shows the QA coordinator the records, a record, the board and the feedback', async () => {
    const browser = await signInAs('QA coordinator');
    const list = await browser.get(`/spotlights/${spotlight.id}/records`);
    expect(list.statusCode).toBe(200);
    expect(textOf(list.body)).toContain('2 of 4 submitted');
    const draft = await recordOf(writers[2] ?? { id: '', name: '', jobRoleName: null });
    const record = await browser.get(`/spotlights/${spotlight.id}/records/${draft.record.id}`);
    expect(record.statusCode).toBe(200);
    expect(textOf(record.body)).toContain(
      `${writers[2]?.name} has not submitted this record yet, so it may still change.`,
    );
    expect(textOf(record.body)).toContain(draft.children[0]?.caseNumber);
    const culture = await browser.get(`/spotlights/${spotlight.id}/triangulation/culture`);
    expect(culture.statusCode).toBe(200);
    expect(textOf(culture.body)).toContain(
      'Strengths were seen in conversations with staff, observation of practice and the team environment.',
    );
    expect(textOf(culture.body)).toContain(demoKeyFindings[0]?.text);
    const feedback = await browser.get(`/spotlights/${spotlight.id}/day/feedback`);
    expect(feedback.statusCode).toBe(200);
    for (const action of demoFeedback.suggestedActions) {
      expect(textOf(feedback.body)).toContain(action);
    }
  });

  it('shows the Staff sign-in their own record in progress', async () => {
    const browser = await signInAs('Staff');
    const day = await browser.get(`/spotlights/${spotlight.id}/day`);
    expect(day.statusCode).toBe(200);
    const text = textOf(day.body);
    const mine = text.slice(text.indexOf('Your Team Member Information Record'));
    expect(mine).toMatch(/^Your Team Member Information Record Not submitted yet\. .* In progress/);
    const opened = await browser.get(`/spotlights/${spotlight.id}/records/mine`);
    expect(opened.statusCode).toBe(303);
    const record = await browser.get(opened.headers.location ?? '');
    expect(record.statusCode).toBe(200);
    const draft = textOf(record.body);
    expect(draft).toContain('Your Team Member Information Record');
    expect(draft).toContain('In progress');
  });

  it('changes nothing when seeded again', async () => {
    const before = await counts();
    // Last year's two Spotlights (demo-last-year.ts) add 6 records of 3 children each, 21 evidence
    // items and 10 findings.
    expect(before).toMatchObject({
      member_record: 4 + 6,
      record_child: 12 + 18,
      evidence_item: 13 + 21,
      key_finding: demoKeyFindings.length + 10,
      day_feedback: 1,
    });
    const again = await seedDemoCouncil(t.services);
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
