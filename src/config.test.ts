import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const goodSecret = 'a-long-random-production-secret-0123456789';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('loadConfig accepted the settings');
}

describe('loadConfig', () => {
  it('has safe defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: 'development',
      production: false,
      databaseUrl: 'sqlite:./data/spotlight.sqlite',
      port: 3000,
      host: 'localhost',
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      councilName: 'Brackenshire Council',
      publicUrl: undefined,
      logLevel: 'warn',
      trustProxy: false,
    });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('logs every request in production, and only what needs attention while developing', () => {
    const secret = { SESSION_SECRET: 'a'.repeat(40) };
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).logLevel).toBe('info');
    expect(loadConfig({}).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('keeps emails in the outbox until a mail server is set, and then needs a sender address', () => {
    expect(loadConfig({}).mail.smtpUrl).toBeUndefined();
    expect(
      loadConfig({
        SMTP_URL: 'smtps://spotlight:pw@mail.council.example:465',
        MAIL_FROM: 'Spotlight <s@c.example>',
      }).mail,
    ).toEqual({
      smtpUrl: 'smtps://spotlight:pw@mail.council.example:465',
      from: 'Spotlight <s@c.example>',
    });
    expect(problemsOf({ SMTP_URL: 'smtp://mail.council.example:587' })).toEqual([
      'MAIL_FROM is required when SMTP_URL is set (for example "Spotlight <spotlight@council.gov.uk>")',
    ]);
    const wrong = problemsOf({
      SMTP_URL: 'mail.council.example:secret-password',
      MAIL_FROM: 'x@y.z',
    });
    expect(wrong).toEqual([
      'SMTP_URL must look like smtp://host:587 or smtps://user:password@host:465',
    ]);
    expect(wrong.join()).not.toContain('secret-password');
  });

  it('treats empty settings as not set', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '', COUNCIL_NAME: '' })).toMatchObject({
      databaseUrl: 'sqlite:./data/spotlight.sqlite',
      port: 3000,
      councilName: 'Brackenshire Council',
    });
  });

  it.each([
    'sqlite::memory:',
    'sqlite:./data/other.sqlite',
    'sqlite:/var/lib/spotlight/spotlight.sqlite',
    'postgres://spotlight:secret@db.internal:5432/spotlight',
    'postgresql://spotlight@localhost/spotlight?sslmode=require',
  ])('accepts DATABASE_URL %s', (url) => {
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it.each(['mysql://localhost/spotlight', './spotlight.sqlite', 'http://example.test'])(
    'refuses DATABASE_URL %s, naming the setting',
    (url) => {
      const problems = problemsOf({ DATABASE_URL: url });
      expect(problems).toEqual([expect.stringContaining('DATABASE_URL')]);
      expect(problems[0]).toContain('must start with sqlite: or postgres://');
    },
  );

  it('reads the port and the other numbers', () => {
    expect(
      loadConfig({
        PORT: '8080',
        SESSION_IDLE_MINUTES: '15',
        SESSION_ABSOLUTE_HOURS: '8',
        TRUST_PROXY: '1',
      }),
    ).toMatchObject({
      port: 8080,
      sessionIdleMinutes: 15,
      sessionAbsoluteHours: 8,
      trustProxy: true,
    });
  });

  it.each(['abc', '70000', '-1', '80.5'])(
    'refuses PORT %s with a ConfigError naming PORT',
    (port) => {
      expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
      expect(problemsOf({ PORT: port })).toEqual([expect.stringMatching(/^PORT /)]);
    },
  );

  it('explains every problem at once, in a message for the person starting the service', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'chatty', NODE_ENV: 'staging' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['LOG_LEVEL', 'NODE_ENV', 'PORT']);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      /Spotlight cannot start because of its settings:\n {2}- PORT /,
    );
  });

  it('needs SESSION_SECRET in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'SESSION_SECRET is required in production (at least 32 random characters)',
    ]);
  });

  it('does not let production use the development secret', () => {
    const development = loadConfig({}).sessionSecret;
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: development })).toEqual([
      expect.stringMatching(/^SESSION_SECRET /),
    ]);
  });

  it('refuses a short SESSION_SECRET in any environment', () => {
    for (const NODE_ENV of ['production', 'development', 'test']) {
      expect(problemsOf({ NODE_ENV, SESSION_SECRET: 'x'.repeat(31) })).toEqual([
        'SESSION_SECRET must be at least 32 characters long',
      ]);
    }
  });

  it('starts in production with a good secret', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: goodSecret,
      PUBLIC_URL: 'https://spotlight.example.gov.uk',
    });
    expect(config).toMatchObject({
      production: true,
      sessionSecret: goodSecret,
      publicUrl: 'https://spotlight.example.gov.uk',
    });
  });

  it('refuses a PUBLIC_URL that is not a URL', () => {
    expect(problemsOf({ PUBLIC_URL: 'spotlight dot council' })).toEqual([
      expect.stringMatching(/^PUBLIC_URL /),
    ]);
  });
});
