// The Lead's reason for reopening a submitted record: required, and short.
import { z } from 'zod';
import { characters, cleanText } from '../../../day/day-input.js';
import { recordLimits } from '../../record-limits.js';

export const reopenMessages = {
  reason: 'Enter why you are reopening the record',
  reasonLength: `The reason must be ${recordLimits.reopenReason} characters or fewer`,
};

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

export const reopenSchema = z.object({
  reason: text
    .transform(cleanText)
    .refine((value) => value !== '', reopenMessages.reason)
    .refine((value) => characters(value) <= recordLimits.reopenReason, reopenMessages.reasonLength),
});
