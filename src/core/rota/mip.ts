// A small layer over HiGHS: build a mixed-integer model column by column and row by row, solve it
// with a time limit and an optional starting solution, and read back the values and the gap.
// solve() blocks its thread: only the solver worker calls it.
import * as highsModule from 'highs';
import type { Highs } from 'highs';

type HighsLoader = () => Promise<Highs>;

/** The package is CommonJS typed as ESM: its loader is the default export or the module itself. */
function highsLoader(): HighsLoader {
  const loaded: unknown = highsModule;
  const candidate: unknown =
    typeof loaded === 'object' && loaded !== null && 'default' in loaded ? loaded.default : loaded;
  if (typeof candidate !== 'function') throw new Error('The HiGHS solver could not be loaded');
  return candidate as HighsLoader;
}

export function loadHighs(): Promise<Highs> {
  return highsLoader()();
}

export type MipStatus = 'optimal' | 'feasible' | 'infeasible' | 'none';

export interface MipResult {
  status: MipStatus;
  values: Float64Array;
  objective: number;
  /** The best proven lower bound (equal to the objective when optimal). */
  bound: number;
}

export class MipModel {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integrality: (0 | 1)[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly coefficients: number[] = [];

  get columns(): number {
    return this.cost.length;
  }

  get rows(): number {
    return this.rowLower.length;
  }

  /** A binary column by default; returns its index. */
  addVar(cost: number, upper = 1, integer = true): number {
    this.cost.push(cost);
    this.lower.push(0);
    this.upper.push(upper);
    this.integrality.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  /** lower <= sum(coefficient * column) <= upper; coefficients default to 1. */
  addRow(
    lower: number,
    upper: number,
    columns: readonly number[],
    coefficients?: readonly number[],
  ): void {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    columns.forEach((column, i) => {
      this.indices.push(column);
      this.coefficients.push(coefficients?.[i] ?? 1);
    });
    this.starts.push(this.indices.length);
  }

  solve(highs: Highs, options: { timeLimitSeconds: number; start?: ArrayLike<number> }): MipResult {
    const empty: MipResult = {
      status: 'none',
      values: new Float64Array(this.columns),
      objective: 0,
      bound: 0,
    };
    if (this.columns === 0) return { ...empty, status: 'optimal' };
    const infinite = (value: number) =>
      value === Infinity ? highs.infinity : value === -Infinity ? -highs.infinity : value;
    const model = highs.createModel({
      numCols: this.columns,
      numRows: this.rows,
      colCost: this.cost,
      colLower: this.lower,
      colUpper: this.upper.map(infinite),
      rowLower: this.rowLower.map(infinite),
      rowUpper: this.rowUpper.map(infinite),
      matrix: {
        format: 'csr',
        numRows: this.rows,
        numCols: this.columns,
        starts: this.starts,
        indices: this.indices,
        values: this.coefficients,
      },
      integrality: this.integrality,
    });
    try {
      model.options.set({
        output_flag: false,
        time_limit: Math.max(0.05, options.timeLimitSeconds),
        mip_rel_gap: 1e-6,
      });
      if (options.start) model.setSolution({ colValue: Array.from(options.start) });
      model.run();
      const status = model.getModelStatus();
      const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
      if (status === highs.constants.modelStatus.infeasible)
        return { ...empty, status: 'infeasible' };
      if (!hasSolution) return empty;
      const objective = model.getObjectiveValue();
      const optimal = status === highs.constants.modelStatus.optimal;
      const bound = optimal ? objective : Number(model.info.get('mip_dual_bound'));
      return {
        status: optimal ? 'optimal' : 'feasible',
        values: model.getSolution().colValue,
        objective,
        bound: Number.isFinite(bound) ? Math.min(bound, objective) : 0,
      };
    } finally {
      model.dispose();
    }
  }
}
