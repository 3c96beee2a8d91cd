/**
 * Conflict detection across claims: two figures for the same thing, in
 * comparable units and of the same kind, whose bands cannot both hold. Each such
 * pair is judged a conflict, a change over time or a supersession (judge.ts).
 *
 * Bands are intervals (intervals.ts): two figures can both hold when their
 * intervals intersect, allowing a rounding slack.
 *
 * The same thing, exactly: the subject's place (by gazetteer identity, so
 * "German" = Germany and Andalusia ≠ Spain, see entities.ts), its metric
 * signature (content words, compounds joined, generic and scope words dropped,
 * see terms.ts), the unit's dimension and rate, and the kind (a level, a signed
 * change — "rose 3%" against "fell 2%" — or a change of unknown direction).
 * Exact keys make the comparison a grouping (conflict-groups.ts), near-linear in
 * the number of claims. An inexact rule (term overlap ≥ 0.6, used before)
 * matched "youth unemployment rate" with "unemployment rate" and "soft wheat
 * export price" with "durum wheat export price", and cannot be indexed without
 * comparing every pair in a bucket. Rewordings meet because the signature is
 * read in canonical form: derived forms stemmed, measure synonyms and the
 * qualifiers a measure implies taken from a small table (measure-words.ts:
 * "hashing power of the Bitcoin network" = "hash rate", "jobless" =
 * "unemployment"), once per distinct subject; subject.ts reads the common
 * rewordings (places, demonyms, scope words, "55% of X comes from Y", "produced
 * X of Y") so they meet. The price of exactness stays: a specific word outside
 * those tables ("youth", "core", "offshore") makes another subject. `sourceId` plays no part: one
 * source can contradict itself, and that is worth showing too.
 */

import { toQuantity } from './quantity.ts';
import { detectFigures } from './figures.ts';
import { timeOf } from './when.ts';
import { apart } from './intervals.ts';
import { SAME_TIME_DAYS } from './judge.ts';
import { groupPairSteps, pairOf, prepare, prepareSteps, runSteps } from './conflict-groups.ts';
import type { ConflictCandidate, ConflictOptions, ConflictPair } from './conflict-types.ts';

export type { Relation } from './judge.ts';
export { apart, compatible, intervalOf, ROUNDING_SLACK } from './intervals.ts';
export { conflictKey } from './conflict-groups.ts';
export type { ConflictCandidate, ConflictOptions, ConflictPair } from './conflict-types.ts';

/**
 * Builds a candidate from a statement: its first figure (or the one whose text is
 * `figureRaw`), that figure's subject and the time its sentence gives it, read
 * against `published` when the detector has not already read one.
 */
export function candidateFromStatement(id: string, statement: string, figureRaw?: string, published?: string | null): ConflictCandidate {
  const figs = detectFigures(statement);
  const fig = (figureRaw ? figs.find((f) => f.raw === figureRaw) : undefined) ?? figs[0] ?? null;
  if (!fig) return { id, statement, quantity: null, subject: null, ...(published !== undefined ? { published } : {}) };
  const asOf = fig.asOf ?? timeOf(statement, { start: fig.sentenceStart, end: fig.sentenceEnd }, fig, published);
  return { id, statement, quantity: { ...toQuantity(fig), asOf }, subject: fig.subject, ...(published !== undefined ? { published } : {}) };
}

/** How two candidates relate, or null when they can both hold or are not about the same thing. */
export function conflictBetween(a: ConflictCandidate, b: ConflictCandidate, options: ConflictOptions = {}): ConflictPair | null {
  if (a.id === b.id) return null;
  const window = options.sameTimeDays ?? SAME_TIME_DAYS;
  const [pa, pb] = prepare([a, b], window);
  if (!pa || !pb || pa.group === null || pa.group !== pb.group) return null;
  if (!apart(pa.hi, pb.lo) && !apart(pb.hi, pa.lo)) return null;
  return pairOf(pa, pb, window);
}

/**
 * The pairs of candidates whose figures for the same thing cannot both hold,
 * each judged conflict, change or superseded, minus dismissed pairs, ordered by
 * the candidates' order. Large groups list each claim's nearest disagreeing
 * figures only (see conflict-groups.ts), so the output stays linear in size.
 */
export function findConflicts(claims: readonly ConflictCandidate[], dismissed: ReadonlySet<string> = new Set(), options: ConflictOptions = {}): ConflictPair[] {
  return runSteps(conflictSteps(claims, dismissed, options));
}

/**
 * `findConflicts` as steps: the generator pauses every few hundred figures, so a
 * caller that serves other requests meanwhile (the service) can run it in time
 * slices; its return value is findConflicts' answer.
 */
export function* conflictSteps(claims: readonly ConflictCandidate[], dismissed: ReadonlySet<string> = new Set(), options: ConflictOptions = {}): Generator<void, ConflictPair[]> {
  const window = options.sameTimeDays ?? SAME_TIME_DAYS;
  const prepared = yield* prepareSteps(claims, window);
  return yield* groupPairSteps(prepared, dismissed, window, options.perClaim);
}
