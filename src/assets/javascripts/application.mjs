// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';
import { startTimeoutWarning } from '/javascripts/timeout-warning.mjs';
import { startAutosave } from '/javascripts/autosave.mjs';

initAll();
startTimeoutWarning(document.getElementById('timeout-warning'));
startAutosave();
