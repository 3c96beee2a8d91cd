/**
 * Numbers as numbers: the canonical term for a quantity, shared by the tokenizer
 * and the query parser so "1,000,000", "1 million" and "1m" are one and the same.
 *
 * A number term is "#" + the shortest decimal form of the value (rounded to 12
 * significant digits, so 1.1 * 1e6 does not become 1100000.0000000002) + "%" for
 * percentages. "#" cannot occur in a folded word, so number terms never collide with
 * words, and the numeric side index can recognise them by their first character.
 */

/** Spelled-out scales that may follow a number after a space ("3.5 billion"). */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

/** Suffixes glued to the digits ("5k", "1m", "3.5bn"). */
const SUFFIX_SCALE: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, tn: 1e12 };

/** Value of a digit string with optional thousands commas and a glued scale suffix. */
export function parseNumberLiteral(digits: string, suffix?: string): number {
  const v = Number(digits.replace(/,/g, ''));
  const scale = suffix === undefined ? 1 : (SUFFIX_SCALE[suffix.toLowerCase()] ?? 1);
  return roundValue(v * scale);
}

export function roundValue(v: number): number {
  // Integers need no rounding (and toPrecision is slow enough to show in index builds).
  return Number.isSafeInteger(v) ? v : Number(v.toPrecision(12));
}

export function numberTerm(value: number, unit: '%' | ''): string {
  return `#${String(roundValue(value))}${unit}`;
}

/** Parses a number term back into value and unit; undefined for non-number terms. */
export function parseNumberTerm(term: string): { value: number; unit: '%' | '' } | undefined {
  if (!term.startsWith('#')) return undefined;
  const pct = term.endsWith('%');
  const value = Number(term.slice(1, pct ? -1 : undefined));
  return Number.isFinite(value) ? { value, unit: pct ? '%' : '' } : undefined;
}

/** An inclusive/exclusive numeric range over one unit, as the query `>50%` asks. */
export interface NumberRange {
  unit: '%' | '';
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

export function inRange(r: NumberRange, value: number): boolean {
  return (r.minInclusive ? value >= r.min : value > r.min) && (r.maxInclusive ? value <= r.max : value < r.max);
}
