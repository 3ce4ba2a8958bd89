import { describe, expect, it } from 'vitest';
import { defaultCaseNumberFormats } from '../../../core/case-numbers.js';
import { caseNumberScrubber, removedCaseNumber } from './scrub-case-numbers.js';

const scrub = caseNumberScrubber({
  formats: defaultCaseNumberFormats,
  known: ['LCS700001', 'AB-12'],
});

describe('removing case numbers from the report', () => {
  it('removes numbers in the council’s formats, however they were typed', () => {
    expect(scrub('Child 1234567 was seen.')).toBe(`Child ${removedCaseNumber} was seen.`);
    expect(scrub('See EHM123456 and ehm 12345678.')).toBe(
      `See ${removedCaseNumber} and ${removedCaseNumber}.`,
    );
    expect(scrub('LCS 123 456 7, then LCS: 1234-5678')).toBe(
      `${removedCaseNumber}, then ${removedCaseNumber}`,
    );
    expect(scrub('(123456)')).toBe(`(${removedCaseNumber})`);
  });

  it('removes the Spotlight’s own case numbers even when they fit no format', () => {
    expect(scrub('Record LCS700001 was good; so was lcs 700 001.')).toBe(
      `Record ${removedCaseNumber} was good; so was ${removedCaseNumber}.`,
    );
    expect(scrub('Ask about AB12 today')).toBe(`Ask about ${removedCaseNumber} today`);
  });

  it('keeps ordinary numbers, dates and words', () => {
    const text =
      'Twelve workers support 180 children; 40% by 2027-04-30, 12,000 visits, room 12345, AB123.';
    expect(scrub(text)).toBe(text);
    expect(scrub('')).toBe('');
  });

  it('follows the council’s own formats', () => {
    const custom = caseNumberScrubber({
      formats: {
        LCS: { prefix: 'C', minDigits: 5, maxDigits: 5 },
        EHM: { prefix: 'EH', minDigits: 4, maxDigits: 4 },
      },
      known: [],
    });
    expect(custom('C12345 and EH1234 and 1234567')).toBe(
      `${removedCaseNumber} and ${removedCaseNumber} and 1234567`,
    );
  });
});
