import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../../test/app.js';
import { testDialects } from '../../../../test/databases.js';
import { buildZip, deflatedZeros } from '../../../../test/fixtures/zip-builder.js';
import {
  csvFile,
  directorySize,
  previewUrl,
  readWorkbook,
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

describe.each(testDialects())('uploading a file to import (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  const goodTeams = [teamHeadings, ['Front Door A', 'Front Door', 'LCS', '', '']];
  const goodPeople = [
    personHeadings,
    ['Nia Patel', 'nia.patel@council.test', 'ISRO', 'Front Door A', 'no', 'yes'],
  ];

  it.each([
    ['no file is chosen', null, 'Select a CSV or Excel file'],
    [
      'the file is not a CSV or Excel file',
      {
        filename: 'notes.pdf',
        contentType: 'application/pdf',
        content: Buffer.from('%PDF-1.7\n\u0000\u0001binary'),
      },
      'The selected file must be a CSV or Excel (.xlsx) file',
    ],
    [
      'the spreadsheet is damaged',
      {
        filename: 'broken.xlsx',
        contentType: 'application/zip',
        content: Buffer.from('PK\u0003\u0004xl/workbook.xml and no more'),
      },
      'The selected file could not be read. Save it again as a CSV or Excel (.xlsx) file and upload it',
    ],
    [
      'the spreadsheet is a zip bomb (300 MB of zeros in a few hundred kilobytes)',
      {
        filename: 'staff.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: buildZip([
          { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
          { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
          { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(300) },
        ]),
      },
      'The selected file could not be read. Save it again as a CSV or Excel (.xlsx) file and upload it',
    ],
    [
      'the file has headings but no rows',
      csvFile('Name,Email,Job role\n'),
      'The selected file is empty',
    ],
    [
      'a CSV has headings Spotlight does not know',
      csvFile('First name,Surname\nAl,Bee\n'),
      'The first row of the selected file must be the column headings',
    ],
  ])('shows an error when %s', async (_what, file, message) => {
    const before = await directorySize(t);
    const response = await upload(qa, file);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: Import people and teams');
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#file"');
    expect(response.body).toContain(message);
    expect(await directorySize(t)).toEqual(before);
  });

  it('says which columns a sheet is missing', async () => {
    const file = await workbook({
      People: [
        ['Name', 'Job role'],
        ['Al Bee', 'ISRO'],
      ],
    });
    const response = await upload(qa, file);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The People sheet must have a column called Email');
  });

  it('refuses a file over 5MB on the upload page', async () => {
    const big = csvFile(`Name,Email,Job role\n${'x'.repeat(5 * 1024 * 1024 + 10)}\n`);
    const response = await upload(qa, big);
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('The selected file must be smaller than 5MB');
  });

  it('lets only QA coordinators import, and shows a preview only to whoever uploaded it', async () => {
    const file = await workbook({ Teams: goodTeams, People: goodPeople });
    const { browser: teamManager } = await signedIn(t, 'team-manager');
    expect((await teamManager.get('/directory/import')).statusCode).toBe(403);
    expect((await teamManager.get('/directory/import/template.xlsx')).statusCode).toBe(403);
    expect((await upload(teamManager, file)).statusCode).toBe(403);

    const url = previewUrl(await upload(qa, file));
    expect((await teamManager.get(url)).statusCode).toBe(403);
    const { browser: otherQa } = await signedIn(t, 'qa-coordinator');
    expect((await otherQa.get(url)).statusCode).toBe(404);
    expect((await otherQa.post(`${url}/confirm`)).statusCode).toBe(404);
    expect((await qa.get('/directory/import/not-an-id')).statusCode).toBe(404);
    expect((await qa.get(url)).statusCode).toBe(200);
  });

  it('replaces an earlier pending upload with a later one', async () => {
    const file = await workbook({ Teams: goodTeams, People: goodPeople });
    const first = previewUrl(await upload(qa, file));
    const second = previewUrl(await upload(qa, file));
    expect((await qa.get(first)).body).toContain('You uploaded a newer file');
    const confirm = await qa.post(`${first}/confirm`);
    expect(confirm.headers.location).toBe(first);
    expect((await qa.get(second)).statusCode).toBe(200);
  });

  it('shows the upload page with what the file must contain and the templates', async () => {
    const page = await qa.get('/directory/import');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toMatch(/name="_csrf"[\s\S]*type="file"/);
    expect(page.body).toContain('Upload a file');
    expect(page.body).toContain('Columns of the People sheet');
    const template = await qa.get('/directory/import/template.csv');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toBe(
      'attachment; filename="spotlight-people-template.csv"',
    );
    expect(template.body).toBe(`\uFEFF${personHeadings.join(',')}\r\n`);
    const xlsx = await qa.get('/directory/import/template.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const sheets = await readWorkbook(xlsx.rawPayload);
    expect(sheets).toEqual({ Teams: [teamHeadings], People: [personHeadings] });
  });
});
