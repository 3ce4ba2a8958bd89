import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  buildTestApp,
  signedIn,
  type Agent,
  type TestApp,
} from '../../../../test/app.js';
import { testDialects } from '../../../../test/databases.js';
import {
  addServiceArea,
  addTeam,
  auditActions,
  csvFile,
  directorySize,
  previewUrl,
  tableRows,
  upload,
  workbook,
} from './test-support.js';

const teamHeadings = [
  'Team',
  'Service area',
  'Recording system (LCS or EHM)',
  'Team managers (email addresses separated by ;)',
  'Head of Service (email address)',
];
const personHeadings = [
  'Name',
  'Email',
  'Job role',
  'Team',
  'Senior Leadership Team (yes/no)',
  'Can review (yes/no)',
];

describe.each(testDialects())('importing the directory (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;
  let hos: { id: string; email: string };
  let manager: { id: string; email: string };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator')).browser;
    hos = await addPerson(t, {
      name: 'Hana Oduya',
      email: 'hana.oduya@council.test',
      jobRole: 'head-of-service',
    });
    manager = await addPerson(t, {
      name: 'Tom Marsh',
      email: 'tom.marsh@council.test',
      jobRole: 'team-manager',
    });
    const area = await addServiceArea(t, 'Children in Care');
    await addTeam(t, {
      name: 'Children in Care 1',
      serviceAreaId: area,
      headOfServiceId: hos.id,
      managerIds: [manager.id],
    });
  });
  afterAll(async () => t?.close());

  const goodTeams = [
    teamHeadings,
    ['Front Door A', 'Front Door', 'LCS', 'nia.patel@council.test', 'hana.oduya@council.test'],
    [
      'Children in Care 1',
      'Children in Care',
      'EHM',
      'tom.marsh@council.test',
      'hana.oduya@council.test',
    ],
  ];
  const goodPeople = [
    personHeadings,
    ['Nia Patel', 'nia.patel@council.test', 'Team Manager', 'Front Door A', 'no', 'yes'],
    ['Sam Okafor', 'sam.okafor@council.test', 'Social Worker', 'Front Door A', 'No', 'Yes'],
    ['Tom Marsh', 'TOM.MARSH@council.test', 'Team Manager', 'Children in Care 1', 'no', 'yes'],
  ];

  it('lists every bad row with its sheet, row and reason, and writes nothing', async () => {
    const before = await directorySize(t);
    const file = await workbook({
      Teams: [
        ...goodTeams,
        ['Front Door A', 'Front Door', 'LCS', '', ''],
        ['Night Team', 'Front Door', 'Paper', 'nobody@council.test', 'sam.okafor@council.test'],
      ],
      People: [
        ...goodPeople,
        [],
        ['', 'no.name@council.test', 'Social Worker', '', '', ''],
        ['Ben Bad', 'not-an-email', 'Social Worker', '', 'no', 'no'],
        ['Nia Again', 'Nia.Patel@council.test', 'Team Manager', '', 'no', 'no'],
        ['Una Known', 'una.known@council.test', 'Social Worker', 'Nowhere Team', 'no', 'no'],
        ['Wiz Ard', 'wiz.ard@council.test', 'Wizard', '', 'no', 'no'],
        ['May Be', 'may.be@council.test', 'ISRO', '', 'maybe', 'no'],
        ['Tab\tName', 'tab.name@council.test', 'ISRO', '', 'no', 'no'],
        ['L'.repeat(201), 'long.name@council.test', 'ISRO', '', 'no', 'no'],
      ],
    });
    const response = await upload(qa, file);
    const preview = await qa.get(previewUrl(response));
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('10 rows have problems');
    expect(tableRows(preview.body, 'Rows with problems')).toEqual([
      ['Teams', '4', 'The team ‘Front Door A’ is also on row 2 of the Teams sheet'],
      [
        'Teams',
        '5',
        'The recording system must be LCS or EHM, not ‘Paper’ | The Team Manager ‘nobody@council.test’ is not in the directory or the People sheet | The Head of Service ‘sam.okafor@council.test’ must have the job role Head of Service',
      ],
      ['People', '6', 'Enter the person’s full name'],
      ['People', '7', '‘not-an-email’ is not a valid email address'],
      [
        'People',
        '8',
        'The email address ‘Nia.Patel@council.test’ is also on row 2 of the People sheet',
      ],
      ['People', '9', 'The team ‘Nowhere Team’ is not in the directory or the Teams sheet'],
      ['People', '10', '‘Wizard’ is not a job role Spotlight knows'],
      ['People', '11', 'Senior Leadership Team must be yes or no, not ‘maybe’'],
      [
        'People',
        '12',
        'The person’s full name must not include tabs, line breaks or other hidden control characters',
      ],
      ['People', '13', 'The person’s full name must be 200 characters or fewer'],
    ]);
    expect(preview.body).toContain('Fix these rows in your file and upload it again');
    expect(preview.body).toContain('Upload a file');
    expect(preview.body).not.toContain('Confirm import');
    expect(await directorySize(t)).toEqual(before);
  });

  it('imports a fixed file in one go once confirmed, with one audit entry', async () => {
    const file = await workbook({ Teams: goodTeams, People: goodPeople });
    const url = previewUrl(await upload(qa, file));
    const preview = await qa.get(url);
    expect(preview.statusCode).toBe(200);
    expect(tableRows(preview.body, 'What the file changes')).toEqual([
      ['Teams', '1', '1', '0'],
      ['People', '2', '1', '0'],
    ]);
    expect(preview.body).toContain(
      'These service areas are not in the directory yet and will be added: Front Door.',
    );
    expect(tableRows(preview.body, 'Rows that add or change something')).toEqual([
      ['Teams', '2', 'Front Door A', 'Add', ''],
      ['Teams', '3', 'Children in Care 1', 'Change', 'Recording system'],
      ['People', '2', 'Nia Patel', 'Add', 'Team Manager'],
      ['People', '3', 'Sam Okafor', 'Add', 'Social Worker'],
      ['People', '4', 'Tom Marsh', 'Change', 'Team, Can review'],
    ]);
    expect(preview.body).not.toContain('Rows with problems');

    const confirm = await qa.post(`${url}/confirm`);
    expect(confirm.statusCode).toBe(303);
    expect(confirm.headers.location).toBe('/directory');
    const directory = await qa.get('/directory');
    expect(directory.body).toContain('Import complete: 2 people and 1 team added, 2 changed');

    const db = t.services.database.db;
    const frontDoor = await db
      .selectFrom('team')
      .innerJoin('service_area', 'service_area.id', 'team.service_area_id')
      .select([
        'team.id',
        'team.recording_system',
        'team.head_of_service_id',
        'service_area.name as area',
      ])
      .where('team.name', '=', 'Front Door A')
      .executeTakeFirstOrThrow();
    expect(frontDoor).toMatchObject({
      recording_system: 'LCS',
      head_of_service_id: hos.id,
      area: 'Front Door',
    });
    const nia = await db
      .selectFrom('person')
      .selectAll()
      .where('email', '=', 'nia.patel@council.test')
      .executeTakeFirstOrThrow();
    expect(nia).toMatchObject({
      name: 'Nia Patel',
      job_role: 'team-manager',
      home_team_id: frontDoor.id,
      active: 1,
    });
    expect(Number(nia.can_review)).toBe(1);
    const managers = await db
      .selectFrom('team_manager')
      .select('person_id')
      .where('team_id', '=', frontDoor.id)
      .execute();
    expect(managers).toEqual([{ person_id: nia.id }]);
    const tom = await db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', manager.id)
      .executeTakeFirstOrThrow();
    expect(tom).toMatchObject({ email: 'tom.marsh@council.test', version: 2 });
    const care = await db
      .selectFrom('team')
      .selectAll()
      .where('name', '=', 'Children in Care 1')
      .executeTakeFirstOrThrow();
    expect(care).toMatchObject({ recording_system: 'EHM', version: 2 });
    expect(tom.home_team_id).toBe(care.id);

    const entries = (await auditActions(t, 'directory.imported')).filter((e) =>
      url.endsWith(e.object_id ?? '-'),
    );
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]?.details ?? '{}')).toEqual({
      teamsAdded: 1,
      teamsChanged: 1,
      peopleAdded: 2,
      peopleChanged: 1,
      serviceAreasAdded: 1,
    });

    // Confirming again (a double click, or the back button) does nothing more.
    const again = await qa.post(`${url}/confirm`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(url);
    expect((await qa.get(url)).body).toContain('This file has been imported');
    expect(
      (await auditActions(t, 'directory.imported')).filter((e) => url.endsWith(e.object_id ?? '-')),
    ).toHaveLength(1);
  });

  it('writes nothing if the directory changed since the preview and a row is now wrong', async () => {
    const head = await addPerson(t, {
      name: 'Ola Head',
      email: 'ola.head@council.test',
      jobRole: 'head-of-service',
    });
    const area = await addServiceArea(t, 'Early Help');
    await addTeam(t, { name: 'Early Help 1', serviceAreaId: area });
    const file = await workbook({
      Teams: [teamHeadings, ['Early Help 1', 'Early Help', 'EHM', '', 'ola.head@council.test']],
      People: [
        personHeadings,
        ['Pat New', 'pat.new@council.test', 'Practitioner', 'Early Help 1', 'no', 'no'],
      ],
    });
    const url = previewUrl(await upload(qa, file));
    expect((await qa.get(url)).body).toContain('Confirm import');
    const before = await directorySize(t);

    // Meanwhile somebody records that Ola is no longer a Head of Service.
    await t.services.database.db
      .updateTable('person')
      .set({ job_role: 'senior-leader' })
      .where('id', '=', head.id)
      .execute();

    const confirm = await qa.post(`${url}/confirm`);
    expect(confirm.statusCode).toBe(409);
    expect(confirm.body).toContain(
      'The directory has changed since you uploaded this file. Nothing has been imported.',
    );
    expect(tableRows(confirm.body, 'Rows with problems')).toEqual([
      [
        'Teams',
        '2',
        'The Head of Service ‘ola.head@council.test’ must have the job role Head of Service',
      ],
    ]);
    expect(confirm.body).not.toContain('Confirm import');
    expect(await directorySize(t)).toEqual(before);
    const team = await t.services.database.db
      .selectFrom('team')
      .selectAll()
      .where('name', '=', 'Early Help 1')
      .executeTakeFirstOrThrow();
    expect(team).toMatchObject({ recording_system: 'LCS', head_of_service_id: null, version: 1 });
    expect((await qa.get(url)).body).toContain('Rows with problems');
  });

  it('imports people from a CSV file, reading its headings forgivingly', async () => {
    const existing = await addPerson(t, {
      name: 'Kim Old',
      email: 'kim.old@council.test',
      jobRole: 'social-worker',
    });
    const csv = csvFile(
      '\uFEFF NAME ,e-mail address,JOB ROLE,team,SLT,Can Review\r\n' +
        'Kim Old,kim.old@council.test,Senior Social Worker,Children in Care 1,no,yes\r\n' +
        '\r\n' +
        '"Lee, Jo",jo.lee@council.test,ISRO,,no,no\r\n',
    );
    const url = previewUrl(await upload(qa, csv));
    const preview = await qa.get(url);
    expect(tableRows(preview.body, 'What the file changes')).toEqual([
      ['Teams', '0', '0', '0'],
      ['People', '1', '1', '0'],
    ]);
    expect(tableRows(preview.body, 'Rows that add or change something')).toEqual([
      ['People', '2', 'Kim Old', 'Change', 'Job role, Team, Can review'],
      ['People', '4', 'Lee, Jo', 'Add', 'ISRO'],
    ]);
    const confirm = await qa.post(`${url}/confirm`);
    expect(confirm.statusCode).toBe(303);
    const db = t.services.database.db;
    const kim = await db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow();
    expect(kim).toMatchObject({ job_role: 'senior-social-worker', can_review: 1, slt_member: 0 });
    const jo = await db
      .selectFrom('person')
      .selectAll()
      .where('email', '=', 'jo.lee@council.test')
      .executeTakeFirstOrThrow();
    expect(jo).toMatchObject({ name: 'Lee, Jo', job_role: 'isro', home_team_id: null });
  });
});
