import { describe, expect, it } from 'vitest';
import { parseDateInput } from './date-input.js';

const typed = (day: string, month: string, year: string) => ({
  'from-day': day,
  'from-month': month,
  'from-year': year,
});

describe('reading a GOV.UK date input', () => {
  it('reads a real date, with months as numbers or words', () => {
    expect(parseDateInput(typed('4', '1', '2027'), 'from', 'Start date')).toEqual({
      date: '2027-01-04',
    });
    expect(parseDateInput(typed('29', 'February', '2028'), 'from', 'Start date')).toEqual({
      date: '2028-02-29',
    });
  });

  it('says what is missing, and highlights only those boxes', () => {
    expect(parseDateInput(typed('', '', ''), 'from', 'Start date')).toEqual({
      message: 'Enter the start date',
      parts: [],
    });
    expect(parseDateInput(typed('4', '', ''), 'from', 'Start date')).toEqual({
      message: 'Start date must include a month and year',
      parts: ['month', 'year'],
    });
  });

  it('refuses dates that do not exist and short years', () => {
    expect(parseDateInput(typed('29', '2', '2027'), 'from', 'Start date')).toEqual({
      message: 'Start date must be a real date',
      parts: [],
    });
    expect(parseDateInput(typed('31', '4', '2027'), 'from', 'Start date')).toMatchObject({
      message: 'Start date must be a real date',
    });
    expect(parseDateInput(typed('1', '1', '27'), 'from', 'Start date')).toEqual({
      message: 'Year must include 4 numbers',
      parts: ['year'],
    });
  });
});
