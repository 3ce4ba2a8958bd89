// The team's open case list: the Spotlight Team and the team's managers see it; the managers paste
// it or upload it (CSV or Excel) to replace it, and see every line that is not a case number.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf } from '../../../../platform/context.js';
import { Invalid } from '../../../../platform/errors.js';
import { isUploadedFile } from '../../../../platform/files/uploaded-file.js';
import { addError, emptyErrors, parseForm, type FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { CaseListFieldProblem, SaveCaseListResult } from '../../case-list.service.js';
import { caseListFileMessages, readFirstColumn } from './case-list-file.js';

const page = 'features/preparation/pages/case-list/case-list.njk';
const signedIn = { config: { permission: 'signed-in' as const } };
/** The most wrong lines the error summary lists one by one. */
const listedProblems = 20;

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

const caseListSchema = z.object({
  caseNumbers: z
    .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
    .transform((value) => (typeof value === 'string' ? value : '')),
  // A browser sends an empty file part when no file was chosen.
  file: z
    .unknown()
    .transform((value) => (isUploadedFile(value) && value.data.length > 0 ? value : undefined)),
});

const thousands = new Intl.NumberFormat('en-GB');
const count = (n: number, one: string, many: string) =>
  `${thousands.format(n)} ${n === 1 ? one : many}`;

export function savedMessage(result: { count: number; duplicates: number }): string {
  const saved = `${count(result.count, 'case number', 'case numbers')} saved.`;
  if (result.duplicates === 0) return saved;
  const repeats =
    result.duplicates === 1
      ? '1 number appeared more than once and was kept once.'
      : `${thousands.format(result.duplicates)} numbers appeared more than once and were kept once.`;
  return `${saved} ${repeats}`;
}

/** "3 lines are not LCS or EHM numbers: lines 4, 7 and 9" beside the field. */
function besideField(field: CaseListFieldProblem['field'], lines: number[]): string {
  const [what, whats] = field === 'file' ? ['row', 'rows'] : ['line', 'lines'];
  const shown = lines.slice(0, listedProblems).map(String);
  const last =
    lines.length > listedProblems ? `${lines.length - listedProblems} more` : shown.pop();
  const which = shown.length > 0 ? `${shown.join(', ')} and ${last}` : last;
  const where = field === 'file' ? ' of the file' : '';
  if (lines.length === 1)
    return `${what[0]?.toUpperCase()}${what.slice(1)} ${which}${where} is not an LCS or EHM number`;
  return `${lines.length} ${whats}${where} are not LCS or EHM numbers: ${whats} ${which}`;
}

function errorsFor(result: Extract<SaveCaseListResult, { status: 'invalid' }>): FormErrors {
  const errors = emptyErrors();
  if (result.wrongLines === 0) {
    for (const problem of result.problems) addError(errors, problem.field, problem.message);
    return errors;
  }
  const first = result.problems[0]?.field ?? 'caseNumbers';
  const lines =
    result.wrongLines === 1 ? '1 line is' : `${thousands.format(result.wrongLines)} lines are`;
  errors.list.push({
    text: `${lines} not an LCS or EHM number. Nothing has been saved`,
    href: `#${first}`,
  });
  for (const problem of result.problems.slice(0, listedProblems))
    errors.list.push({ text: problem.message, href: `#${problem.field}` });
  if (result.wrongLines > listedProblems)
    errors.list.push({
      text: `and ${thousands.format(result.wrongLines - listedProblems)} more`,
      href: `#${first}`,
    });
  for (const field of ['caseNumbers', 'file'] as const) {
    const wrong = result.problems.filter((p) => p.field === field).map((p) => p.line ?? 0);
    if (wrong.length > 0) errors.byField[field] = { text: besideField(field, wrong) };
  }
  return errors;
}

export async function caseListRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { caseList } = opts.services;

  async function show(
    request: SpotlightRequest,
    reply: FastifyReply,
    form: { values?: Record<string, unknown>; errors?: FormErrors } = {},
    status = 200,
  ) {
    const view = await caseList.view(contextOf(request), request.params.spotlightId);
    const systems = ['LCS', 'EHM'].map((system) => ({
      system,
      count: view.entries.filter((entry) => entry.system === system).length,
    }));
    return reply.page(
      page,
      { ...view, ...form, systems, backLink: `/spotlights/${view.spotlight.id}` },
      status,
    );
  }

  app.get(
    '/spotlights/:spotlightId/case-list',
    signedIn,
    async (request: SpotlightRequest, reply) => show(request, reply),
  );

  // In its own scope so that its error handler sees only this route's errors.
  await app.register(async (upload) => {
    // A file over the limit is refused while the body is read, before the handler runs.
    upload.setErrorHandler(async (error: FastifyError, request: SpotlightRequest, reply) => {
      if (error.code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
      const errors = addError(emptyErrors(), 'file', caseListFileMessages.tooBig);
      return show(request, reply, { errors }, 413);
    });

    upload.post(
      '/spotlights/:spotlightId/case-list',
      signedIn,
      async (request: SpotlightRequest, reply) => {
        const form = parseForm(caseListSchema, request.body);
        const pasted = form.ok ? form.value.caseNumbers : '';
        const file = form.ok ? form.value.file : undefined;
        const values = { caseNumbers: pasted };
        let result: SaveCaseListResult;
        try {
          result = await caseList.save(contextOf(request), request.params.spotlightId, {
            pasted,
            readFile: file ? () => readFirstColumn(file.data) : undefined,
          });
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          const errors = addError(emptyErrors(), error.field, error.message);
          return show(request, reply, { values, errors }, 400);
        }
        if (result.status === 'invalid')
          return show(request, reply, { values, errors: errorsFor(result) }, 400);
        request.session.flash = savedMessage(result);
        return reply.redirect(`/spotlights/${request.params.spotlightId}/case-list`, 303);
      },
    );
  });
}
