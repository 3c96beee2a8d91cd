import { describe, expect, it } from 'vitest';
import { evaluateFigures, locate } from '../../shared/claims/evaluate.ts';
import { detectFigures } from '../../shared/claims/figures.ts';
import { splitUnit } from '../../shared/claims/units.ts';
import { loadFigureSet } from '../bench/eval-claims.ts';

const sentences = loadFigureSet();

describe('the labelled sets', () => {
  it('hold at least 80 sentences', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(80);
  });

  it('label spans that really occur in their sentences', () => {
    for (const s of sentences) for (const f of s.figures) expect(locate(s.text, f.raw), `${s.id} ${f.raw}`).toBeGreaterThanOrEqual(0);
  });

  it('cover every bound, non-figure sentences and the main unit families', () => {
    const labels = sentences.flatMap((s) => s.figures);
    for (const bound of ['exact', 'upper', 'lower', 'approximate', 'range']) expect(labels.some((l) => l.bound === bound)).toBe(true);
    for (const rate of ['/day', '/week', '/month', '/year', '/yoy']) expect(labels.some((l) => l.unit?.endsWith(rate)), rate).toBe(true);
    expect(sentences.filter((s) => s.figures.length === 0).length).toBeGreaterThanOrEqual(15);
    for (const unit of ['%', 'pp', 'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'GW', 'MW', 'TWh', 'EH/s', 't', 'km', 'count']) {
      expect(labels.some((l) => l.unit !== null && splitUnit(l.unit).base === unit), unit).toBe(true);
    }
  });
});

describe('the evaluation', () => {
  it('reaches precision and recall of at least 0.9 on figures', () => {
    const r = evaluateFigures(sentences);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('scores a detector that finds nothing at zero recall', () => {
    const r = evaluateFigures(sentences, () => []);
    expect(r.recall).toBe(0);
    expect(r.fn).toBe(sentences.reduce((n, s) => n + s.figures.length, 0));
  });

  it('counts a figure with the wrong unit or hedge as both a false alarm and a miss', () => {
    const set = [{ id: 'x', text: 'Output hit almost 70% of capacity.', figures: [{ raw: 'almost 70%', value: 70, unit: '%', hedge: 'almost', bound: 'near-below' as const }] }];
    expect(evaluateFigures(set)).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    const wrongUnit = evaluateFigures(set, (t) => detectFigures(t).map((f) => ({ ...f, unit: 'pp' })));
    expect(wrongUnit).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    const noHedge = evaluateFigures(set, (t) => detectFigures(t).map((f) => ({ ...f, hedge: null })));
    expect(noHedge).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('finds a label inside the right number, not inside a longer one', () => {
    expect(locate('up 18% from 8%', '8%')).toBe(12);
  });
});
