// A team member's comment (where, and what) and the Lead's optional reply when resolving one.
import { z } from 'zod';
import { characters, cleanText } from '../../../day/day-input.js';
import {
  commentPlaces,
  isCommentPlace,
  placeName,
  reviewLimits,
  reviewMessages,
} from '../../report-review.rules.js';
import { formText, longText } from '../sign-off/form.js';

export const commentSchema = z.object({
  place: formText.refine(isCommentPlace, reviewMessages.place),
  text: longText(reviewLimits.comment, reviewMessages.commentNone, reviewMessages.commentLength),
});

export const resolveSchema = z.object({
  reply: formText
    .transform(cleanText)
    .refine((value) => characters(value) <= reviewLimits.reply, reviewMessages.replyLength),
});

/** The select's options: every section in report order, then the recommendations. */
export function placeItems(selected: unknown) {
  return [
    { value: '', text: 'Choose where', selected: !selected },
    ...commentPlaces.map((place) => ({
      value: place,
      text: placeName(place),
      selected: selected === place,
    })),
  ];
}
