/**
 * Conflict detection across claims: two claims conflict when they measure the
 * same thing in comparable units, but the figures, read with their hedges,
 * cannot both be true.
 *
 * Interval arithmetic. Each quantity becomes a closed interval on the real line,
 * converted to a common unit (500 MW and 0.5 GW compare equal):
 *   exact v          → [v, v]
 *   approximate v    → [lower, upper] as stored (v ± 10%, see quantity.ts)
 *   upper ("almost") → (−∞, v]
 *   lower ("over")   → [v, +∞)
 *   range a–b        → [a, b], widened by ±10% when hedged "about"
 * Two claims can both hold when their intervals intersect. Written figures are
 * rounded, so intervals are allowed to miss each other by a rounding slack of
 * 0.5% of the larger magnitude at the gap (12 TWh vs 12.04 TWh is not a
 * conflict). "almost 70%" = (−∞, 70] and "about 46%" = [41.4, 50.6] intersect:
 * no conflict; "more than 70%" = [70, ∞) and [41.4, 50.6] do not: conflict.
 *
 * Same subject: Jaccard overlap of the subjects' terms (see terms.ts) of at
 * least 0.6, and, when both subjects name an entity ("China — global hash
 * rate"), the entities share a term. 0.6 because rewordings of one metric
 * share nearly all terms, while one differing word in a two- or three-term
 * subject ("wheat exports" / "rice exports", 1/3) usually names another thing.
 * Units must convert (no currency conversion, the same rate suffix). Claims
 * dated more than a year apart (when both carry dates) describe different
 * moments and are not compared. `sourceId` plays no part: one source can
 * contradict itself, and that is worth showing too.
 */

import { APPROX_TOLERANCE, toQuantity, type Quantity } from './quantity.ts';
import { commonFactors } from './units.ts';
import { overlapOfTerms, subjectTerms } from './terms.ts';
import { detectFigures } from './figures.ts';

export interface ConflictCandidate {
  id: string;
  statement: string;
  quantity: Quantity | null;
  subject?: string | null;
  sourceId?: string | null;
  date?: string | null;
}
export interface ConflictPair {
  a: string;
  b: string;
  key: string; // `${min(id)}|${max(id)}`, order-independent
  reason: string;
  overlap: number; // subject term overlap (Jaccard, 0..1)
}
export interface ConflictOptions {
  /** Minimum subject overlap to call two claims the same metric. */
  minOverlap?: number;
  /** Claims dated further apart than this are not compared (Infinity: always compare). */
  maxDateGapDays?: number;
}

export const MIN_SUBJECT_OVERLAP = 0.6;
export const ROUNDING_SLACK = 0.005;
const DEFAULT_DATE_GAP_DAYS = 366;

export function conflictKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

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
      const widen = q.hedge !== null && /^(?:about|roughly|around|approximately|approx\.|an estimated|estimated|some|circa|c\.|~|or so)$/.test(q.hedge);
      return widen ? [q.lower * (1 - APPROX_TOLERANCE), q.upper * (1 + APPROX_TOLERANCE)] : [q.lower, q.upper];
    }
  }
}

/** True when both intervals can hold at once (allowing rounding slack). */
export function compatible(a: [number, number], b: [number, number]): boolean {
  const gap = (lo: number, hi: number): boolean => lo - hi > ROUNDING_SLACK * Math.max(Math.abs(lo), Math.abs(hi));
  return !(gap(b[0], a[1]) || gap(a[0], b[1]));
}

function entityOf(subject: string): string | null {
  const i = subject.indexOf(' — ');
  return i < 0 ? null : subject.slice(0, i);
}
function metricOf(subject: string): string {
  const i = subject.indexOf(' — ');
  return i < 0 ? subject : subject.slice(i + 3);
}

const fmt = (x: number): string => (Math.abs(x) >= 1000 ? x.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(Number.parseFloat(x.toFixed(2))));
function describe(q: Quantity): string {
  // "Between 20 and 30" opened a sentence; inside a reason it reads lower-case
  const text = q.raw.trim().replace(/\s+/g, ' ').replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  return q.bound === 'approximate' && q.lower !== null && q.upper !== null ? `${text} (${fmt(q.lower)}–${fmt(q.upper)})` : text;
}

function daysApart(a: string, b: string): number | null {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? null : Math.abs(ta - tb) / 86_400_000;
}

/** Builds a candidate from a statement: its first figure (or the one whose text is `figureRaw`) and that figure's subject. */
export function candidateFromStatement(id: string, statement: string, figureRaw?: string): ConflictCandidate {
  const figs = detectFigures(statement);
  const fig = (figureRaw ? figs.find((f) => f.raw === figureRaw) : undefined) ?? figs[0] ?? null;
  if (!fig) return { id, statement, quantity: null, subject: null };
  return { id, statement, quantity: toQuantity(fig), subject: fig.subject };
}

interface Subject {
  text: string;
  terms: string[];
  entityTerms: string[]; // terms of the part before " — ", when the subject has one
}

function resolveSubject(c: ConflictCandidate): Subject {
  const text = subjectOf(c);
  const entity = entityOf(text);
  return { text, terms: subjectTerms(text), entityTerms: entity ? subjectTerms(entity) : [] };
}

function subjectOf(c: ConflictCandidate): string {
  if (c.subject) return c.subject;
  if (!c.quantity) return '';
  const figs = detectFigures(c.statement);
  return (figs.find((f) => f.raw === c.quantity!.raw) ?? figs[0])?.subject ?? '';
}

/** Why two candidates conflict, or null when they can both hold (or are not comparable). */
export function conflictBetween(
  a: ConflictCandidate,
  b: ConflictCandidate,
  options: ConflictOptions = {},
  subjects: [Subject, Subject] = [resolveSubject(a), resolveSubject(b)],
): ConflictPair | null {
  const qa = a.quantity;
  const qb = b.quantity;
  if (!qa || !qb || a.id === b.id || !qa.unit || !qb.unit) return null;
  const factors = commonFactors(qa.unit, qb.unit);
  if (!factors) return null;
  const maxGap = options.maxDateGapDays ?? DEFAULT_DATE_GAP_DAYS;
  if (a.date && b.date) {
    const d = daysApart(a.date, b.date);
    if (d !== null && d > maxGap) return null;
  }
  const [sa, sb] = subjects;
  const { overlap } = overlapOfTerms(sa.terms, sb.terms);
  if (overlap < (options.minOverlap ?? MIN_SUBJECT_OVERLAP)) return null;
  if (sa.entityTerms.length > 0 && sb.entityTerms.length > 0 && overlapOfTerms(sa.entityTerms, sb.entityTerms).shared.length === 0) return null;
  const ia = intervalOf(qa);
  const ib = intervalOf(qb);
  if (!ia || !ib) return null;
  const [fa, fb] = factors;
  if (compatible([ia[0] * fa, ia[1] * fa], [ib[0] * fb, ib[1] * fb])) return null;
  const metric = metricOf(sa.text) || metricOf(sb.text);
  return {
    a: a.id,
    b: b.id,
    key: conflictKey(a.id, b.id),
    reason: `A says ${describe(qa)}, B says ${describe(qb)}${metric ? ` of ${metric}` : ''}`,
    overlap: Number.parseFloat(overlap.toFixed(3)),
  };
}

/** Every pair of candidates whose figures cannot both hold, minus dismissed pairs. */
export function findConflicts(claims: ConflictCandidate[], dismissed: Set<string> = new Set(), options: ConflictOptions = {}): ConflictPair[] {
  const out: ConflictPair[] = [];
  // resolved once per claim: reading a subject from a statement runs the detector
  const subjects = claims.map(resolveSubject);
  for (const [i, j] of candidatePairs(subjects)) {
    const a = claims[i]!;
    const b = claims[j]!;
    if (dismissed.has(conflictKey(a.id, b.id))) continue;
    const pair = conflictBetween(a, b, options, [subjects[i]!, subjects[j]!]);
    if (pair) out.push(pair);
  }
  return out;
}

/**
 * The pairs worth comparing, in (i, j) order. A conflict needs overlapping subject
 * terms (MIN_SUBJECT_OVERLAP > 0), so only claims sharing a term — or a term and a
 * compound of two adjacent terms ("hash rate" / "hashrate"), which overlapOfTerms
 * also joins — are compared: near-linear in the number of claims for a real
 * notebook, instead of every pair.
 */
function candidatePairs(subjects: readonly Subject[]): [number, number][] {
  const buckets = new Map<string, number[]>();
  subjects.forEach((s, i) => {
    const keys = new Set(s.terms);
    for (let k = 1; k < s.terms.length; k++) keys.add(s.terms[k - 1]! + s.terms[k]!);
    for (const key of keys) {
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const pairs = new Set<number>();
  const n = subjects.length;
  for (const list of buckets.values()) for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) pairs.add(list[x]! * n + list[y]!);
  return [...pairs].sort((p, q) => p - q).map((p) => [Math.floor(p / n), p % n]);
}
