/**
 * Scoring re-anchoring against the labelled edit pairs: per-status precision and
 * recall, quotes attached to the wrong words, and fuzzy recall on the lightly
 * edited subset. Shared by test/anchoring/edit-pairs.test.ts and
 * test/bench/eval-anchoring.ts, so the test asserts what the evaluation prints.
 */
import { reanchorAll } from '../../shared/anchoring/index.ts';
import type { AnchorResult, AnchorStatus } from '../../shared/anchoring/index.ts';
import type { EditPair } from '../fixtures/anchoring/edit-pairs/index.ts';

export const STATUSES: AnchorStatus[] = ['exact', 'moved', 'fuzzy', 'orphaned'];

export interface Judged {
  pair: EditPair;
  result: AnchorResult;
  /** Right status and, unless orphaned, the labelled words. */
  correct: boolean;
  /** Attached to words other than the labelled ones, or attached at all when the quote's words are gone. */
  wrongWords: boolean;
}

export interface Evaluation {
  judged: Judged[];
  perStatus: Record<AnchorStatus, { expected: number; got: number; correct: number; precision: number; recall: number }>;
  wrongWords: number;
  light: { total: number; fuzzy: number; recall: number };
  misses: Judged[];
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The same words: the two ranges may differ at either end only by spaces and
 * punctuation (a period that became a comma, a closing quote mark taken in or
 * left out), never by a letter or digit.
 */
export function sameWords(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const between = (x: number, y: number): string => text.slice(Math.min(x, y), Math.max(x, y));
  return !WORD.test(between(a.start, b.start)) && !WORD.test(between(a.end, b.end));
}

export function judge(pair: EditPair, result: AnchorResult): Judged {
  const attached = result.status !== 'orphaned' && result.start !== null && result.end !== null;
  const onLabel = attached && pair.expectedRange !== null && sameWords(pair.new, { start: result.start!, end: result.end! }, pair.expectedRange);
  const wrongWords = attached && !onLabel;
  const correct = result.status === pair.expected && (pair.expected === 'orphaned' || onLabel);
  return { pair, result, correct, wrongWords };
}

/** Re-anchors every pair the way a new version is imported (reanchorAll, one call per document). */
export function runPairs(pairs: readonly EditPair[]): Judged[] {
  const byDoc = new Map<string, EditPair[]>();
  for (const p of pairs) byDoc.set(p.doc, [...(byDoc.get(p.doc) ?? []), p]);
  const judged: Judged[] = [];
  for (const group of byDoc.values()) {
    const { results } = reanchorAll(
      group[0]!.old,
      group[0]!.new,
      group.map((p) => ({ id: p.id, selectors: p.selectors })),
    );
    for (const p of group) judged.push(judge(p, results.get(p.id)!));
  }
  return judged;
}

export function evaluate(judged: readonly Judged[]): Evaluation {
  const perStatus = Object.fromEntries(
    STATUSES.map((s) => {
      const expected = judged.filter((j) => j.pair.expected === s).length;
      const got = judged.filter((j) => j.result.status === s).length;
      const correct = judged.filter((j) => j.pair.expected === s && j.correct).length;
      return [s, { expected, got, correct, precision: got ? correct / got : 1, recall: expected ? correct / expected : 1 }];
    }),
  ) as Evaluation['perStatus'];
  const light = judged.filter((j) => j.pair.light);
  const lightFuzzy = light.filter((j) => j.correct).length;
  return {
    judged: [...judged],
    perStatus,
    wrongWords: judged.filter((j) => j.wrongWords).length,
    light: { total: light.length, fuzzy: lightFuzzy, recall: light.length ? lightFuzzy / light.length : 1 },
    misses: judged.filter((j) => !j.correct),
  };
}
