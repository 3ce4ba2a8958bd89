// The random choice of a child, made so anyone can check it: the draw is worked out from a recorded
// seed, the case list it drew from and the children it left out. Given the same three, it always
// chooses the same child. Each draw is uniform over the eligible children (rejection sampling on
// HMAC-SHA256, so no child is favoured by rounding).
import { createHmac } from 'node:crypto';

export const drawAlgorithm = 'hmac-sha256-v1';

export interface DrawInput {
  seed: string;
  /** The case list drawn from. Its order does not matter: the draw sorts it. */
  pool: readonly string[];
  /** Case numbers that must not be chosen (nominated children, children already allocated). */
  exclusions: readonly string[];
}

export interface Draw extends DrawInput {
  algorithm: typeof drawAlgorithm;
  /** The children who could be chosen, in the order the draw numbered them. */
  eligible: string[];
  /** The position in `eligible` the draw landed on. */
  index: number;
  chosen: string;
}

/** The eligible children: the pool, without repeats or exclusions, in text order. */
export function eligibleChildren(pool: readonly string[], exclusions: readonly string[]): string[] {
  const left = new Set(exclusions);
  return [...new Set(pool)].filter((c) => !left.has(c)).sort();
}

/** A whole number from 0 to n - 1, uniform, from the seed alone. */
export function uniformIndex(seed: string, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('Nothing to draw from');
  // 2^48 is the largest range that JavaScript numbers hold exactly; reject the uneven top end.
  const range = 2 ** 48;
  const limit = range - (range % n);
  for (let attempt = 0; ; attempt += 1) {
    const digest = createHmac('sha256', seed).update(`draw:${attempt}`).digest();
    const value = digest.readUIntBE(0, 6);
    if (value < limit) return value % n;
  }
}

/** Draws one child; undefined when nobody is eligible. */
export function drawChild(input: DrawInput): Draw | undefined {
  const eligible = eligibleChildren(input.pool, input.exclusions);
  if (eligible.length === 0) return undefined;
  const index = uniformIndex(input.seed, eligible.length);
  return {
    algorithm: drawAlgorithm,
    seed: input.seed,
    pool: [...input.pool],
    exclusions: [...input.exclusions],
    eligible,
    index,
    chosen: eligible[index] as string,
  };
}
