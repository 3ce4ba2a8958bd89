// Quick, necessary checks on who is free: can a team be staffed on a day at all, and how many
// Spotlights can a day hold. The dating model and the explanation use them; they never promise
// that a day can be staffed (the staffing model decides), only rule out days that cannot.
import type { Council } from './council.js';

export type Shortfall = 'team' | 'lead' | 'managers' | 'seniors' | 'members';

/** A reviewer's "unit": their team, or the person alone when outside any team. */
function unitOf(council: Council, p: number): number {
  const team = council.personTeam[p] ?? -1;
  return team >= 0 ? team : council.teams.length + p;
}

export class Capacity {
  /** Per day: units (teams or lone people) with a free reviewer / manager / senior practitioner. */
  readonly units: Int32Array;
  readonly managerUnits: Int32Array;
  readonly seniorUnits: Int32Array;
  /** Per team, per day: 1 when the team itself has a free reviewer / manager / senior. */
  private readonly teamHas: Uint8Array[][];
  readonly leadsFree: Int32Array;

  constructor(private readonly council: Council) {
    const days = council.days.length;
    this.units = new Int32Array(days);
    this.managerUnits = new Int32Array(days);
    this.seniorUnits = new Int32Array(days);
    this.leadsFree = new Int32Array(days);
    this.teamHas = council.teams.map(() => [0, 1, 2].map(() => new Uint8Array(days)));
    const seen = [new Set<number>(), new Set<number>(), new Set<number>()];
    const counts = [this.units, this.managerUnits, this.seniorUnits];
    for (let d = 0; d < days; d++) {
      seen.forEach((s) => s.clear());
      for (const p of council.reviewers) {
        if (council.personFree[p]?.[d] !== 1) continue;
        const unit = unitOf(council, p);
        const team = council.personTeam[p] ?? -1;
        const kinds = [true, council.manager[p] === 1, council.senior[p] === 1];
        kinds.forEach((applies, k) => {
          if (!applies) return;
          if (team >= 0) (this.teamHas[team]?.[k] as Uint8Array)[d] = 1;
          const set = seen[k] as Set<number>;
          if (!set.has(unit)) {
            set.add(unit);
            (counts[k] as Int32Array)[d] = ((counts[k] as Int32Array)[d] ?? 0) + 1;
          }
        });
      }
      this.leadsFree[d] = council.leads.filter((p) => council.personFree[p]?.[d] === 1).length;
    }
  }

  /** Leads free on day d who may lead team t. */
  leadsFor(team: number, day: number): number {
    return (this.council.leadFor[team] ?? []).filter((p) => this.council.personFree[p]?.[day] === 1)
      .length;
  }

  /** What rules out team t on day d, if anything (ignoring everyone else's Spotlights). */
  shortfall(team: number, day: number): Shortfall | undefined {
    const { rules } = this.council;
    if (this.council.teamFree[team]?.[day] !== 1) return 'team';
    if (this.leadsFor(team, day) === 0) return 'lead';
    const own = this.teamHas[team] ?? [];
    const available = (k: number, counts: Int32Array) => (counts[day] ?? 0) - (own[k]?.[day] ?? 0);
    if (available(1, this.managerUnits) < rules.roleMix.managers) return 'managers';
    if (available(2, this.seniorUnits) < rules.roleMix.seniorPractitioners) return 'seniors';
    const needed = Math.max(
      rules.membersPerSpotlight.min,
      rules.roleMix.managers + rules.roleMix.seniorPractitioners,
    );
    if (available(0, this.units) < needed) return 'members';
    return undefined;
  }

  /** The most Spotlights day d can hold, given its free leads and reviewers. */
  dayLimit(day: number): number {
    const { rules } = this.council;
    return Math.min(
      rules.maxSpotlightsPerDay,
      this.leadsFree[day] ?? 0,
      Math.floor((this.units[day] ?? 0) / Math.max(1, rules.membersPerSpotlight.min)),
    );
  }
}
