/**
 * Evaluation of figure detection against hand-labelled sentences: precision
 * and recall overall and per family of figure, and the false-alarm rate on
 * labelled non-figures (conflict detection is evaluated in evaluate-conflicts.ts).
 * Pure: the caller loads the fixtures and passes them in, so tests and the
 * benchmark share it.
 *
 * A detected figure is correct only when its span overlaps the labelled span
 * and its unit, hedge, bound, kind and every labelled number (value, or
 * lower/upper for ranges) agree; approximate and near bands are not labelled
 * because they follow from the documented tolerances (quantity.ts), not from
 * human judgement. Each label can be matched by one detection at most.
 */

import type { Bound, FigureKind } from '../../shared/claims/quantity.ts';
import { detectFigures, type Figure } from '../../shared/claims/figures.ts';
import { unitFamily, type UnitFamily } from '../../shared/claims/units.ts';

export type HedgeFamily = 'none' | 'near' | 'open' | 'approximate';
/** How a figure is grouped in the report: one value per axis. */
export interface FigureFamily {
  unit: UnitFamily;
  hedge: HedgeFamily;
  negative: boolean;
  multiplier: boolean;
  change: 'range' | 'change' | 'level';
}
/** What a labelled non-figure is: the number names, dates or scores something instead of measuring it. */
export type NonFigureKind = 'age' | 'name' | 'score' | 'period' | 'date' | 'date-range' | 'year' | 'code' | 'ordinal' | 'phone-time' | 'reference';

export interface FigureLabel {
  raw: string;
  value?: number | null;
  lower?: number | null;
  upper?: number | null;
  unit: string | null;
  hedge: string | null;
  bound?: Bound;
  kind?: FigureKind; // 'level' when absent
  family?: FigureFamily;
}
export interface NonFigureLabel {
  raw: string;
  kind: NonFigureKind;
}
export interface LabelledSentence {
  id: string;
  text: string;
  figures: FigureLabel[];
  nonFigures?: NonFigureLabel[];
  topic?: string;
  style?: string;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}
export interface NonFigureScore {
  total: number;
  alarms: number;
  rate: number; // false alarms per labelled non-figure
}
export interface FigureEvaluation extends Score {
  misses: Array<{ id: string; label: FigureLabel; nearest: Figure | null }>;
  falseAlarms: Array<{ id: string; figure: Figure }>;
  /** Keyed 'unit:percent', 'hedge:near', 'negative:true', 'multiplier:true', 'change:range' ... */
  families: Record<string, Score>;
  nonFigures: Record<string, NonFigureScore>;
  nonFigureAlarms: Array<{ id: string; label: NonFigureLabel; figure: Figure }>;
}

export function score(tp: number, fp: number, fn: number): Score {
  // With nothing predicted (or nothing to find) there is nothing to get wrong: 1.
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** The family of a figure or label, from its own fields (labels store it; detections get it computed). */
export function familyOf(q: Pick<FigureLabel, 'unit' | 'hedge' | 'bound' | 'value' | 'lower' | 'kind'>): FigureFamily {
  const bound = q.bound ?? 'exact';
  const hedge: HedgeFamily =
    q.hedge === null ? 'none' : bound === 'near-below' || bound === 'near-above' ? 'near' : bound === 'upper' || bound === 'lower' ? 'open' : bound === 'exact' ? 'none' : 'approximate';
  const unit = unitFamily(q.unit ?? 'count');
  const negative = bound === 'range' ? (q.lower ?? 0) < 0 : (q.value ?? 0) < 0;
  const change = bound === 'range' ? 'range' : (q.kind ?? 'level') !== 'level' ? 'change' : 'level';
  return { unit, hedge, negative, multiplier: unit === 'multiplier', change };
}

function familyKeys(f: FigureFamily): string[] {
  return [`unit:${f.unit}`, `hedge:${f.hedge}`, `negative:${f.negative}`, `multiplier:${f.multiplier}`, `change:${f.change}`];
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
  if ((label.kind ?? 'level') !== fig.kind) return false;
  if (label.bound === 'range') return near(label.lower, fig.lower) && near(label.upper, fig.upper);
  const banded = label.bound === 'approximate' || label.bound === 'near-below' || label.bound === 'near-above';
  return near(label.value, fig.value) && (banded || (near(label.lower, fig.lower) && near(label.upper, fig.upper)));
}

export function evaluateFigures(set: readonly LabelledSentence[], detect: (text: string) => Figure[] = detectFigures): FigureEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: FigureEvaluation['misses'] = [];
  const falseAlarms: FigureEvaluation['falseAlarms'] = [];
  const nonFigureAlarms: FigureEvaluation['nonFigureAlarms'] = [];
  const fam = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (f: FigureFamily, field: 'tp' | 'fp' | 'fn'): void => {
    for (const k of familyKeys(f)) {
      const c = fam.get(k) ?? { tp: 0, fp: 0, fn: 0 };
      c[field]++;
      fam.set(k, c);
    }
  };
  const nonFig = new Map<string, { total: number; alarms: number }>();
  for (const s of set) {
    const found = detect(s.text);
    const used = new Set<number>();
    for (const label of s.figures) {
      const at = locate(s.text, label.raw);
      const idx = found.findIndex((f, i) => !used.has(i) && at >= 0 && figureMatches(label, at, f));
      const family = label.family ?? familyOf(label);
      if (idx >= 0) {
        used.add(idx);
        tp++;
        bump(family, 'tp');
      } else {
        fn++;
        bump(family, 'fn');
        const nearest = found.find((f) => at >= 0 && f.start < at + label.raw.length && at < f.end) ?? null;
        misses.push({ id: s.id, label, nearest });
      }
    }
    found.forEach((f, i) => {
      if (!used.has(i)) {
        fp++;
        bump(familyOf(f), 'fp');
        falseAlarms.push({ id: s.id, figure: f });
      }
    });
    for (const label of s.nonFigures ?? []) {
      const at = locate(s.text, label.raw);
      const c = nonFig.get(label.kind) ?? { total: 0, alarms: 0 };
      c.total++;
      const hit = found.find((f) => at >= 0 && f.start < at + label.raw.length && at < f.end);
      if (hit) {
        c.alarms++;
        nonFigureAlarms.push({ id: s.id, label, figure: hit });
      }
      nonFig.set(label.kind, c);
    }
  }
  const families: Record<string, Score> = {};
  for (const [k, c] of [...fam].sort(([a], [b]) => a.localeCompare(b))) families[k] = score(c.tp, c.fp, c.fn);
  const nonFigures: Record<string, NonFigureScore> = {};
  for (const [k, c] of [...nonFig].sort(([a], [b]) => a.localeCompare(b))) nonFigures[k] = { ...c, rate: c.alarms / c.total };
  return { ...score(tp, fp, fn), misses, falseAlarms, families, nonFigures, nonFigureAlarms };
}
