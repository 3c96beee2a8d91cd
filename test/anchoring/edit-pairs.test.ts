/**
 * The labelled edit pairs (test/fixtures/anchoring/edit-pairs), re-anchored the way
 * a new version is imported: no quote attached to the wrong words, lightly edited
 * quotes found as fuzzy, and the whole-sentence quote whose neighbour was cut
 * coming back for review rather than orphaned.
 */
import { describe as suite, expect, it } from 'vitest';
import { FUZZY_THRESHOLD } from '../../shared/anchoring/index.ts';
import { loadEditPairs } from '../fixtures/anchoring/edit-pairs/index.ts';
import { evaluate, runPairs } from './evaluate.ts';

const pairs = loadEditPairs();
const judged = runPairs(pairs);
const ev = evaluate(judged);
const describeMiss = (j: (typeof judged)[number]): string => `${j.pair.id} (${j.pair.kind}): expected ${j.pair.expected}, got ${j.result.status} ${JSON.stringify(j.result.text)}`;

suite('labelled edit pairs', () => {
  it('hold at least 100 quotes in four house styles, with every status and every kind of edit', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    expect(new Set(pairs.map((p) => p.style))).toEqual(new Set(['wire', 'local', 'press', 'analyst']));
    expect(new Set(pairs.map((p) => p.expected))).toEqual(new Set(['exact', 'moved', 'fuzzy', 'orphaned']));
    for (const kind of ['reword', 'reorder', 'punctuation', 'figure', 'inserted', 'deleted', 'split', 'merge', 'edge-start', 'edge-end', 'near-duplicate']) {
      expect(
        pairs.some((p) => p.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it('attach no quote to the wrong words', () => {
    expect(judged.filter((j) => j.wrongWords).map(describeMiss)).toEqual([]);
    expect(ev.wrongWords).toBe(0);
  });

  it('find at least 95% of lightly edited quotes as fuzzy, on the edited words', () => {
    expect(ev.light.total).toBeGreaterThanOrEqual(30);
    const missed = judged.filter((j) => j.pair.light && !j.correct).map(describeMiss);
    expect(ev.light.recall, missed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('never call an edited quote exact or moved', () => {
    const silent = judged.filter((j) => j.pair.expected === 'fuzzy' && (j.result.status === 'exact' || j.result.status === 'moved'));
    expect(silent.map(describeMiss)).toEqual([]);
  });

  it('orphan every quote whose figure changed or whose sentence was deleted while a near-identical one remains', () => {
    const mustOrphan = judged.filter((j) => j.pair.expected === 'orphaned' && (j.pair.kind === 'figure' || j.pair.kind === 'near-duplicate'));
    expect(mustOrphan.length).toBeGreaterThanOrEqual(10);
    expect(mustOrphan.filter((j) => j.result.status !== 'orphaned').map(describeMiss)).toEqual([]);
  });

  it('bring back a last sentence with three copy edits, its previous sentence cut, as fuzzy with a word diff', () => {
    // local-flood: "county's" → "district's", "becoming" → "making it", and the
    // space before the comma removed; the sentence before it was cut.
    const j = judged.find((x) => x.pair.doc === 'local-flood' && x.pair.kind === 'edge-end')!;
    expect(j.pair.selectors[1].suffix).toBe('');
    expect(j.result.status).toBe('fuzzy');
    expect(j.correct).toBe(true);
    expect(j.result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    const changed = j.result.diff!.filter((d) => d.op !== 'equal').map((d) => `${d.op}:${d.text}`);
    expect(changed).toEqual(expect.arrayContaining(['delete:county', 'insert:district', 'delete:becoming', 'insert:making it']));
    expect(
      j.result
        .diff!.filter((d) => d.op !== 'insert')
        .map((d) => d.text)
        .join(''),
    ).toBe(j.pair.selectors[1].exact);
    expect(
      j.result
        .diff!.filter((d) => d.op !== 'delete')
        .map((d) => d.text)
        .join(''),
    ).toBe(j.result.text);
  });

  it('do the same for a first sentence whose next sentence was cut', () => {
    for (const doc of ['local-recycling', 'edge-solar-note']) {
      const j = judged.find((x) => x.pair.doc === doc && x.pair.kind === 'edge-start')!;
      expect(j.pair.selectors[1].prefix, doc).toBe('');
      expect(j.result.status, doc).toBe('fuzzy');
      expect(j.correct, doc).toBe(true);
    }
  });
});
