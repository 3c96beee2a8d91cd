/**
 * Evaluation of figure detection against hand-labelled sentences: precision
 * and recall (conflict detection is evaluated in evaluate-conflicts.ts). Pure: the caller
 * loads the fixtures and passes them in, so tests and the benchmark share it.
 *
 * A detected figure is correct only when its span overlaps the labelled span
 * and its unit, hedge, bound and every labelled number (value, or lower/upper
 * for ranges) agree; approximate bounds are not labelled because they follow
 * from the documented tolerance, not from human judgement. Each label can be
 * matched by one detection at most.
 */

import type { Bound } from './quantity.ts';
import { detectFigures, type Figure } from './figures.ts';

export interface FigureLabel {
  raw: string;
  value?: number | null;
  lower?: number | null;
  upper?: number | null;
  unit: string | null;
  hedge: string | null;
  bound?: Bound;
}
export interface LabelledSentence {
  id: string;
  text: string;
  figures: FigureLabel[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}
export interface FigureEvaluation extends Score {
  misses: Array<{ id: string; label: FigureLabel; nearest: Figure | null }>;
  falseAlarms: Array<{ id: string; figure: Figure }>;
}

export function score(tp: number, fp: number, fn: number): Score {
  // With nothing predicted (or nothing to find) there is nothing to get wrong: 1.
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

function near(a: number | null | undefined, b: number | null): boolean {
  if (a === undefined) return true;
  if (a === null || b === null) return a === b;
  // relative tolerance: labels write 2/3 as 66.667, detection computes 66.6666...
  return Math.abs(a - b) <= 1e-4 * Math.max(1e-9, Math.abs(a), Math.abs(b));
}

/** First occurrence of `raw` in `text` that is not part of a longer word or number ("8%" is not inside "18%"). */
export function locate(text: string, raw: string): number {
  for (let at = text.indexOf(raw); at >= 0; at = text.indexOf(raw, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + raw.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return at;
  }
  return text.indexOf(raw);
}

export function figureMatches(label: FigureLabel, labelStart: number, fig: Figure): boolean {
  const labelEnd = labelStart + label.raw.length;
  if (!(fig.start < labelEnd && labelStart < fig.end)) return false;
  if (label.unit !== fig.unit || label.hedge !== fig.hedge) return false;
  if (label.bound !== undefined && label.bound !== fig.bound) return false;
  if (label.bound === 'range') return near(label.lower, fig.lower) && near(label.upper, fig.upper);
  return near(label.value, fig.value) && (label.bound === 'approximate' || (near(label.lower, fig.lower) && near(label.upper, fig.upper)));
}

export function evaluateFigures(set: readonly LabelledSentence[], detect: (text: string) => Figure[] = detectFigures): FigureEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: FigureEvaluation['misses'] = [];
  const falseAlarms: FigureEvaluation['falseAlarms'] = [];
  for (const s of set) {
    const found = detect(s.text);
    const used = new Set<number>();
    for (const label of s.figures) {
      const at = locate(s.text, label.raw);
      const idx = found.findIndex((f, i) => !used.has(i) && at >= 0 && figureMatches(label, at, f));
      if (idx >= 0) {
        used.add(idx);
        tp++;
      } else {
        fn++;
        const nearest = found.find((f) => at >= 0 && f.start < at + label.raw.length && at < f.end) ?? null;
        misses.push({ id: s.id, label, nearest });
      }
    }
    found.forEach((f, i) => {
      if (!used.has(i)) {
        fp++;
        falseAlarms.push({ id: s.id, figure: f });
      }
    });
  }
  return { ...score(tp, fp, fn), misses, falseAlarms };
}
