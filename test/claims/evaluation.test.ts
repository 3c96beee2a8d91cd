import { describe, expect, it } from 'vitest';
import { evaluateFigures, familyOf, locate } from './evaluate.ts';
import { detectFigures } from '../../shared/claims/figures.ts';
import { splitUnit } from '../../shared/claims/units.ts';
import { loadFigureSet, loadHeldOutBatches, loadNewsSet } from '../bench/eval-claims.ts';

const sentences = loadFigureSet();
const news = loadNewsSet();
const both = [...sentences, ...news];

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
    for (const rate of ['/day', '/week', '/month', '/year', '/yoy'])
      expect(
        labels.some((l) => l.unit?.endsWith(rate)),
        rate,
      ).toBe(true);
    expect(sentences.filter((s) => s.figures.length === 0).length).toBeGreaterThanOrEqual(15);
    for (const unit of ['%', 'pp', 'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'GW', 'MW', 'TWh', 'EH/s', 't', 'km', 'count']) {
      expect(
        labels.some((l) => l.unit !== null && splitUnit(l.unit).base === unit),
        unit,
      ).toBe(true);
    }
  });
});

describe('the news-style set', () => {
  const figures = news.flatMap((s) => s.figures);
  const nonFigures = news.flatMap((s) => s.nonFigures ?? []);
  it('holds at least 400 labelled figures and 150 labelled non-figures', () => {
    expect(figures.length).toBeGreaterThanOrEqual(400);
    expect(nonFigures.length).toBeGreaterThanOrEqual(150);
  });
  it('spans at least six topics and three house styles', () => {
    expect(new Set(news.map((s) => s.topic)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(news.map((s) => s.style)).size).toBeGreaterThanOrEqual(3);
  });
  it('labels spans that occur in their sentences, and every figure a kind and a family', () => {
    for (const s of news) {
      for (const f of [...s.figures, ...(s.nonFigures ?? [])]) expect(locate(s.text, f.raw), `${s.id} ${f.raw}`).toBeGreaterThanOrEqual(0);
      for (const f of s.figures) expect(f.kind, `${s.id} ${f.raw}`).toBeDefined();
    }
  });
  it('covers negatives, multipliers, changes, ranges, temperatures and every non-figure kind', () => {
    const fam = figures.map((f) => f.family!);
    expect(fam.filter((f) => f.negative).length).toBeGreaterThanOrEqual(5);
    expect(fam.filter((f) => f.multiplier).length).toBeGreaterThanOrEqual(20);
    expect(fam.filter((f) => f.change === 'change').length).toBeGreaterThanOrEqual(50);
    expect(fam.filter((f) => f.unit === 'temperature').length).toBeGreaterThanOrEqual(10);
    for (const kind of ['age', 'name', 'score', 'period', 'date-range', 'year', 'code', 'ordinal', 'phone-time'])
      expect(
        nonFigures.some((n) => n.kind === kind),
        kind,
      ).toBe(true);
  });
});

describe('the held-out batches', () => {
  const batches = loadHeldOutBatches();
  it('include a second batch of at least 150 figures and 60 non-figures in at least eight styles', () => {
    const second = batches.find((b) => b.name === 'figures-holdout-2.json')!;
    expect(second.sentences.flatMap((s) => s.figures).length).toBeGreaterThanOrEqual(150);
    expect(second.sentences.flatMap((s) => s.nonFigures ?? []).length).toBeGreaterThanOrEqual(60);
    expect(new Set(second.sentences.map((s) => s.style)).size).toBeGreaterThanOrEqual(8);
  });
  it('each reach precision and recall of at least 0.95 on their own', () => {
    for (const { name, sentences: set } of batches) {
      const r = evaluateFigures(set);
      expect(r.precision, name).toBeGreaterThanOrEqual(0.95);
      expect(r.recall, name).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('family records', () => {
  it('agree with what the label itself says (unit, hedge, sign, multiplier, change)', () => {
    for (const s of both) for (const f of s.figures) expect(f.family, `${s.id} ${f.raw}`).toEqual(familyOf(f));
  });
});

describe('the evaluation', () => {
  it('reaches precision and recall of at least 0.95 on figures, on each set and both together', () => {
    for (const set of [sentences, news, both]) {
      const r = evaluateFigures(set);
      expect(r.precision).toBeGreaterThanOrEqual(0.95);
      expect(r.recall).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('reaches at least 0.9 in every family, and false alarms on at most 10% of each non-figure kind', () => {
    const r = evaluateFigures(both);
    for (const [family, s] of Object.entries(r.families)) {
      if (s.tp + s.fn > 0) expect(s.recall, `${family} recall`).toBeGreaterThanOrEqual(0.9);
      if (s.tp + s.fp > 0) expect(s.precision, `${family} precision`).toBeGreaterThanOrEqual(0.9);
    }
    for (const [kind, s] of Object.entries(r.nonFigures)) expect(s.rate, kind).toBeLessThanOrEqual(0.1);
  });

  it('counts a figure with the wrong kind as both a false alarm and a miss', () => {
    const set = [{ id: 'x', text: 'Exports fell 3.2% in May.', figures: [{ raw: '3.2%', value: 3.2, unit: '%', hedge: null, bound: 'exact' as const, kind: 'fall' as const }] }];
    expect(evaluateFigures(set)).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(evaluateFigures(set, (t) => detectFigures(t).map((f) => ({ ...f, kind: 'level' as const })))).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('counts a detection on a labelled non-figure as a false alarm of its kind', () => {
    const set = [{ id: 'x', text: 'The FTSE 100 rose 1%.', figures: [], nonFigures: [{ raw: 'FTSE 100', kind: 'name' as const }] }];
    const fake = (t: string) => detectFigures('The index 100 rose.').map((f) => ({ ...f, start: t.indexOf('100'), end: t.indexOf('100') + 3 }));
    expect(evaluateFigures(set, fake).nonFigures['name']).toMatchObject({ total: 1, alarms: 1, rate: 1 });
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
