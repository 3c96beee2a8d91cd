/**
 * The time a figure's sentence gives it ("in April", "September 2019", "last
 * year"), resolved against the source's published date when one is known.
 */
import type { Period } from './quantity.ts';

/** The time written in the sentence around a figure, or null when it gives none. */
export function timeOf(_text: string, _sentence: { start: number; end: number }, _figure: { start: number; end: number }, _published?: string | null): Period | null {
  return null;
}
