import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
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
  previewUrl,
  readWorkbook,
  tableRows,
  upload,
  xlsxType,
} from './test-support.js';

describe.each(testDialects())('exporting the directory (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;

  beforeAll(async () => {
    // Late on 30 June in UTC is already 1 July in London.
    t = await buildTestApp(dialect, { start: '2027-06-30T23:30:00.000Z' });
    qa = (
      await signedIn(t, 'qa-coordinator', {
        name: 'Quinn Adams',
        email: 'quinn.adams@council.test',
      })
    ).browser;
    const hos = await addPerson(t, {
      name: 'Hana Oduya',
      email: 'hana.oduya@council.test',
      jobRole: 'head-of-service',
    });
    const tm = await addPerson(t, {
      name: 'Tom Marsh',
      email: 'tom.marsh@council.test',
      jobRole: 'team-manager',
    });
    const tl = await addPerson(t, {
      name: 'Lou Lead',
      email: 'lou.lead@council.test',
      jobRole: 'team-leader',
    });
    await addPerson(t, { name: '=1+2 Smith', email: 'formula@council.test', jobRole: 'isro' });
    await addPerson(t, { name: 'Gone Away', email: 'gone.away@council.test', active: false });
    const care = await addServiceArea(t, 'Children in Care');
    const team = await addTeam(t, {
      name: '-Edge Team',
      serviceAreaId: care,
      recordingSystem: 'EHM',
      headOfServiceId: hos.id,
      managerIds: [tm.id, tl.id],
    });
    const db = t.services.database.db;
    await db
      .updateTable('person')
      .set({ home_team_id: team, can_review: 1 })
      .where('id', '=', tm.id)
      .execute();
    await db.updateTable('person').set({ slt_member: 1 }).where('id', '=', hos.id).execute();
  });
  afterAll(async () => t?.close());

  it('downloads everyone as CSV, with Active, guarded against spreadsheet formulas', async () => {
    const response = await qa.get('/directory/export.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="spotlight-directory-2027-07-01.csv"',
    );
    const records: string[][] = parse(response.body, { bom: true });
    expect(records).toEqual([
      [
        'Name',
        'Email',
        'Job role',
        'Team',
        'Senior Leadership Team (yes/no)',
        'Can review (yes/no)',
        'Active',
      ],
      ["'=1+2 Smith", 'formula@council.test', 'ISRO', '', 'No', 'No', 'Yes'],
      ['Gone Away', 'gone.away@council.test', 'Social Worker', '', 'No', 'No', 'No'],
      ['Hana Oduya', 'hana.oduya@council.test', 'Head of Service', '', 'Yes', 'No', 'Yes'],
      ['Lou Lead', 'lou.lead@council.test', 'Team Leader', '', 'No', 'No', 'Yes'],
      ['Quinn Adams', 'quinn.adams@council.test', 'Social Worker', '', 'No', 'No', 'Yes'],
      ['Tom Marsh', 'tom.marsh@council.test', 'Team Manager', "'-Edge Team", 'No', 'Yes', 'Yes'],
    ]);
    const [entry] = await auditActions(t, 'directory.exported');
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ format: 'csv' });
  });

  it('downloads active teams and people as XLSX in the import format, as plain text', async () => {
    const response = await qa.get('/directory/export.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(xlsxType);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="spotlight-directory-2027-07-01.xlsx"',
    );
    expect(await readWorkbook(response.rawPayload)).toEqual({
      Teams: [
        [
          'Team',
          'Service area',
          'Recording system (LCS or EHM)',
          'Team managers (email addresses separated by ;)',
          'Head of Service (email address)',
        ],
        [
          '-Edge Team',
          'Children in Care',
          'EHM',
          'lou.lead@council.test; tom.marsh@council.test',
          'hana.oduya@council.test',
        ],
      ],
      People: [
        [
          'Name',
          'Email',
          'Job role',
          'Team',
          'Senior Leadership Team (yes/no)',
          'Can review (yes/no)',
        ],
        ['=1+2 Smith', 'formula@council.test', 'ISRO', '', 'No', 'No'],
        ['Hana Oduya', 'hana.oduya@council.test', 'Head of Service', '', 'Yes', 'No'],
        ['Lou Lead', 'lou.lead@council.test', 'Team Leader', '', 'No', 'No'],
        ['Quinn Adams', 'quinn.adams@council.test', 'Social Worker', '', 'No', 'No'],
        ['Tom Marsh', 'tom.marsh@council.test', 'Team Manager', '-Edge Team', 'No', 'Yes'],
      ],
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cell = book.getWorksheet('People')?.getCell('A2');
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.formula).toBeUndefined();
    const actions = (await auditActions(t, 'directory.exported')).map(
      (e) => JSON.parse(e.details ?? '{}') as unknown,
    );
    expect(actions).toContainEqual(expect.objectContaining({ format: 'xlsx' }));
  });

  it.each(['xlsx', 'csv'])('imports its own %s export back with no changes', async (format) => {
    const exported = await qa.get(`/directory/export.${format}`);
    const file = {
      filename: `directory.${format}`,
      contentType: format === 'csv' ? 'text/csv' : xlsxType,
      content: exported.rawPayload,
    };
    const preview = await qa.get(previewUrl(await upload(qa, file)));
    expect(preview.statusCode).toBe(200);
    expect(tableRows(preview.body, 'What the file changes')).toEqual([
      ['Teams', '0', '0', format === 'csv' ? '0' : '1'],
      ['People', '0', '0', format === 'csv' ? '6' : '5'],
    ]);
    expect(preview.body).toContain(
      'The directory already matches this file. There is nothing to import.',
    );
    expect(preview.body).not.toContain('Confirm import');
  });

  it('lets managers download but not staff', async () => {
    const { browser: manager } = await signedIn(t, 'team-manager');
    expect((await manager.get('/directory/export.csv')).statusCode).toBe(200);
    const { browser: staff } = await signedIn(t, 'staff');
    expect((await staff.get('/directory/export.csv')).statusCode).toBe(403);
    expect((await staff.get('/directory/export.xlsx')).statusCode).toBe(403);
  });
});
