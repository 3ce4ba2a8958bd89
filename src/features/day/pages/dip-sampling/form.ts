// The dip-sampling forms: the Lead's "add a target" (who, how many, of what, with what focus) and a
// member's "how many have you done". One zod schema each, messages in the GOV.UK style.
import { z } from 'zod';
import type { TargetInput } from '../../dip-sampling.service.js';
import { characters, cleanLine, dayLimits } from '../../day-input.js';

export const targetMessages = {
  member: 'Select a team member',
  howMany: 'Enter how many the team member should sample',
  howManyNumber: 'How many must be a whole number, like 5',
  howManyRange: `How many must be between 1 and ${dayLimits.howMany}`,
  ofWhat: 'Enter what the team member should sample, for example supervision records',
  ofWhatLength: `What to sample must be ${dayLimits.ofWhat} characters or fewer`,
  focus: `The focus must be ${dayLimits.focus} characters or fewer`,
  done: 'Enter how many you have done, as a number like 2',
};

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

const wholeNumber = (messages: { empty: string; number: string }) =>
  text
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, messages.empty)
        .regex(/^\d{1,4}$/, messages.number)
        .transform(Number),
    );

export const targetSchema = z
  .object({
    member: text.refine((value) => value !== '', targetMessages.member),
    howMany: wholeNumber({
      empty: targetMessages.howMany,
      number: targetMessages.howManyNumber,
    }).refine((n) => n >= 1 && n <= dayLimits.howMany, targetMessages.howManyRange),
    ofWhat: text
      .transform(cleanLine)
      .refine((value) => value !== '', targetMessages.ofWhat)
      .refine((value) => characters(value) <= dayLimits.ofWhat, targetMessages.ofWhatLength),
    focus: text
      .transform(cleanLine)
      .refine((value) => characters(value) <= dayLimits.focus, targetMessages.focus),
  })
  .transform((form): TargetInput => ({
    memberPersonId: form.member,
    howMany: form.howMany,
    ofWhat: form.ofWhat,
    focus: form.focus || null,
  }));

export const progressSchema = z.object({
  done: wholeNumber({ empty: targetMessages.done, number: targetMessages.done }),
});

/** The field a target's progress is typed in: one per target on the page. */
export const doneField = (targetId: string) => `done-${targetId}`;
