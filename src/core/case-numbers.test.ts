// Children's case numbers: the council's formats, what staff type or paste, and reading a case list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseSystems,
  checkCaseNumber,
  defaultCaseNumberFormats,
  describeCaseNumberFormat,
  detectCaseSystem,
  exampleCaseNumber,
  isCaseSystem,
  maxCaseListLines,
  normaliseCaseNumber,
  parseCaseList,
  type CaseNumberFormats,
} from './case-numbers.js';

const formats = defaultCaseNumberFormats;

describe('case number formats', () => {
  it('describes each format in words, with an example', () => {
    expect(describeCaseNumberFormat('LCS', formats.LCS)).toBe(
      'LCS numbers are 6 to 8 digits, like 123456',
    );
    expect(describeCaseNumberFormat('EHM', formats.EHM)).toBe(
      'EHM numbers are EHM then 6 to 8 digits, like EHM123456',
    );
    expect(describeCaseNumberFormat('LCS', { prefix: '', minDigits: 7, maxDigits: 7 })).toBe(
      'LCS numbers are 7 digits, like 1234567',
    );
    expect(exampleCaseNumber({ prefix: 'CH', minDigits: 3, maxDigits: 5 })).toBe('CH123');
  });

  it('knows the two recording systems', () => {
    expect(caseSystems).toEqual(['LCS', 'EHM']);
    expect(isCaseSystem('EHM')).toBe(true);
    expect(isCaseSystem('ehm')).toBe(false);
    expect(isCaseSystem(undefined)).toBe(false);
  });

  it('reads numbers as typed or pasted: spaces, hyphens and lower case', () => {
    expect(normaliseCaseNumber(' ehm-123 456 ')).toBe('EHM123456');
    expect(normaliseCaseNumber('12\t34--56')).toBe('123456');
    expect(checkCaseNumber('EHM', 'ehm 123-456', formats)).toEqual({
      ok: true,
      caseNumber: 'EHM123456',
    });
    expect(checkCaseNumber('LCS', '1234 5678', formats)).toEqual({
      ok: true,
      caseNumber: '12345678',
    });
  });

  it('says what is wrong in words a form can show', () => {
    expect(checkCaseNumber('LCS', '  ', formats)).toEqual({
      ok: false,
      message: 'Enter the child’s LCS number',
    });
    const wrong = {
      ok: false,
      message:
        'Enter the LCS number in the right format. LCS numbers are 6 to 8 digits, like 123456',
    };
    expect(checkCaseNumber('LCS', '12345', formats)).toEqual(wrong); // too short
    expect(checkCaseNumber('LCS', '123456789', formats)).toEqual(wrong); // too long
    expect(checkCaseNumber('LCS', 'Jane Smith', formats)).toEqual(wrong); // never a name
    expect(checkCaseNumber('LCS', '1'.repeat(500), formats)).toEqual(wrong);
    expect(checkCaseNumber('EHM', '123456', formats)).toMatchObject({
      ok: false,
      message: expect.stringContaining('EHM numbers are EHM then 6 to 8 digits') as unknown,
    });
  });

  it('tells which system a number belongs to, LCS first when both fit', () => {
    expect(detectCaseSystem('1234567', formats)).toBe('LCS');
    expect(detectCaseSystem('EHM1234567', formats)).toBe('EHM');
    expect(detectCaseSystem('XY123456', formats)).toBeUndefined();
    const alike: CaseNumberFormats = {
      LCS: { prefix: '', minDigits: 6, maxDigits: 6 },
      EHM: { prefix: '', minDigits: 6, maxDigits: 8 },
    };
    expect(detectCaseSystem('123456', alike)).toBe('LCS');
    expect(detectCaseSystem('1234567', alike)).toBe('EHM');
  });
});

describe('a pasted case list', () => {
  it('skips a heading and blank lines, keeps each number once, and lists bad lines', () => {
    const list = parseCaseList(
      [
        'Case number',
        '123456',
        '',
        '   ',
        'ehm 123-456',
        '123 456',
        'Jane Smith',
        '12',
        'EHM123456',
      ],
      formats,
    );
    expect(list.entries).toEqual([
      { system: 'LCS', caseNumber: '123456' },
      { system: 'EHM', caseNumber: 'EHM123456' },
    ]);
    expect(list.duplicates).toBe(2);
    expect(list.problems).toEqual([
      { line: 7, message: 'Line 7 is not an LCS or EHM number' },
      { line: 8, message: 'Line 8 is not an LCS or EHM number' },
    ]);
  });

  it('treats only a first line of words as a heading', () => {
    expect(parseCaseList(['LCS ID 1', '123456'], formats).problems).toEqual([
      { line: 1, message: 'Line 1 is not an LCS or EHM number' },
    ]);
    expect(parseCaseList(['123456', 'Case number'], formats).problems).toEqual([
      { line: 2, message: 'Line 2 is not an LCS or EHM number' },
    ]);
    expect(parseCaseList([], formats)).toEqual({ entries: [], duplicates: 0, problems: [] });
  });

  it('reads a list of the largest size', () => {
    const lines = Array.from({ length: maxCaseListLines }, (_, i) => String(100000 + i));
    const list = parseCaseList(['LCS number', ...lines], formats);
    expect(list.entries).toHaveLength(maxCaseListLines);
    expect(list.problems).toEqual([]);
  });
});

// A format the settings page allows, and a number built in it, as someone might type it.
const formatAndNumber = fc
  .record({
    prefix: fc.stringMatching(/^[A-Z]{0,5}$/),
    minDigits: fc.integer({ min: 1, max: 20 }),
    extra: fc.integer({ min: 0, max: 19 }),
    seed: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 20, maxLength: 20 }),
    length: fc.nat(),
    decorate: fc.array(fc.constantFrom('', ' ', '-', ' - '), { minLength: 26, maxLength: 26 }),
    lower: fc.boolean(),
  })
  .map(({ prefix, minDigits, extra, seed, length, decorate, lower }) => {
    const maxDigits = Math.min(20, minDigits + extra);
    const digitCount = minDigits + (length % (maxDigits - minDigits + 1));
    const caseNumber = prefix + seed.slice(0, digitCount).join('');
    const typed = [...caseNumber].map((c, i) => (decorate[i] ?? '') + c).join('');
    return {
      format: { prefix, minDigits, maxDigits },
      caseNumber,
      typed: lower ? typed.toLowerCase() : typed,
    };
  });

describe('case numbers, for any format', () => {
  it('accepts every number built in the format, however it is spaced, and reads it the same', () => {
    fc.assert(
      fc.property(formatAndNumber, ({ format, caseNumber, typed }) => {
        const council: CaseNumberFormats = { LCS: format, EHM: format };
        expect(checkCaseNumber('LCS', typed, council)).toEqual({ ok: true, caseNumber });
        expect(normaliseCaseNumber(caseNumber)).toBe(caseNumber);
        expect(normaliseCaseNumber(normaliseCaseNumber(typed))).toBe(normaliseCaseNumber(typed));
        expect(parseCaseList([typed], council).entries).toEqual([{ system: 'LCS', caseNumber }]);
      }),
      { numRuns: 500 },
    );
  });
});
