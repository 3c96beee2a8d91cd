/**
 * Ranking a lone phrase by score bounds (without confirming every candidate) must give
 * exactly the hits an exhaustive pass gives, in the same order, and say honestly
 * whether `total` is exact or a lower bound.
 */
import { describe, expect, it } from 'vitest';
import { createIndex, indexFromBytes, type SearchIndex, type SearchResult } from '../../shared/search/index.ts';
import { TopK } from '../../shared/search/topk.ts';
import { mulberry32 } from './bench-corpus.ts';

// Invented shipping-report fragments; many documents repeat the same stock phrase,
// some hyphenate it across a compound, lengths and types vary so scores differ.
const PHRASES = ['freight rates eased', 'freight-rates eased', 'freight rates eased again', 'the freight rates', 'rates eased freight'];
const FILL = ['barge', 'traffic', 'on', 'the', 'canal', 'slowed', 'after', 'rain', 'brokers', 'said', '12%', 'tonnes', 'port', 'congestion'];

function build(n: number, seed: number): SearchIndex {
  const rnd = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const idx = createIndex();
  for (let i = 0; i < n; i++) {
    const words: string[] = [];
    const len = 3 + Math.floor(rnd() * 40);
    for (let k = 0; k < len; k++) words.push(rnd() < 0.15 ? pick(PHRASES) : pick(FILL));
    idx.add({ id: `d${i}`, type: pick(['quote', 'note', 'source', 'claim'] as const), text: words.join(' '), refId: `d${i}` });
  }
  // Removed and replaced documents leave dead entries the ranking must pass over.
  for (let i = 0; i < n; i += 7) idx.remove(`d${i}`);
  for (let i = 3; i < n; i += 11) idx.update({ id: `d${i}`, type: 'quote', text: `freight rates eased ${pick(FILL)}`, refId: `d${i}` });
  return idx;
}

describe('phrase ranking with a limit', () => {
  const idx = build(4000, 11);
  const queries = ['"freight rates eased"', '"freight rates"', '"rates eased"', '"the freight rates eased again"', '"canal slowed"', '"freight rates" type:quote'];

  it('returns the same hits, scores and order as ranking every match', () => {
    for (const q of queries) {
      const all = idx.run(q, { limit: 1_000_000 });
      if (!all.ok) throw new Error(all.error);
      expect(all.totalExact).toBe(true);
      expect(all.total).toBe(all.hits.length);
      for (const limit of [1, 3, 20, 100]) {
        const r = idx.run(q, { limit });
        if (!r.ok) throw new Error(r.error);
        expect(
          r.hits.map((h) => [h.id, h.score]),
          `${q} limit ${limit}`,
        ).toEqual(all.hits.slice(0, limit).map((h) => [h.id, h.score]));
      }
    }
  });

  it('reports an exact total when asked, and otherwise a lower bound that says so', () => {
    for (const q of queries) {
      const exact = idx.run(q, { limit: 5, exactTotal: true });
      const count = idx.run(q, { limit: 0 });
      const fast = idx.run(q, { limit: 5 });
      if (!exact.ok || !count.ok || !fast.ok) throw new Error('query failed');
      expect(exact.totalExact && count.totalExact).toBe(true);
      expect(count.total).toBe(exact.total);
      expect(fast.total).toBeLessThanOrEqual(exact.total);
      expect(fast.total).toBeGreaterThanOrEqual(fast.hits.length);
      if (fast.totalExact) expect(fast.total).toBe(exact.total);
    }
    const common = idx.run('"freight rates"', { limit: 5 });
    expect(common.ok && !common.totalExact).toBe(true);
  });
});

describe('top-k list', () => {
  it('breaks score ties by the lower document number whatever the order of offers', () => {
    const offers: [number, number][] = [
      [9, 1],
      [4, 2],
      [7, 2],
      [1, 1],
      [3, 2],
      [8, 0.5],
    ];
    const expected = [
      [3, 2],
      [4, 2],
      [7, 2],
    ];
    for (const order of [offers, [...offers].reverse(), [...offers].sort((a, b) => a[0] - b[0])]) {
      const top = new TopK(3);
      for (const [d, s] of order) top.offer(d, s);
      expect(top.docs.map((d, i) => [d, top.scores[i]])).toEqual(expected);
    }
  });
});

describe('very common words', () => {
  // Enough documents that "the" (in nearly all of them) gets a dense tf array; an
  // exclusion of an absent word sends the same query down the general path, which
  // never uses dense arrays, so the two must agree hit for hit.
  const rnd = mulberry32(5);
  const idx = createIndex();
  const words = ['the', 'the', 'the', 'harvest', 'wheat', 'barley', 'silo', 'rain', 'fell', 'rose', '4%', 'tonnes'];
  const docs: { id: string; text: string; tag: string; type: 'quote' | 'source' | 'note' }[] = [];
  for (let i = 0; i < 12000; i++) {
    const len = 1 + Math.floor(rnd() * 25);
    const text = Array.from({ length: len }, () => words[Math.floor(rnd() * words.length)]!).join(' ');
    const doc = { id: `d${i}`, text, tag: rnd() < 0.3 ? 'agriculture/wheat' : 'shipping', type: (['quote', 'source', 'note'] as const)[i % 3]! };
    docs.push(doc);
    idx.add({ id: doc.id, type: doc.type, text, refId: doc.id, tags: [doc.tag] });
  }
  for (let i = 0; i < 12000; i += 13) idx.remove(`d${i}`);
  for (let i = 5; i < 12000; i += 17) idx.update({ id: `d${i}`, type: 'quote', text: 'the the harvest', refId: `d${i}`, tags: ['shipping'] });

  it('ranks a common word alone or inside filters exactly as the general path does', () => {
    const copy = indexFromBytes(idx.toBytes().slice());
    for (const index of [idx, copy]) {
      for (const q of ['the', 'the tag:agriculture', 'the type:quote', 'the tag:agriculture type:source', 'the tag:shipping tag:agriculture/wheat']) {
        const fast = index.run(q, { limit: 40 });
        const general = index.run(`${q} -zzzz`, { limit: 40 });
        expect(fast, q).toEqual(general);
      }
    }
  });

  it('counts exactly the documents holding the word and passing the filters', () => {
    const removed = new Set(
      Array.from({ length: 12000 }, (_, i) => i)
        .filter((i) => i % 13 === 0)
        .map((i) => `d${i}`),
    );
    const updated = new Set(
      Array.from({ length: 12000 }, (_, i) => i)
        .filter((i) => i >= 5 && (i - 5) % 17 === 0)
        .map((i) => `d${i}`),
    );
    const expected = docs.filter((d) => (updated.has(d.id) ? false : !removed.has(d.id) && d.tag === 'agriculture/wheat' && d.text.split(' ').includes('the'))).length;
    const r = idx.run('the tag:agriculture', { limit: 5 });
    expect(r.ok && r.total).toBe(expected);
  });
});

describe('one word with prefix completions and typo variants', () => {
  it('ranks and counts like the general path', () => {
    const rnd = mulberry32(9);
    const idx = createIndex();
    const words = ['tanker', 'tankers', 'tanked', 'banker', 'tamker', 'rates', 'rated', 'freight', 'freights', 'fright', '5%', '7%', '12%'];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => words[Math.floor(rnd() * words.length)]!).join(' ');
      idx.add({ id: `d${i}`, type: (['quote', 'note'] as const)[i % 2]!, text, refId: `d${i}`, tags: [i % 3 ? 'shipping' : 'energy'] });
    }
    for (let i = 0; i < 3000; i += 11) idx.remove(`d${i}`);
    for (const q of ['tanker', 'tankre', 'tank', 'fraight', 'frei', '>6%', 'tankre type:quote']) {
      // The exclusion goes first: a trailing one would take the prefix match off the word.
      // The general path sums scores in another order, so equal scores can differ in
      // the last bit and break ties differently: compare scores per rank, and every hit.
      const fast = idx.run(q, { limit: 30 });
      const general = idx.run(`-zzzz ${q}`, { limit: 30 });
      if (!fast.ok || !general.ok) throw new Error('query failed');
      expect(fast.total, q).toBe(general.total);
      expect(fast.hits.length).toBe(general.hits.length);
      fast.hits.forEach((h, i) => expect(h.score).toBeCloseTo(general.hits[i]!.score, 9));
      const all = (r: SearchResult): Map<string, number> => new Map(r.ok ? r.hits.map((h) => [h.id, h.score]) : []);
      const fastAll = all(idx.run(q, { limit: 5000 }));
      const generalAll = all(idx.run(`-zzzz ${q}`, { limit: 5000 }));
      expect([...fastAll.keys()].sort(), q).toEqual([...generalAll.keys()].sort());
      for (const [id, score] of fastAll) expect(score).toBeCloseTo(generalAll.get(id)!, 9);
    }
  });
});
