/**
 * Upgrading a stored quantity of schema 2 to schema 3: near hedges ("almost",
 * "just over"), which schema 2 read as open bounds ("anything up to 70%"), get
 * their band; every quantity gains `kind`, `asOf` and `reading`. Anything that
 * is not a schema-2 quantity passes through untouched for the schema to judge.
 */
import { boundsFor, type Bound } from '../claims/quantity.ts';
import { PRE_HEDGES } from '../claims/lexicon.ts';

const NEAR = new Map<string, Bound>(PRE_HEDGES.filter(([, b]) => b === 'near-below' || b === 'near-above'));

export function upgradeQuantity(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input) || 'kind' in input) return input;
  const q = input as Record<string, unknown>;
  const out: Record<string, unknown> = { ...q, kind: 'level', asOf: null, reading: null };
  const hedge = typeof q['hedge'] === 'string' ? q['hedge'] : null;
  const near = hedge === null ? undefined : NEAR.get(hedge);
  const value = q['value'];
  if (near && typeof value === 'number' && ((near === 'near-below' && q['bound'] === 'upper') || (near === 'near-above' && q['bound'] === 'lower'))) {
    Object.assign(out, { bound: near }, boundsFor(value, near as 'near-below' | 'near-above'));
  }
  return out;
}
