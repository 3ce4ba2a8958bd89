// What the Team Manager sees when a document cannot be added: a missing answer, a kind of file the
// type does not take, a file over the size limit, a broken form. Nothing is kept on disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Agent, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { tooLargeMessage } from '../../../../platform/files/files.service.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
} from '../../../../../test/spotlight-fixture.js';
import {
  addDocument,
  auditEvents,
  documentRows,
  escaped,
  multipartBody,
  pdfFile,
  pngFile,
  storedFiles,
} from './test-support.js';

describe.each(testDialects())('documents the preparation pack refuses (%s)', (dialect) => {
  let t: TestApp;
  let f: SpotlightFixture;
  let manager: Agent;
  let packUrl: string;

  beforeAll(async () => {
    // A 1 MB limit keeps the oversized file small.
    t = await buildTestApp(dialect, { env: { UPLOAD_MAX_MB: '1' } });
    f = await addSpotlightFixture(t);
    manager = await f.as('teamManager');
    packUrl = `/spotlights/${f.spotlightId}/documents`;
  });
  afterAll(async () => t?.close());

  async function expectNothingKept() {
    expect(await documentRows(t, f.spotlightId)).toEqual([]);
    expect(await storedFiles(t)).toEqual([]);
  }

  it('asks for the type and the file when neither is given', async () => {
    const response = await addDocument(manager, f.spotlightId, undefined, null);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: Preparation pack');
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#documentType">Select the type of document</a>');
    expect(response.body).toContain('href="#file">Select a file to add</a>');
    expect(response.body).toMatch(
      /govuk-error-message">\s*<span[^>]*>Error:<\/span> Select the type/,
    );
    expect(response.body).toMatch(
      /govuk-error-message">\s*<span[^>]*>Error:<\/span> Select a file/,
    );
    await expectNothingKept();
  });

  it('refuses a type it does not know, keeping the page usable', async () => {
    const response = await addDocument(manager, f.spotlightId, '<script>x</script>', pdfFile());
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select the type of document');
    expect(response.body).not.toContain('<script>x</script>');
    await expectNothingKept();
  });

  it('refuses an image as performance data, says why, and audits the reason only', async () => {
    const image = pngFile('Dashboard export.png');
    const expected = await t.services.files.accept(
      { filename: image.filename, data: image.content, truncated: false },
      ['pdf', 'xlsx', 'csv'],
    );
    expect(expected.ok).toBe(false);
    const message = expected.ok ? '' : expected.message;

    const response = await addDocument(manager, f.spotlightId, 'performance-data', image);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain(`href="#file">${escaped(message)}</a>`);
    // The type chosen stays chosen.
    expect(response.body).toMatch(/value="performance-data" checked/);
    await expectNothingKept();

    const refused = await auditEvents(t, 'preparation.document-refused', f.spotlightId);
    expect(refused).toHaveLength(1);
    expect(JSON.parse(String(refused[0]?.details))).toEqual({ reason: message });
    expect(String(refused[0]?.details)).not.toContain('Dashboard export');
  });

  it('takes the same image as another type of document', async () => {
    const response = await addDocument(manager, f.spotlightId, 'other', pngFile('Board.png'));
    expect(response.statusCode).toBe(303);
    const [row] = await documentRows(t, f.spotlightId);
    expect(row?.document_type).toBe('other');
    expect(await storedFiles(t)).toHaveLength(1);
    expect((await manager.post(`${packUrl}/${row?.id ?? ''}/remove`)).statusCode).toBe(303);
    await expectNothingKept();
  });

  it('refuses a file over the size limit on the page, not with a bare error', async () => {
    const big = pdfFile('Big.pdf');
    const padding = Buffer.alloc(1024 * 1024 + 10, 0x20);
    const oversized = { ...big, content: Buffer.concat([big.content, padding]) };
    const response = await addDocument(manager, f.spotlightId, 'team-action-plan', oversized);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain(`href="#file">${tooLargeMessage(t.config.files.maxBytes)}</a>`);
    expect(response.body).toContain('The file must be smaller than 1 MB');
    await expectNothingKept();
    const refused = await auditEvents(t, 'preparation.document-refused', f.spotlightId);
    expect(refused).toHaveLength(2);
  });

  it('says what went wrong when the form arrives broken or with two files', async () => {
    await manager.get(packUrl);
    const token = await manager.csrfToken();
    const fields = { _csrf: token, documentType: 'other' };

    const two = multipartBody(fields, [pdfFile('One.pdf'), pdfFile('Two.pdf')]);
    const twoFiles = await manager.request({ method: 'POST', url: packUrl, ...two });
    expect(twoFiles.statusCode).toBe(400);
    expect(twoFiles.body).toContain('Add one file at a time');

    const whole = multipartBody(fields, [pdfFile()]);
    const cutOff = whole.payload.subarray(0, whole.payload.length - 60);
    const broken = await manager.request({
      method: 'POST',
      url: packUrl,
      headers: whole.headers,
      payload: cutOff,
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('The file could not be read');
    await expectNothingKept();
  });

  it('does not show a broken form’s page to someone who may not add documents', async () => {
    const member = await f.as('member1');
    await member.get(packUrl);
    const body = multipartBody({ _csrf: await member.csrfToken() }, [
      pdfFile('One.pdf'),
      pdfFile('Two.pdf'),
    ]);
    const response = await member.request({ method: 'POST', url: packUrl, ...body });
    expect(response.statusCode).toBe(403);
    await expectNothingKept();
  });

  it('refuses a form without its token', async () => {
    const body = multipartBody({ documentType: 'other' }, [pdfFile()]);
    const response = await manager.request({ method: 'POST', url: packUrl, ...body });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    await expectNothingKept();
  });
});
