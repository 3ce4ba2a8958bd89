// One place turns every failure into a GOV.UK error page. Users never see a stack trace; a 500
// shows a reference the service desk can find in the logs.
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Conflict, Forbidden, Invalid, NotFound } from './errors.js';

interface ErrorPage {
  status: number;
  template: string;
  data?: Record<string, unknown>;
}

function pageFor(error: unknown, request: FastifyRequest): ErrorPage {
  if (error instanceof NotFound) return { status: 404, template: 'errors/not-found.njk' };
  if (error instanceof Forbidden) return { status: 403, template: 'errors/forbidden.njk' };
  if (error instanceof Conflict)
    return { status: 409, template: 'errors/conflict.njk', data: { message: error.message } };
  if (error instanceof Invalid)
    return { status: 400, template: 'errors/bad-request.njk', data: { message: error.message } };
  const code = (error as FastifyError).code ?? '';
  const statusCode = (error as FastifyError).statusCode ?? 500;
  if (code.startsWith('FST_CSRF')) {
    return {
      status: 403,
      template: 'errors/form-expired.njk',
      data: { signedIn: Boolean(request.actor) },
    };
  }
  if (statusCode === 429) return { status: 429, template: 'errors/too-many-requests.njk' };
  if (statusCode === 413 || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') {
    return { status: 413, template: 'errors/too-large.njk' };
  }
  if (statusCode === 404) return { status: 404, template: 'errors/not-found.njk' };
  if (statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, template: 'errors/bad-request.njk', data: { message: undefined } };
  }
  return { status: 500, template: 'errors/problem.njk' };
}

async function sendErrorPage(reply: FastifyReply, page: ErrorPage): Promise<FastifyReply> {
  const reference = reply.request.id;
  try {
    return await reply.page(page.template, { reference, ...page.data }, page.status);
  } catch (renderError) {
    // The page itself failed (the database may be down): fall back to plain, safe HTML.
    reply.log.error({ err: renderError }, 'error page could not be rendered');
    return reply
      .code(page.status)
      .type('text/html; charset=utf-8')
      .send(
        `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Sorry, there is a problem with the service - Spotlight</title></head>` +
          `<body><main><h1>Sorry, there is a problem with the service</h1><p>Try again later.</p><p>Reference: ${reference}</p></main></body></html>`,
      );
  }
}

export const setUpErrorPages = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(async (error, request, reply) => {
      const page = pageFor(error, request);
      if (page.status >= 500) request.log.error({ err: error }, 'request failed');
      else
        request.log.info(
          { status: page.status, code: (error as FastifyError).code },
          'request refused',
        );
      return sendErrorPage(reply, page);
    });

    // Probing for pages is rate limited, as fastify/demo does.
    await app.register(rateLimit, { global: false });
    app.setNotFoundHandler(
      { preHandler: app.rateLimit({ max: 120, timeWindow: '1 minute' }) },
      async (_request, reply) =>
        sendErrorPage(reply, { status: 404, template: 'errors/not-found.njk' }),
    );
  },
  { name: 'spotlight-error-pages', dependencies: ['spotlight-views'] },
);
