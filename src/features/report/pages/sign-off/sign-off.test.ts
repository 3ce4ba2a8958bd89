import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import { addTriangulatedSpotlight, insertReport } from '../../test-support.js';
import {
  commentRows,
  reportPath,
  reportRow,
  setSummary,
  signInAfresh,
  versionRows,
} from './test-support.js';

const date = (prefix: string, value: string) => {
  const [year = '', month = '', day = ''] = value.split('-');
  return { [`${prefix}-day`]: day, [`${prefix}-month`]: month, [`${prefix}-year`]: year };
};

describe.each(testDialects())('review and sign-off, the whole path (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('takes the report from the draft to the team, to the QA team, back, final and circulated', async () => {
    t.clock.set('2027-01-20T10:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const s = await addTriangulatedSpotlight(t, f);
    await insertReport(t, f, s, { inadequate: true });
    const path = reportPath(f);
    const lead = await signInAs(f, 'lead');
    const member = await signInAs(f, 'member1');

    // The sign-off page: every step, the draft due 15 working days after the day.
    const signOff = await lead.get(`${path}/sign-off`);
    expect(signOff.statusCode).toBe(200);
    const steps = textOf(signOff.body);
    expect(steps).toContain('Send the draft to the team members for comment');
    expect(steps).toContain('Heads of Service agree the actions are realistic');
    expect(steps).toContain('Due by 4 February 2027.');
    expect(steps).toContain('Circulate the final report to the Team Manager');
    expect(signOff.body).toContain(`href="${path}/submit"`);

    // Before the Lead sends it, a team member cannot comment.
    expect(textOf((await member.get(`${path}/comments`)).body)).toContain(
      'You can comment once the Lead sends the draft to the team members.',
    );
    const early = await member.post(`${path}/comments`, { place: 'summary', text: 'Too soon' });
    expect(early.statusCode).toBe(409);
    expect(textOf(early.body)).toContain(
      'The Lead has not sent the draft to the team members for comment yet',
    );
    expect(await commentRows(t, f)).toEqual([]);

    expect((await lead.post(`${path}/circulate`)).statusCode).toBe(303);
    expect((await reportRow(t, f)).circulated_at).toBe('2027-01-20T10:00:00.000Z');

    // Comments: where and what are required, and short.
    const empty = await member.post(`${path}/comments`, { place: '', text: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(textOf(empty.body)).toContain('Select the part of the report your comment is about');
    expect(textOf(empty.body)).toContain('Enter your comment');
    const long = await member.post(`${path}/comments`, {
      place: 'summary',
      text: 'x'.repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Your comment must be 2,000 characters or fewer');
    expect(long.body).toContain(`${'x'.repeat(2001)}</textarea>`);
    const added = await member.post(`${path}/comments`, {
      place: 'summary',
      text: 'Say <b>who</b> the children are & what changed',
    });
    expect(added.statusCode).toBe(303);
    const other = await signInAs(f, 'member2');
    await other.post(`${path}/comments`, { place: 'recommendations', text: 'Add a date' });
    await other.post(`${path}/comments`, { place: 'culture', text: 'Is it Inadequate?' });
    const list = await lead.get(`${path}/comments`);
    expect(list.body).toContain('Say &lt;b&gt;who&lt;/b&gt; the children are &amp; what changed');
    const text = textOf(list.body);
    // By place in report order: the summary, then the culture theme, then the recommendations.
    expect(text.indexOf('Summary')).toBeLessThan(text.indexOf('Culture of the team'));
    expect(text.indexOf('Culture of the team')).toBeLessThan(text.indexOf('Recommendations'));
    expect(text).toContain('3 open.');
    expect(
      (await auditEntries(t, 'report.comment-added', f.spotlightId))
        .map((e) => String(e.details.place))
        .sort(),
    ).toEqual(['culture', 'recommendations', 'summary']);

    // The Lead resolves one, with a reply; a second try finds it already resolved, reply kept.
    const comments = await commentRows(t, f);
    const summaryComment = comments.find((c) => c.section_key === 'summary');
    const planComment = comments.find((c) => c.section_key === 'recommendations');
    const resolveUrl = `${path}/comments/${summaryComment?.id ?? ''}/resolve`;
    expect((await lead.get(resolveUrl)).statusCode).toBe(200);
    const resolved = await lead.post(resolveUrl, { version: '1', reply: 'Done, thank you' });
    expect(resolved.statusCode).toBe(303);
    const again = await lead.post(resolveUrl, { version: '1', reply: 'A second reply' });
    expect(again.statusCode).toBe(409);
    expect(textOf(again.body)).toContain(
      'Lena Lead resolved this comment while you were looking at it, so your reply has not been saved.',
    );
    expect(textOf(again.body)).toContain('A second reply');
    expect(textOf(again.body)).toContain('Done, thank you');
    const planUrl = `${path}/comments/${planComment?.id ?? ''}/resolve`;
    expect((await lead.post(planUrl, { version: '1', reply: '' })).statusCode).toBe(303);
    expect(
      (await auditEntries(t, 'report.comment-resolved', f.spotlightId)).map((e) => e.details),
    ).toEqual(
      expect.arrayContaining([
        { place: 'summary', replied: true },
        { place: 'recommendations', replied: false },
      ]),
    );
    const afterResolve = textOf((await member.get(`${path}/comments`)).body);
    expect(afterResolve).toContain('The Lead’s reply: Done, thank you');
    expect(afterResolve).toContain('1 open.');

    // The Heads of Service's agreement: a real date, not in the future or before the day.
    const agreement = `${path}/agreement`;
    const v = String((await reportRow(t, f)).version);
    const future = await lead.post(agreement, {
      version: v,
      ...date('agreedOn', '2027-01-21'),
      note: 'Hugh',
    });
    expect(future.statusCode).toBe(400);
    expect(textOf(future.body)).toContain(
      'The date the Heads of Service agreed must be today or in the past',
    );
    const before = await lead.post(agreement, {
      version: v,
      ...date('agreedOn', '2027-01-13'),
      note: '',
    });
    expect(before.statusCode).toBe(400);
    expect(textOf(before.body)).toContain(
      'must be on or after the day of the Spotlight, 14 January 2027',
    );
    expect(textOf(before.body)).toContain('Enter who agreed the actions and what was discussed');
    const unreal = await lead.post(agreement, {
      version: v,
      ...date('agreedOn', '2027-02-30'),
      note: 'x',
    });
    expect(textOf(unreal.body)).toContain('Date the Heads of Service agreed must be a real date');
    const agreed = await lead.post(agreement, {
      version: v,
      ...date('agreedOn', '2027-01-19'),
      note: 'Hugh Service agreed the actions; the dates moved to April.',
    });
    expect(agreed.statusCode).toBe(303);
    expect((await reportRow(t, f)).actions_agreed_on).toBe('2027-01-19');

    // Sending it to the QA team: what is still open, then send.
    const check = await lead.get(`${path}/submit`);
    expect(check.statusCode).toBe(200);
    const checkText = textOf(check.body);
    expect(checkText).toContain('Quality checks');
    expect(checkText).toContain('1 comment is not resolved: Culture of the team: Maya Member');
    expect(checkText).toContain('You have given an Inadequate grade for Culture of the team');
    expect(checkText).toContain('The Heads of Service agreed the actions on 19 January 2027');
    const version = String((await reportRow(t, f)).version);
    const stale = await lead.post(`${path}/submit`, { version: String(Number(version) - 1) });
    expect(stale.statusCode).toBe(409);
    expect(textOf(stale.body)).toContain('so it has not been sent');
    const sent = await lead.post(`${path}/submit`, { version });
    expect(sent.statusCode).toBe(303);
    expect(textOf((await lead.get(`${path}/sign-off`)).body)).toContain(
      'Report sent to the QA team',
    );
    const submitted = await reportRow(t, f);
    expect(submitted.status).toBe('submitted');
    expect(submitted.first_submitted_on).toBe('2027-01-20');
    const [submittedAudit] = await auditEntries(t, 'report.submitted', f.spotlightId);
    expect(submittedAudit?.details.flagged).toBe(true);
    expect(typeof submittedAudit?.details.openChecks).toBe('number');

    // With the QA team: no more comments; the QA team sees it with the Inadequate tag.
    const closed = await member.post(`${path}/comments`, { place: 'summary', text: 'One more' });
    expect(closed.statusCode).toBe(409);
    expect(textOf(closed.body)).toContain('The report is with the QA team');
    const qaList = await (await signInAs(f, 'qa')).get('/reports');
    expect(qaList.statusCode).toBe(200);
    const row = qaList.body.split('<tr').find((r) => r.includes('With the QA team')) ?? '';
    expect(row).toContain('Inadequate grade');
    expect(row).toContain('Lena Lead');
    const hosQa = await signInAs(f, 'hosQa');
    expect((await hosQa.get('/reports')).body).toContain(`href="${path}/review"`);

    // The Head of Service QA and Safeguarding returns it: comments required.
    const review = await hosQa.get(`${path}/review`);
    expect(review.statusCode).toBe(200);
    expect(textOf(review.body)).toContain('Inadequate grade: needs your attention');
    expect(review.body).toContain(`href="${path}"`);
    expect((await lead.get(`${path}/review`)).statusCode).toBe(403);
    expect((await (await signInAs(f, 'qa')).get(`${path}/review`)).statusCode).toBe(403);
    const rv = String((await reportRow(t, f)).version);
    const noComments = await hosQa.post(`${path}/return`, { version: rv, comments: '' });
    expect(noComments.statusCode).toBe(400);
    expect(textOf(noComments.body)).toContain('Enter what the Lead needs to change');
    const tooLong = await hosQa.post(`${path}/return`, { version: rv, comments: 'y'.repeat(5001) });
    expect(textOf(tooLong.body)).toContain('Your comments must be 5,000 characters or fewer');
    const returned = await hosQa.post(`${path}/return`, {
      version: rv,
      comments: 'Please show the evidence for the Inadequate grade.',
    });
    expect(returned.statusCode).toBe(303);
    expect((await reportRow(t, f)).status).toBe('returned');
    expect(textOf((await lead.get(`${path}/sign-off`)).body)).toContain(
      'Please show the evidence for the Inadequate grade.',
    );

    // The Lead changes the summary and sends it again a week later: the first date stands.
    await setSummary(t, f, 'A new summary, with the evidence.');
    t.clock.set('2027-01-27T10:00:00.000Z');
    const lead2 = await signInAfresh(t, f, 'lead');
    const resent = await lead2.post(`${path}/submit`, {
      version: String((await reportRow(t, f)).version),
    });
    expect(resent.statusCode).toBe(303);
    expect((await reportRow(t, f)).first_submitted_on).toBe('2027-01-20');
    const spotlight = await t.services.spotlights.find(f.spotlightId);
    expect(spotlight?.deadlines.find((d) => d.key === 'finalReport')?.due).toBe('2027-01-27');

    // Finalised after a confirmation page; then everything is locked.
    const hosQa2 = await signInAfresh(t, f, 'hosQa');
    expect(textOf((await hosQa2.get(`${path}/finalise`)).body)).toContain('Finalise the report');
    const fv = (await reportRow(t, f)).version;
    expect((await hosQa2.post(`${path}/finalise`, { version: String(fv - 1) })).statusCode).toBe(
      409,
    );
    expect((await hosQa2.post(`${path}/finalise`, { version: String(fv) })).statusCode).toBe(303);
    const final = await reportRow(t, f);
    expect(final.status).toBe('final');
    expect(final.finalised_by_person_id).toBe(f.personId.hosQa);
    const locked = await lead2.post(agreement, {
      version: String(final.version),
      ...date('agreedOn', '2027-01-19'),
      note: 'Again',
    });
    expect(locked.statusCode).toBe(409);
    expect(textOf(locked.body)).toContain('The report is final, so it can no longer be changed.');
    expect((await lead2.post(`${path}/circulate`)).statusCode).toBe(409);
    expect((await lead2.get(`${path}/submit`)).statusCode).toBe(409);
    const member2 = await signInAfresh(t, f, 'member1');
    expect(
      (await member2.post(`${path}/comments`, { place: 'summary', text: 'Late' })).statusCode,
    ).toBe(409);
    expect(
      (await hosQa2.post(`${path}/return`, { version: String(final.version), comments: 'No' }))
        .statusCode,
    ).toBe(409);

    // Versions: each step, who, and what changed.
    const versions = await versionRows(t, f);
    expect(versions.map((r) => r.event)).toEqual([
      'circulated',
      'submitted',
      'returned',
      'submitted',
      'finalised',
    ]);
    const versionsPage = textOf((await lead2.get(`${path}/versions`)).body);
    expect(versionsPage).toContain('Version 1: Sent to team members Read version 1 Lena Lead');
    expect(versionsPage).toContain('The first version kept.');
    expect(versionsPage).toMatch(
      /(\d+ quality checks? (was|were)|No quality checks were) still open\./,
    );
    expect(versionsPage).toContain(
      'Version 3: Returned to the Lead Read version 3 Helen Safeguarding, 20 January 2027',
    );
    expect(versionsPage).toContain('Version 4: Sent to the QA team');
    expect(versionsPage).toContain('Summary changed');
    expect(versionsPage).toContain('Version 5: Finalised');
    const first = textOf((await lead2.get(`${path}/versions/1`)).body);
    expect(first).toContain('The team know their children well');
    expect(first).toContain('Grade judgement: Inadequate');
    expect(first).toContain('Recommendation 1: Quality of practice');
    expect((await lead2.get(`${path}/versions/9`)).statusCode).toBe(404);
    expect((await lead2.get(`${path}/versions/x`)).statusCode).toBe(404);

    // Circulation to the Team Manager: at least one Team Manager, a date not in the future.
    const circulation = `${path}/circulation`;
    const noManager = await lead2.post(circulation, {
      recipients: f.personId.headOfService,
      ...date('circulatedOn', '2027-01-27'),
    });
    expect(noManager.statusCode).toBe(400);
    expect(textOf(noManager.body)).toContain('Select at least one Team Manager');
    const tomorrow = await lead2.post(circulation, {
      recipients: f.personId.teamManager,
      ...date('circulatedOn', '2027-01-28'),
    });
    expect(textOf(tomorrow.body)).toContain('The date it was sent must be today or in the past');
    expect(
      (
        await member2.post(circulation, {
          recipients: f.personId.teamManager,
          ...date('circulatedOn', '2027-01-27'),
        })
      ).statusCode,
    ).toBe(403);
    const qa = await signInAfresh(t, f, 'qa');
    const recorded = await qa.post(circulation, {
      recipients: [f.personId.teamManager, f.personId.headOfService],
      ...date('circulatedOn', '2027-01-27'),
    });
    expect(recorded.statusCode).toBe(303);
    const circulated = textOf((await qa.get(circulation)).body);
    expect(circulated).toContain('Tina Morgan 27 January 2027 Priya QA');
    expect(circulated).toContain('Hugh Service 27 January 2027 Priya QA');
    expect(
      (await auditEntries(t, 'report.circulated-to-team', f.spotlightId)).map((e) => e.details),
    ).toEqual([{ recipients: 2, circulatedOn: '2027-01-27' }]);
    const finalList =
      (await qa.get('/reports')).body.split('<tr').find((r) => r.includes('Final')) ?? '';
    expect(finalList).toContain('Inadequate grade');

    // The Spotlight's own page links the report, and marks the report deadlines met.
    const overview = await lead2.get(`/spotlights/${f.spotlightId}`);
    expect(overview.body).toContain(`href="${path}/sign-off"`);
    expect(overview.body).toContain(`href="${path}/final"`);
    const deadlineRow = (label: string) =>
      overview.body.split('<tr').find((r) => r.includes(label)) ?? '';
    expect(deadlineRow('Draft report sent to the QA team')).toContain('Done');
    expect(deadlineRow('Report finalised by')).toContain('Done');
    expect(deadlineRow('Team Member Information Records completed')).toContain('Done');
    const audited = [
      'report.circulated-to-members',
      'report.actions-agreed',
      'report.returned',
      'report.finalised',
    ];
    for (const action of audited) {
      expect((await auditEntries(t, action, f.spotlightId)).length, action).toBeGreaterThan(0);
    }
  });
});
