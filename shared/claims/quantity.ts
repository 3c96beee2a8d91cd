/**
 * The Quantity type the notebook's Claim model stores, and the one rule that turns
 * a hedge into bounds.
 *
 * A figure in a source is rarely exact: "almost 70%", "about 46%", "up to 8 GWh".
 * The hedge decides what the writer actually committed to, so every Quantity
 * carries explicit bounds and the conflict check can reason about intervals
 * instead of bare numbers.
 */

export type Bound = 'exact' | 'upper' | 'lower' | 'approximate' | 'range';

export interface Quantity {
  value: number | null; // the central value (null for a pure range)
  lower: number | null; // inclusive lower bound implied by hedge/range, null if unbounded
  upper: number | null; // upper bound, null if unbounded
  unit: string | null; // canonical unit ('%', 'pp', 'USD', 'GW', 'count', 'USD/day', '%/yoy' ...)
  hedge: string | null; // the hedge words as written, lower-cased
  bound: Bound;
  raw: string; // the exact span text
}

/**
 * Relative half-width given to approximate figures ("about 46%" = 41.4–50.6).
 * 10% because a writer who says "about" has usually rounded to one or two
 * significant figures and may be repeating a loosely reported number: a tighter
 * tolerance flags ordinary reporting noise (about 46% vs 49%) as a conflict, a
 * wider one hides real disagreements (about 46% vs 60%).
 */
export const APPROX_TOLERANCE = 0.1;

/**
 * Builds the bounds for a single hedged value. Upper hedges ("almost", "less
 * than", "up to") make the value an upper bound and lower hedges ("more than",
 * "at least") a lower bound; whether the bound is strict ("less than") or not
 * ("up to") is deliberately ignored, because a written figure is itself rounded
 * and the difference is below reporting precision.
 */
export function boundsFor(value: number, bound: Exclude<Bound, 'range'>): { lower: number | null; upper: number | null } {
  switch (bound) {
    case 'exact':
      return { lower: value, upper: value };
    case 'upper':
      return { lower: null, upper: value };
    case 'lower':
      return { lower: value, upper: null };
    case 'approximate': {
      const a = roundTiny(value * (1 - APPROX_TOLERANCE));
      const b = roundTiny(value * (1 + APPROX_TOLERANCE));
      return { lower: Math.min(a, b), upper: Math.max(a, b) };
    }
  }
}

/** Strips binary floating-point noise (46 * 0.9 = 41.400000000000006). */
export function roundTiny(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
