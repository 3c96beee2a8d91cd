/**
 * The band a figure commits to as an interval, and when two bands can both hold.
 *
 *   exact v              → [v, v]
 *   approximate, near    → [lower, upper] as stored ("about 46%" = 41.4–50.6,
 *                          "almost 70%" = 63–70, see quantity.ts)
 *   upper ("up to")      → (−∞, v]
 *   lower ("more than")  → [v, +∞)
 *   range a–b            → [a, b], widened by ±10% when hedged "about"
 * Two figures can both hold when their intervals intersect. Written figures are
 * rounded, so intervals may miss each other by a rounding slack of 0.5% of the
 * larger magnitude at the gap (12 TWh vs 12.04 TWh is not a conflict, 12 vs 12.2
 * is): half a unit in the third significant figure, the precision most reported
 * figures carry.
 */
import { APPROX_TOLERANCE, type Quantity } from './quantity.ts';

export const ROUNDING_SLACK = 0.005;

export const HEDGED_RANGE = /^(?:about|roughly|around|approximately|approx\.|an estimated|estimated|some|circa|c\.|~|or so)$/;

/** The interval a quantity commits to, in its own unit. */
export function intervalOf(q: Quantity): [number, number] | null {
  switch (q.bound) {
    case 'exact':
      return q.value === null ? null : [q.value, q.value];
    case 'approximate':
    case 'near-below':
    case 'near-above':
      return q.lower === null || q.upper === null ? null : [q.lower, q.upper];
    case 'upper':
      return q.upper === null ? null : [-Infinity, q.upper];
    case 'lower':
      return q.lower === null ? null : [q.lower, Infinity];
    case 'range': {
      if (q.lower === null || q.upper === null) return null;
      const widen = q.hedge !== null && HEDGED_RANGE.test(q.hedge);
      return widen ? [q.lower * (1 - APPROX_TOLERANCE), q.upper * (1 + APPROX_TOLERANCE)] : [q.lower, q.upper];
    }
  }
}

/** True when an upper end `hi` lies below a lower end `lo` by more than the rounding slack. */
export function apart(hi: number, lo: number): boolean {
  return lo - hi > ROUNDING_SLACK * Math.max(Math.abs(lo), Math.abs(hi));
}

/** True when both intervals can hold at once (allowing rounding slack). */
export function compatible(a: [number, number], b: [number, number]): boolean {
  return !(apart(a[1], b[0]) || apart(b[1], a[0]));
}
