// Children's case numbers in the council's recording systems (LCS and EHM): their format, which
// each council sets, and reading a pasted case list. Spotlight holds case numbers, never names.

export const caseSystems = ['LCS', 'EHM'] as const;
export type CaseSystem = (typeof caseSystems)[number];

export function isCaseSystem(value: unknown): value is CaseSystem {
  return typeof value === 'string' && (caseSystems as readonly string[]).includes(value);
}

/** A case number is an optional fixed prefix of letters then a run of digits. */
export interface CaseNumberFormat {
  /** Letters every number starts with ('' for none), for example 'EHM'. */
  prefix: string;
  minDigits: number;
  maxDigits: number;
}

export type CaseNumberFormats = Record<CaseSystem, CaseNumberFormat>;

export const defaultCaseNumberFormats: CaseNumberFormats = Object.freeze({
  LCS: { prefix: '', minDigits: 6, maxDigits: 8 },
  EHM: { prefix: 'EHM', minDigits: 6, maxDigits: 8 },
});

export const maxCaseNumberLength = 40;

/** As staff type or paste it: spaces and hyphens dropped, letters in capitals. */
export function normaliseCaseNumber(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

function digitsText(format: CaseNumberFormat): string {
  return format.minDigits === format.maxDigits
    ? `${format.minDigits} digits`
    : `${format.minDigits} to ${format.maxDigits} digits`;
}

/** An example number in the format, for hints: "EHM123456". */
export function exampleCaseNumber(format: CaseNumberFormat): string {
  return format.prefix + '12345678901234567890'.slice(0, Math.max(format.minDigits, 1));
}

/** "LCS numbers are 7 digits, like 1234567" */
export function describeCaseNumberFormat(system: CaseSystem, format: CaseNumberFormat): string {
  const shape = format.prefix ? `${format.prefix} then ${digitsText(format)}` : digitsText(format);
  return `${system} numbers are ${shape}, like ${exampleCaseNumber(format)}`;
}

export function matchesFormat(caseNumber: string, format: CaseNumberFormat): boolean {
  if (!caseNumber.startsWith(format.prefix.toUpperCase())) return false;
  const digits = caseNumber.slice(format.prefix.length);
  return (
    /^\d+$/.test(digits) && digits.length >= format.minDigits && digits.length <= format.maxDigits
  );
}

export type CaseNumberCheck = { ok: true; caseNumber: string } | { ok: false; message: string };

/** Checks a number typed for a known system, giving the message a form shows when it is wrong. */
export function checkCaseNumber(
  system: CaseSystem,
  text: string,
  formats: CaseNumberFormats,
): CaseNumberCheck {
  const caseNumber = normaliseCaseNumber(text);
  if (caseNumber === '') return { ok: false, message: `Enter the child’s ${system} number` };
  if (caseNumber.length > maxCaseNumberLength || !matchesFormat(caseNumber, formats[system])) {
    return {
      ok: false,
      message: `Enter the ${system} number in the right format. ${describeCaseNumberFormat(system, formats[system])}`,
    };
  }
  return { ok: true, caseNumber };
}

/** The system a number belongs to, LCS first when both formats would fit. */
export function detectCaseSystem(
  caseNumber: string,
  formats: CaseNumberFormats,
): CaseSystem | undefined {
  return caseSystems.find((system) => matchesFormat(caseNumber, formats[system]));
}

export interface CaseListEntry {
  system: CaseSystem;
  caseNumber: string;
}

export interface CaseListLineProblem {
  /** 1-based line number in what was pasted or uploaded. */
  line: number;
  message: string;
}

export interface CaseList {
  entries: CaseListEntry[];
  /** Lines that repeated a number already in the list (each number is kept once). */
  duplicates: number;
  problems: CaseListLineProblem[];
}

export const maxCaseListLines = 5000;

/**
 * Reads a case list, one number per line (or per row's first cell). Blank lines and a heading line
 * are skipped; repeats are counted once; lines that are not a case number are listed by number.
 */
export function parseCaseList(lines: readonly string[], formats: CaseNumberFormats): CaseList {
  const entries: CaseListEntry[] = [];
  const seen = new Set<string>();
  const problems: CaseListLineProblem[] = [];
  let duplicates = 0;
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    const caseNumber = normaliseCaseNumber(text);
    const system =
      caseNumber.length <= maxCaseNumberLength ? detectCaseSystem(caseNumber, formats) : undefined;
    if (!system) {
      // A first line of words is a heading ("Case number", "LCS ID"), not a mistake.
      if (index === 0 && !/\d/.test(text)) return;
      problems.push({
        line: index + 1,
        message: `Line ${index + 1} is not an LCS or EHM number`,
      });
      return;
    }
    if (seen.has(caseNumber)) {
      duplicates += 1;
      return;
    }
    seen.add(caseNumber);
    entries.push({ system, caseNumber });
  });
  return { entries, duplicates, problems };
}
