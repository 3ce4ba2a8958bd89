import { Writable } from 'node:stream';
import { pino, type LoggerOptions } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { loggerOptions, requestIdOptions, safePath } from './logging.js';

/** A logger with Spotlight's options that writes into an array. */
function capturingLogger(): { log: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const options = loggerOptions(loadConfig({ LOG_LEVEL: 'info' })) as LoggerOptions;
  const log = pino(options, sink);
  return {
    log,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('safePath', () => {
  it('masks the secret in a set-up link', () => {
    expect(safePath('/account/set-up/Zm9vYmFyLXNlY3JldC10b2tlbg')).toBe('/account/set-up/[secret]');
    expect(safePath('/account/set-up/abc123?x=1')).toBe('/account/set-up/[secret]');
  });

  it('drops the query string', () => {
    expect(safePath('/directory/people?q=Jane%20Smith&page=2')).toBe('/directory/people');
    expect(safePath('/sign-in?returnTo=%2Fadmin%2Fusers')).toBe('/sign-in');
    expect(safePath('/?')).toBe('/');
  });

  it('leaves other paths as they are', () => {
    expect(safePath('/directory/teams/7d8f6a51-0d0e-4d7b-9d2b-5a1f8f0c2c11')).toBe(
      '/directory/teams/7d8f6a51-0d0e-4d7b-9d2b-5a1f8f0c2c11',
    );
    expect(safePath('/account/set-up')).toBe('/account/set-up');
  });
});

describe('loggerOptions', () => {
  it('logs a request by method, safe path and id only', () => {
    const { log, lines } = capturingLogger();
    const req = {
      method: 'GET',
      url: '/account/set-up/secret-token?email=jane@example.test',
      id: 'request-1',
      headers: { cookie: 'spotlight-session=abc', authorization: 'Bearer xyz' },
    };
    log.info({ req }, 'incoming request');
    const [line] = lines();
    expect(line?.req).toEqual({ method: 'GET', path: '/account/set-up/[secret]', id: 'request-1' });
    expect(JSON.stringify(lines())).not.toMatch(
      /secret-token|jane@example|spotlight-session=abc|Bearer/,
    );
  });

  it('redacts passwords, form tokens and cookies wherever they are logged', () => {
    const { log, lines } = capturingLogger();
    log.info(
      {
        body: { password: 'correct horse', newPassword: 'n1', confirmPassword: 'n2', _csrf: 'tok' },
      },
      'form',
    );
    log.info({ res: { headers: { 'set-cookie': 'spotlight-session=abc' } } }, 'reply');
    const text = JSON.stringify(lines());
    expect(text).not.toMatch(/correct horse|"n1"|"n2"|"tok"|spotlight-session=abc/);
    expect(text).toContain('[redacted]');
  });

  it('takes its level from the settings', () => {
    expect(loggerOptions(loadConfig({ LOG_LEVEL: 'warn' }))).toMatchObject({ level: 'warn' });
  });
});

describe('requestIdOptions', () => {
  it('makes a fresh UUID for each request and ignores one sent by the client', () => {
    const first = requestIdOptions.genReqId();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdOptions.genReqId()).not.toBe(first);
    expect(requestIdOptions.requestIdHeader).toBe(false);
  });
});
