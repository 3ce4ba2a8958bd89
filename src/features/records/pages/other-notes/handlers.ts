// The member's other notes: complaints, compliments, practice reviews and audits and what the team
// learnt from them; conversations with team members and other Team Managers; observations.
import { notesRoutes } from '../themes/notes-routes.js';

export const otherNotesRoutes = notesRoutes({
  part: 'other-notes',
  path: 'other-notes',
  title: 'Other notes',
  intro:
    'What you learnt from complaints, compliments, practice reviews and audits, from your conversations, and from watching the team at work.',
  saved: 'Your other notes have been saved',
});
