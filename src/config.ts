// The one place that reads process.env: parsed by one zod schema, frozen, and typed.
import { z } from 'zod';

const DEVELOPMENT_SECRET = 'development-only-secret-do-not-use-in-production-0000';

const numberFrom = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .trim()
      .refine((v) => v === '' || v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
        message: 'must start with sqlite: or postgres://',
      })
      .optional(),
    PORT: numberFrom(3000, 0, 65535),
    HOST: z.string().trim().min(1).default('localhost'),
    SESSION_SECRET: z.string().optional(),
    SESSION_IDLE_MINUTES: numberFrom(30, 1, 24 * 60),
    SESSION_ABSOLUTE_HOURS: numberFrom(12, 1, 7 * 24),
    COUNCIL_NAME: z.string().trim().min(1).max(120).default('Brackenshire Council'),
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_DISPLAY_NAME: z.string().trim().min(1).max(60).default('Microsoft'),
    FILES_DIR: z.string().trim().min(1).optional(),
    UPLOAD_MAX_MB: numberFrom(20, 1, 200),
    VIRUS_SCAN_COMMAND: z.string().trim().min(1).optional(),
    CLAMD_SOCKET: z.string().trim().min(1).optional(),
    SMTP_URL: z
      .string()
      .trim()
      .refine((v) => /^smtps?:\/\/[^/\s]+/.test(v), {
        message: 'must look like smtp://host:587 or smtps://user:password@host:465',
      })
      .optional(),
    MAIL_FROM: z.string().trim().min(3).max(200).optional(),
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
  })
  .superRefine((env, ctx) => {
    if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
      for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
        if (!env[name])
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is required when OIDC_ISSUER is set',
          });
      }
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message:
          'is required when SMTP_URL is set (for example "Spotlight <spotlight@council.gov.uk>")',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.SESSION_SECRET || env.SESSION_SECRET === DEVELOPMENT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required in production (at least 32 random characters)',
      });
    }
  });

export interface Config {
  readonly environment: 'development' | 'production' | 'test';
  readonly production: boolean;
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly sessionSecret: string;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly councilName: string;
  readonly publicUrl: string | undefined;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  /** Uploaded files: where they are kept, how large one may be, and how they are checked. */
  readonly files: {
    readonly directory: string;
    readonly maxBytes: number;
    /** A command given the file's path: exit 0 clean, 1 infected, anything else an error. */
    readonly virusScanCommand: string | undefined;
    /** A clamd socket (a path, or host:port) to stream files to. */
    readonly clamdSocket: string | undefined;
  };
  /** Email: sent through this SMTP server when set; until then messages wait in the outbox. */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string };
  /** Single sign-on through OpenID Connect (Microsoft Entra ID); undefined when not set up. */
  readonly oidc:
    { issuer: string; clientId: string; clientSecret: string; displayName: string } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Spotlight cannot start because of its settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", as they do in most deployment tools.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  const secret = e.SESSION_SECRET ?? DEVELOPMENT_SECRET;
  if (secret.length < 32) {
    throw new ConfigError(['SESSION_SECRET must be at least 32 characters long']);
  }
  return Object.freeze({
    environment: e.NODE_ENV,
    production: e.NODE_ENV === 'production',
    databaseUrl: e.DATABASE_URL || 'sqlite:./data/spotlight.sqlite',
    port: e.PORT,
    host: e.HOST,
    sessionSecret: secret,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    councilName: e.COUNCIL_NAME,
    publicUrl: e.PUBLIC_URL,
    // Production logs every request; a developer's terminal shows only what needs attention.
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'production' ? 'info' : 'warn'),
    trustProxy: e.TRUST_PROXY,
    files: Object.freeze({
      directory: e.FILES_DIR ?? './data/files',
      maxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
      virusScanCommand: e.VIRUS_SCAN_COMMAND,
      clamdSocket: e.CLAMD_SOCKET,
    }),
    mail: Object.freeze({
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? 'Spotlight <spotlight@localhost>',
    }),
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? Object.freeze({
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            displayName: e.OIDC_DISPLAY_NAME,
          })
        : undefined,
  });
}
