// The form about one child reviewed: its zod schema (every answer optional while drafting), the
// questions in the guidance's words, and what the form, the read-only page and the conflict show.
import { z } from 'zod';
import {
  goodEnoughAnswers,
  goodEnoughNames,
  proportionateAnswers,
  proportionateNames,
  type GoodEnoughAnswer,
  type ProportionateAnswer,
} from '../../../../core/record-themes.js';
import { characters, cleanText } from '../../../day/day-input.js';
import { recordLimits } from '../../record-limits.js';
import { childMessages, type ChildAnswers, type ChildTextField } from '../../record-items.rules.js';

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

const answer = (field: ChildTextField) =>
  text
    .transform(cleanText)
    .refine((value) => characters(value) <= recordLimits.childAnswer, childMessages[field]);

/** One of the answers offered, or nothing yet. */
const choice = <T extends string>(list: readonly T[], message: string) =>
  text
    .refine((value) => value === '' || (list as readonly string[]).includes(value), message)
    .transform((value) => (value === '' ? null : (value as T)));

/** In the order of the page, so the error summary lists problems in that order. */
export const childSchema = z.object({
  documentsRead: answer('documentsRead'),
  lifeForChild: answer('lifeForChild'),
  proportionate: choice<ProportionateAnswer>(proportionateAnswers, childMessages.proportionate),
  proportionateWhy: answer('proportionateWhy'),
  goodEnough: choice<GoodEnoughAnswer>(goodEnoughAnswers, childMessages.goodEnough),
  goodEnoughWhy: answer('goodEnoughWhy'),
  strengths: answer('strengths'),
  areasToDevelop: answer('areasToDevelop'),
}) satisfies z.ZodType<ChildAnswers>;

export const childFields = Object.keys(childSchema.shape) as (keyof ChildAnswers)[];

export const childQuestions = {
  documentsRead: 'Which documents and parts of the record did you read?',
  lifeForChild: 'What is life like for the child?',
  proportionate:
    'Is the help proportionate? Are we intervening too much, or too little, in the child’s life?',
  proportionateWhy: 'Why is the help proportionate, or not?',
  goodEnough: 'Would this be good enough for my own family?',
  goodEnoughWhy: 'Why would it be good enough, or not?',
  strengths: 'Strengths',
  areasToDevelop: 'Areas to develop',
} as const satisfies Record<keyof ChildAnswers, string>;

/** The answers as the form's fields hold them ('' for none). */
export function childValues(answers: ChildAnswers): Record<keyof ChildAnswers, string> {
  return {
    documentsRead: answers.documentsRead,
    lifeForChild: answers.lifeForChild,
    proportionate: answers.proportionate ?? '',
    proportionateWhy: answers.proportionateWhy,
    goodEnough: answers.goodEnough ?? '',
    goodEnoughWhy: answers.goodEnoughWhy,
    strengths: answers.strengths,
    areasToDevelop: answers.areasToDevelop,
  };
}

/** Each answer in words, for reading ('' when not answered). */
function shown(answers: ChildAnswers): Record<keyof ChildAnswers, string> {
  return {
    ...childValues(answers),
    proportionate: answers.proportionate ? proportionateNames[answers.proportionate] : '',
    goodEnough: answers.goodEnough ? goodEnoughNames[answers.goodEnough] : '',
  };
}

/** Each answer as saved now beside what was entered, for the conflict page. */
export function childConflictRows(saved: ChildAnswers, yours: ChildAnswers) {
  const [now, typed] = [shown(saved), shown(yours)];
  return childFields.map((field) => ({
    label: childQuestions[field],
    saved: now[field] || 'Not answered',
    yours: typed[field] || 'Not answered',
    different: now[field] !== typed[field],
  }));
}

/** The answers for reading: each question with its answer, the "why" beside its answer. */
export function childSummaryRows(answers: ChildAnswers) {
  const words = shown(answers);
  const why = (choice: string, reason: string) =>
    [choice, reason].filter((part) => part !== '').join('\n\n');
  return [
    { key: childQuestions.documentsRead, value: words.documentsRead },
    { key: childQuestions.lifeForChild, value: words.lifeForChild },
    {
      key: 'Is the help proportionate?',
      value: why(words.proportionate, words.proportionateWhy),
    },
    {
      key: childQuestions.goodEnough,
      value: why(words.goodEnough, words.goodEnoughWhy),
    },
    { key: childQuestions.strengths, value: words.strengths },
    { key: childQuestions.areasToDevelop, value: words.areasToDevelop },
  ].map((row) => ({ key: row.key, value: row.value || 'Not answered yet' }));
}

export const proportionateItems = (value: string) =>
  proportionateAnswers.map((answer) => ({
    value: answer,
    text: proportionateNames[answer],
    checked: value === answer,
  }));

export const goodEnoughItems = (value: string) =>
  goodEnoughAnswers.map((answer) => ({
    value: answer,
    text: goodEnoughNames[answer],
    checked: value === answer,
  }));
