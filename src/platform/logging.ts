// Structured logs (pino, through Fastify) with a request id, and nothing personal in them: cookies,
// passwords and authorisation headers are redacted and only the path of a URL is logged.
import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/** The path without its query string, with set-up link secrets masked. */
export function safePath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/^\/account\/set-up\/[^/]+/, '/account/set-up/[secret]');
}

interface LoggableRequest {
  method: string;
  url: string;
  id: string;
}

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.confirmPassword',
        '*._csrf',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: LoggableRequest) => ({
        method: request.method,
        path: safePath(request.url),
        id: request.id,
      }),
    },
  };
}

export const requestIdOptions = {
  genReqId: () => randomUUID(),
  requestIdHeader: false as const,
};
