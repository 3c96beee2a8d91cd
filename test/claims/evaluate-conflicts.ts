/**
 * Evaluation of the conflict judgement against hand-labelled claim pairs:
 * precision and recall of conflicts, and of each relation (change, superseded),
 * with every wrong judgement listed. Pure: the caller loads the fixtures, so
 * tests and the benchmark share it.
 */
import { score, type Score } from './evaluate.ts';
import { candidateFromStatement, findConflicts, type ConflictCandidate, type ConflictOptions, type Relation } from '../../shared/claims/conflicts.ts';

export type Expected = Relation | 'none';

export interface PairSide {
  text: string;
  published?: string | null;
  addedAt?: string | null;
  /** The figure's text, when it is not the side's first figure. */
  figure?: string;
}
export interface LabelledPair {
  id: string;
  a: string | PairSide;
  b: string | PairSide;
  /** The expected relation; older pairs say only `conflict`. */
  relation?: Expected;
  conflict?: boolean;
  style?: string;
  topic?: string;
  note?: string;
}
export interface ConflictEvaluation extends Score {
  relations: Record<Relation, Score>;
  /** expected → predicted → count */
  confusion: Record<Expected, Record<Expected, number>>;
  wrong: Array<{ id: string; expected: Expected; predicted: Expected; reason: string }>;
}

export function expectedOf(p: LabelledPair): Expected {
  return p.relation ?? (p.conflict ? 'conflict' : 'none');
}

function candidate(id: string, s: string | PairSide): ConflictCandidate {
  const side = typeof s === 'string' ? { text: s } : s;
  return { ...candidateFromStatement(id, side.text, side.figure, side.published ?? null), addedAt: side.addedAt ?? null };
}

const KINDS: Expected[] = ['conflict', 'change', 'superseded', 'none'];

export function evaluateConflicts(pairs: readonly LabelledPair[], options: ConflictOptions = {}): ConflictEvaluation {
  const confusion = Object.fromEntries(KINDS.map((e) => [e, Object.fromEntries(KINDS.map((k) => [k, 0]))])) as ConflictEvaluation['confusion'];
  const wrong: ConflictEvaluation['wrong'] = [];
  for (const p of pairs) {
    const [found] = findConflicts([candidate(`${p.id}-a`, p.a), candidate(`${p.id}-b`, p.b)], new Set(), options);
    const predicted: Expected = found?.relation ?? 'none';
    const expected = expectedOf(p);
    confusion[expected][predicted]++;
    if (predicted !== expected) wrong.push({ id: p.id, expected, predicted, reason: found?.reason ?? 'no pair found' });
  }
  const of = (r: Relation): Score => {
    const tp = confusion[r][r];
    const fp = KINDS.filter((e) => e !== r).reduce((n, e) => n + confusion[e][r], 0);
    const fn = KINDS.filter((k) => k !== r).reduce((n, k) => n + confusion[r][k], 0);
    return score(tp, fp, fn);
  };
  const relations = { conflict: of('conflict'), change: of('change'), superseded: of('superseded') };
  return { ...relations.conflict, relations, confusion, wrong };
}
