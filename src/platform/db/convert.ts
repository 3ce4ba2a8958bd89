// The one place where SQLite's and PostgreSQL's differences in returned values are smoothed out:
// booleans (0/1 vs boolean), counts (number vs string), JSON (stored as text in both), instants
// (ISO-8601 UTC text in both) and unique-constraint errors.

export type DbBool = number;

export function toDbBool(value: boolean): DbBool {
  return value ? 1 : 0;
}

export function fromDbBool(value: unknown): boolean {
  return value === 1 || value === true || value === '1' || value === 't';
}

export function fromDbCount(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return Number.parseInt(value, 10);
  return 0;
}

export function toDbJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromDbJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

/** An instant as stored: ISO-8601 UTC with milliseconds, so text order is time order. */
export function toDbInstant(date: Date): string {
  return date.toISOString();
}

export function fromDbInstant(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(String(value));
}

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}
