// How much each part of a Team Member Information Record may hold, in characters. Generous: a
// member may write a lot about a theme, but not paste a whole case file.
export const recordLimits = {
  /** Notes on one theme, or one of the other notes. */
  notes: 10_000,
  /** Each answer about a child. */
  childAnswer: 5_000,
  /** What was seen, for one evidence item. */
  seen: 5_000,
  /** Children a member may add beyond the three allocated. */
  extraChildren: 12,
  /** The Lead's reason for reopening a record. */
  reopenReason: 500,
  /** One key finding. */
  keyFinding: 2_000,
  /** Feedback notes, and each suggested action. */
  feedbackNotes: 10_000,
  suggestedAction: 500,
  suggestedActions: 10,
  othersPresent: 500,
} as const;
