/** Ranking weights of the search index: per kind of match and per document type, and the type masks built from them. */

import { DOC_TYPES } from './query.ts';
import type { DocType } from './types.ts';

/**
 * Ranking is BM25 (k1 = 1.2, b = 0.75, rank.ts) per matching term, times:
 *   exact word 1.0 · prefix completion 0.7 · typo match 0.4  (exact beats fuzzy)
 *   quoted phrase 1.5 (sum of its words' idf, phrase count as tf) · number range 1.0
 *   and per document type quote 1.25 · claim 1.25 · note 1.1 · tag 1.1 · source 1.0,
 * so a quote or claim that says the same thing outranks the raw passage it came from.
 */
export const WEIGHTS = {
  exact: 1,
  prefix: 0.7,
  fuzzy: 0.4,
  phrase: 1.5,
  range: 1,
  type: { quote: 1.25, claim: 1.25, note: 1.1, tag: 1.1, source: 1 } as Record<DocType, number>,
} as const;

/** A type mask with every document type in it (bit i: DOC_TYPES[i]). */
export const ALL_TYPES = (1 << DOC_TYPES.length) - 1;
/** Upper bound on any stored type weight (as docW holds it, a float32). */
export const MAX_TYPE_WEIGHT = Math.fround(Math.max(1, ...Object.values(WEIGHTS.type)));
/** Type weights by type code (index into DOC_TYPES). */
export const TYPE_WEIGHTS = DOC_TYPES.map((t) => WEIGHTS.type[t]);

/** The type mask of a type: filter's values. */
export const typeBits = (values: readonly string[]): number => values.reduce((m, v) => m | (1 << Math.max(0, DOC_TYPES.indexOf(v as DocType))), 0);
