/**
 * Evaluation of conflict detection against hand-labelled claim pairs: precision
 * and recall. Pure: the caller loads the fixtures, so tests and the benchmark share it.
 */
import { score, type Score } from './evaluate.ts';
import { candidateFromStatement, findConflicts } from './conflicts.ts';

export interface LabelledPair {
  id: string;
  a: string;
  b: string;
  conflict: boolean;
  note?: string;
}
export interface ConflictEvaluation extends Score {
  wrong: Array<{ id: string; expected: boolean; reason: string }>;
}

export function evaluateConflicts(pairs: readonly LabelledPair[]): ConflictEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: ConflictEvaluation['wrong'] = [];
  for (const p of pairs) {
    const found = findConflicts([candidateFromStatement(`${p.id}-a`, p.a), candidateFromStatement(`${p.id}-b`, p.b)]);
    const predicted = found.length > 0;
    if (predicted && p.conflict) tp++;
    else if (predicted) fp++;
    else if (p.conflict) fn++;
    if (predicted !== p.conflict) wrong.push({ id: p.id, expected: p.conflict, reason: found[0]?.reason ?? 'no conflict found' });
  }
  return { ...score(tp, fp, fn), wrong };
}
