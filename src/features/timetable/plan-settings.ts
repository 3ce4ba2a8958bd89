// A year plan's settings: everything in PlanRules but the teams and people, which come from the
// directory. Stored with the plan (JSON text) so that edits are checked against the same rules.
import type { PlanRules } from '../../core/rota/plan.types.js';
import { fromDbJson } from '../../platform/db/convert.js';

export type PlanSettings = Omit<PlanRules, 'teams' | 'people'>;

/** The defaults for what the QA coordinator does not choose. */
export const defaultSettings: Omit<PlanSettings, 'from' | 'to'> = {
  closures: [],
  region: 'england-and-wales',
  maxSpotlightsPerDay: 2,
  membersPerSpotlight: { min: 3, max: 4 },
  maxPerPersonPerYear: 2,
  maxLeadsPerPersonPerYear: 12,
  roleMix: { managers: 1, seniorPractitioners: 1 },
};

/** Reads stored settings, filling in a default for anything missing. */
export function settingsFromJson(text: string, from: string, to: string): PlanSettings {
  const stored = fromDbJson<Partial<PlanSettings>>(text, {});
  return {
    ...defaultSettings,
    ...stored,
    membersPerSpotlight: {
      ...defaultSettings.membersPerSpotlight,
      ...stored.membersPerSpotlight,
    },
    roleMix: { ...defaultSettings.roleMix, ...stored.roleMix },
    closures: Array.isArray(stored.closures) ? stored.closures : [],
    from,
    to,
  };
}
