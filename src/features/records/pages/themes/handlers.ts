// The member's notes on the five themes of a Spotlight, each with the guidance's question and the
// questions it suggests asking.
import { notesRoutes } from './notes-routes.js';

export const themesRoutes = notesRoutes({
  part: 'themes',
  path: 'themes',
  title: 'Themes',
  intro:
    'Your notes on each of the five themes of a Spotlight: what you saw, heard and read, and what it tells you about the team.',
  saved: 'Your notes on the themes have been saved',
});
