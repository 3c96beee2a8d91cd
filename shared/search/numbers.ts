/**
 * Numbers as numbers: the canonical term for a quantity, shared by the tokenizer
 * and the query parser so "1,000,000", "1 million" and "1m" are one and the same.
 *
 * A number term is "#" + the shortest decimal form of the value (rounded to 12
 * significant digits, so 1.1 * 1e6 does not become 1100000.0000000002) + "%" for
 * percentages. "#" cannot occur in a folded word, so number terms never collide with
 * words, and the numeric side index can recognise them by their first character.
 */

import { readScale, roundNumber } from '../text/numbers.ts';

/**
 * Value of a number literal in a range query (">=1m", "50-60%"): digits with optional
 * thousands commas and a glued scale suffix, read by the shared number reader. In a
 * comparison the suffix can only be a scale, so "m" is a million and "b" a billion here.
 */
export function parseNumberLiteral(digits: string, suffix?: string): number {
  const v = Number(digits.replace(/,/g, ''));
  const scale = suffix === undefined ? 1 : (readScale(suffix, 0, true, { mAtEnd: true, currency: true })?.scale ?? 1);
  return roundValue(v * scale);
}

export const roundValue = roundNumber;

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
