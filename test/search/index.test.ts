/** The search index end to end: paragraphs, filters, exclusions, prefix and typo matching, incremental updates, persistence, snippets and ranking. */
import { describe, expect, it } from 'vitest';
import { createIndex, indexFromBytes, sourceParagraphDocs, type SearchDoc, type SearchIndex } from '../../shared/search/index.ts';

// Invented fixture texts.
const SOURCE_TEXT = [
  'Grid operators in the northern region said curtailment of wind output rose 70 per cent in March, although the figures remain provisional.',
  'Miners reported that the network hash-\nrate climbed to a record, and one analyst suggested electricity costs could rise again by summer.',
  'Tanker rates on the western route fell 12% as diesel stocks built up; brokers cautioned that the decline might not last.',
].join('\n\n');

function corpus(): SearchDoc[] {
  return [
    ...sourceParagraphDocs('src-grid', 'Northern Grid Bulletin', SOURCE_TEXT, { tags: ['energy/grid'] }),
    {
      id: 'q1',
      type: 'quote',
      text: 'curtailment of wind output rose 70 per cent in March',
      refId: 'q1',
      sourceId: 'src-grid',
      sourceTitle: 'Northern Grid Bulletin',
      tags: ['energy/grid/curtailment'],
      status: 'verified',
    },
    { id: 'q2', type: 'quote', text: 'Tanker rates on the western route fell 12%', refId: 'q2', sourceId: 'src-ship', sourceTitle: 'Harbour Freight Weekly', tags: ['shipping'], status: 'draft' },
    { id: 'c1', type: 'claim', text: 'Wind curtailment is rising faster than new transmission', refId: 'c1', tags: ['energy'], status: 'disputed' },
    { id: 'n1', type: 'note', text: 'Check whether the hash rate record holds after the difficulty adjustment', refId: 'n1', tags: ['energy/hash-rate'] },
    { id: 'n2', type: 'note', text: 'Interview the harbour master about diesel bunkering', refId: 'n2', tags: ['energyx'] },
    { id: 't1', type: 'tag', text: 'energy/hash-rate', refId: 'energy/hash-rate' },
  ];
}

function build(docs = corpus()): SearchIndex {
  const idx = createIndex();
  for (const d of docs) idx.add(d);
  return idx;
}

function ids(idx: SearchIndex, q: string): string[] {
  const r = idx.run(q, { limit: 100 });
  if (!r.ok) throw new Error(r.error);
  return r.hits.map((h) => h.id).sort();
}

describe('source paragraphs', () => {
  it('splits a source on blank lines into numbered paragraph documents with exact offsets', () => {
    const text = 'First para.\n\n\nSecond para\nstill second.\n  \nThird.';
    const docs = sourceParagraphDocs('s', 'T', text);
    expect(docs.map((d) => [d.id, d.paragraph, d.text])).toEqual([
      ['s#p1', 1, 'First para.'],
      ['s#p2', 2, 'Second para\nstill second.'],
      ['s#p3', 3, 'Third.'],
    ]);
    for (const d of docs) expect(text.slice(d.offset!, d.offset! + d.text.length)).toBe(d.text);
    expect(docs.every((d) => d.type === 'source' && d.refId === 's' && d.sourceTitle === 'T')).toBe(true);
  });
});

describe('search index', () => {
  it('requires all words, in any order', () => {
    const idx = build();
    expect(ids(idx, 'march wind')).toEqual(['q1', 'src-grid#p1']);
  });

  it('matches the last word as a prefix, and only the last word', () => {
    const idx = build();
    expect(ids(idx, 'tanker dies')).toEqual(['src-grid#p3']);
    expect(ids(idx, 'dies tanker')).toEqual([]);
  });

  it('tolerates one typo in words of 5-8 letters and two in words of 9 or more', () => {
    const idx = build();
    expect(ids(idx, 'tankre rates')).toEqual(['q2', 'src-grid#p3']);
    expect(ids(idx, 'tnkre rates')).toEqual([]);
    expect(ids(idx, 'tankr rates')).toEqual(['q2', 'src-grid#p3']);
    expect(ids(idx, 'curtalment wind')).toEqual(['c1', 'q1', 'src-grid#p1']);
    expect(ids(idx, 'crtalment wind')).toEqual(['c1', 'q1', 'src-grid#p1']);
    expect(ids(idx, 'crtalmnt wind')).toEqual([]);
  });

  it('gives no typo tolerance to short words or numbers', () => {
    const idx = build();
    expect(ids(idx, 'wnd output')).toEqual([]);
    expect(ids(idx, '13% tanker')).toEqual([]);
    expect(ids(idx, '12% tanker')).toEqual(['q2', 'src-grid#p3']);
  });

  it('matches quoted phrases exactly, with no typo tolerance', () => {
    const idx = build();
    expect(ids(idx, '"wind output rose"')).toEqual(['q1', 'src-grid#p1']);
    expect(ids(idx, '"output wind rose"')).toEqual([]);
    expect(ids(idx, '"wind outpt rose"')).toEqual([]);
  });

  it('leaves out excluded words and phrases', () => {
    const idx = build();
    expect(ids(idx, 'curtailment -march')).toEqual(['c1']);
    expect(ids(idx, 'curtailment -"in march"')).toEqual(['c1']);
    expect(ids(idx, 'curtailment -"march in"')).toEqual(['c1', 'q1', 'src-grid#p1']);
  });

  it('filters by tag including child tags, but not by tags that merely share a prefix', () => {
    const idx = build();
    expect(ids(idx, 'tag:energy')).toEqual(['c1', 'n1', 'q1', 'src-grid#p1', 'src-grid#p2', 'src-grid#p3']);
    expect(ids(idx, 'tag:energy/grid')).toEqual(['q1', 'src-grid#p1', 'src-grid#p2', 'src-grid#p3']);
    expect(ids(idx, 'tag:Energy/Grid/Curtailment')).toEqual(['q1']);
    expect(ids(idx, 'tag:energy/hash-rate')).toEqual(['n1']);
    expect(ids(idx, 'tag:energyx')).toEqual(['n2']);
  });

  it('filters by source id or by words of the source title', () => {
    const idx = build();
    expect(ids(idx, 'source:src-ship')).toEqual(['q2']);
    expect(ids(idx, 'source:"harbour freight"')).toEqual(['q2']);
    expect(ids(idx, 'tanker source:northern')).toEqual(['src-grid#p3']);
    expect(ids(idx, 'source:"northern freight"')).toEqual([]);
  });

  it('filters by type, with alternatives', () => {
    const idx = build();
    expect(ids(idx, 'curtailment type:quote')).toEqual(['q1']);
    expect(ids(idx, 'curtailment type:quote|claim')).toEqual(['c1', 'q1']);
    expect(ids(idx, 'curtailment -type:source')).toEqual(['c1', 'q1']);
    expect(ids(idx, 'type:tag')).toEqual(['t1']);
  });

  it('filters by status', () => {
    const idx = build();
    expect(ids(idx, 'status:disputed')).toEqual(['c1']);
    expect(ids(idx, 'status:verified|draft')).toEqual(['q1', 'q2']);
  });

  it('returns an error value for an invalid query', () => {
    const idx = build();
    const hits = idx.search('type:memo');
    expect(hits.length).toBe(0);
    expect(hits.error).toMatch(/Unknown type/);
    const r = idx.run('"wind output');
    expect(r.ok).toBe(false);
  });

  it('adds, removes and updates single documents', () => {
    const idx = build();
    const before = idx.size;
    idx.add({ id: 'q9', type: 'quote', text: 'Barge traffic slowed on the canal', refId: 'q9' });
    expect(idx.size).toBe(before + 1);
    expect(ids(idx, 'barge canal')).toEqual(['q9']);
    idx.update({ id: 'q9', type: 'quote', text: 'Barge traffic recovered on the river', refId: 'q9' });
    expect(idx.size).toBe(before + 1);
    expect(ids(idx, 'barge canal')).toEqual([]);
    expect(ids(idx, 'barge river')).toEqual(['q9']);
    expect(idx.remove('q9')).toBe(true);
    expect(idx.remove('q9')).toBe(false);
    expect(ids(idx, 'barge')).toEqual([]);
    expect(idx.size).toBe(before);
  });

  it('stays correct after many removals trigger compaction of posting lists', () => {
    const idx = createIndex();
    for (let i = 0; i < 200; i++) idx.add({ id: `n${i}`, type: 'note', text: `silo stocks note ${i} wheat`, refId: `n${i}` });
    for (let i = 0; i < 200; i++) if (i % 10 !== 0) idx.remove(`n${i}`);
    for (let i = 0; i < 5; i++) idx.update({ id: `n${i * 10}`, type: 'note', text: `silo stocks revised ${i} barley`, refId: `n${i * 10}` });
    expect(ids(idx, '"silo stocks note"')).toEqual(['n100', 'n110', 'n120', 'n130', 'n140', 'n150', 'n160', 'n170', 'n180', 'n190', 'n50', 'n60', 'n70', 'n80', 'n90']);
    expect(ids(idx, 'barley').length).toBe(5);
    expect(idx.size).toBe(20);
  });

  it('round-trips through toBytes/indexFromBytes with identical results and stays updatable', () => {
    const idx = build();
    idx.remove('n2');
    const copy = indexFromBytes(idx.toBytes().slice());
    for (const q of ['wind', '"hash rate"', 'tag:energy', '>50%', 'curtalment', 'source:"harbour freight"', 'rates -diesel']) {
      expect(copy.run(q)).toEqual(idx.run(q));
    }
    expect(copy.size).toBe(idx.size);
    copy.add({ id: 'q9', type: 'quote', text: 'diesel bunkering resumed', refId: 'q9' });
    expect(ids(copy, 'bunkering')).toEqual(['q9']);
    copy.remove('q1');
    expect(ids(copy, '"wind output"')).toEqual(['src-grid#p1']);
  });

  it('keeps source paragraphs as places in their stored text, read only for the hits and removals that need them', () => {
    const idx = build();
    const bytes = idx.toBytes((d) => (d.type === 'source' ? `text-of-${d.sourceId}` : undefined)).slice();
    expect(new TextDecoder().decode(bytes)).not.toContain('curtailment of wind output rose 70 per cent in March, although');
    const asked: string[] = [];
    const copy = indexFromBytes(bytes, { text: (key) => (asked.push(key), key === 'text-of-src-grid' ? SOURCE_TEXT : '') });
    expect(copy.run('tag:energy', { limit: 0 })).toEqual(idx.run('tag:energy', { limit: 0 }));
    expect(asked).toEqual([]);
    for (const q of ['wind', '"hash rate"', 'tanker', 'rates -diesel']) expect(copy.run(q)).toEqual(idx.run(q));
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set(['text-of-src-grid']));
    copy.remove('src-grid#p3');
    idx.remove('src-grid#p3');
    expect(copy.run('tanker')).toEqual(idx.run('tanker'));
    // Saved again, a paragraph still stored apart stays so.
    const again = indexFromBytes(copy.toBytes().slice(), { text: () => SOURCE_TEXT });
    expect(again.run('wind')).toEqual(idx.run('wind'));
    expect(() => indexFromBytes(bytes).run('wind')).toThrow(/texts apart/);
  });

  it('rejects data that is not a persisted index', () => {
    expect(() => indexFromBytes(new TextEncoder().encode('{"format":"other"}'))).toThrow(/format/);
  });

  it('marks the matched words in the snippet', () => {
    const idx = build();
    const [hit] = idx.search('"wind output" type:quote');
    expect(hit!.id).toBe('q1');
    const marked = hit!.snippet.marks.map(([s, e]) => hit!.snippet.text.slice(s, e));
    expect(marked).toEqual(['wind output']);
    const [h2] = idx.search('70% type:quote');
    expect(h2!.snippet.marks.map(([s, e]) => h2!.snippet.text.slice(s, e))).toEqual(['70 per cent']);
  });

  it('cuts long texts into a window around the first match, with marks still aligned', () => {
    const idx = createIndex();
    const filler = 'Brokers expected freight demand to stay flat through the season. '.repeat(8);
    const text = `${filler}The port authority then reported unusual congestion near the grain terminal. ${filler}`;
    idx.add({ id: 'n', type: 'note', text, refId: 'n' });
    const [hit] = idx.search('congestion grain');
    const s = hit!.snippet;
    expect(s.text.length).toBeLessThan(text.length);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['congestion', 'grain']);
  });

  it('gives source passages the exact offsets of the first match in the full source text', () => {
    const idx = build();
    const expected: Record<string, string> = { electricity: 'electricity', '12%': '12%', curtalment: 'curtailment', '70': '70 per cent' };
    for (const [q, text] of Object.entries(expected)) {
      const hit = idx.search(`${q} type:source`)[0]!;
      expect(SOURCE_TEXT.slice(hit.match!.start, hit.match!.end)).toBe(text);
    }
    const hit = idx.search('"hash rate climbed" type:source')[0]!;
    expect(SOURCE_TEXT.slice(hit.match!.start, hit.match!.end)).toBe('hash-\nrate climbed');
    expect(hit.paragraph).toBe(2);
    expect(hit.sourceTitle).toBe('Northern Grid Bulletin');
  });

  it('ranks quotes and claims above the source passage they came from', () => {
    const idx = build();
    const hits = idx.search('wind output march');
    expect(hits.map((h) => h.id)).toEqual(['q1', 'src-grid#p1']);
  });

  it('ranks exact matches above typo matches', () => {
    const idx = createIndex();
    idx.add({ id: 'typo', type: 'note', text: 'the tanker fleet', refId: 'typo' });
    idx.add({ id: 'exact', type: 'note', text: 'the tanger fleet', refId: 'exact' });
    expect(idx.search('tanger fleet').map((h) => h.id)).toEqual(['exact', 'typo']);
  });

  it('ranks a phrase match above the same words scattered', () => {
    const idx = createIndex();
    idx.add({ id: 'scattered', type: 'note', text: 'price of spot cargoes', refId: 'a' });
    idx.add({ id: 'phrase', type: 'note', text: 'spot price of cargoes', refId: 'b' });
    expect(idx.search('"spot price" cargoes').map((h) => h.id)).toEqual(['phrase']);
    expect(
      idx
        .search('spot price cargoes')
        .map((h) => h.id)
        .sort(),
    ).toEqual(['phrase', 'scattered']);
  });

  it('respects the limit and reports the total number of matches', () => {
    const idx = build();
    const r = idx.run('tag:energy', { limit: 2 });
    expect(r.ok && r.hits.length).toBe(2);
    expect(r.ok && r.total).toBe(6);
  });
});

describe('long posting lists', () => {
  // Enough documents that lists carry skip pointers (rebuilt after loading and after
  // compaction), and a rare word so intersections jump through the long lists. Gaps
  // between documents are irregular, so a misplaced skip pointer cannot land on the
  // right document by luck.
  const hash = (i: number): number => (Math.imul(i, 2654435761) >>> 0) % 5;
  const isQuote = (i: number): boolean => hash(i) < 2;
  const hasBarge = (i: number): boolean => hash(i + 7) !== 0;
  const rare = (i: number): boolean => i % 97 === 0;
  const all = Array.from({ length: 3000 }, (_, i) => i);
  const idsOf = (xs: number[]): string[] => xs.map((i) => `n${i}`).sort();
  function big(): SearchIndex {
    const idx = createIndex();
    for (const i of all) {
      const text = `the freight report ${i}${rare(i) ? ' lighterage' : ''} for the ${hasBarge(i) ? 'barge' : 'tug'} fleet`;
      idx.add({ id: `n${i}`, type: isQuote(i) ? 'quote' : 'note', text, refId: `n${i}`, tags: [i % 3 ? 'shipping/canals' : 'shipping'] });
    }
    return idx;
  }

  it('intersects a rare word with long lists, before and after a round trip through bytes', () => {
    const idx = big();
    const copy = indexFromBytes(idx.toBytes().slice());
    for (const index of [idx, copy]) {
      expect(ids(index, 'lighterage barge')).toEqual(idsOf(all.filter((i) => rare(i) && hasBarge(i))));
      expect(ids(index, 'lighterage barge type:quote')).toEqual(idsOf(all.filter((i) => rare(i) && hasBarge(i) && isQuote(i))));
      expect(ids(index, '"barge fleet" lighterage tag:shipping/canals')).toEqual(idsOf(all.filter((i) => rare(i) && hasBarge(i) && i % 3 !== 0)));
    }
  });

  it('intersects correctly after removals compact the long lists', () => {
    const idx = big();
    for (const i of all) if (i % 4 !== 1) idx.remove(`n${i}`);
    const left = all.filter((i) => i % 4 === 1);
    expect(ids(idx, 'lighterage barge')).toEqual(idsOf(left.filter((i) => rare(i) && hasBarge(i))));
    expect(ids(idx, 'lighterage "the barge" tag:shipping')).toEqual(idsOf(left.filter((i) => rare(i) && hasBarge(i))));
    expect(idx.run('barge type:quote', { limit: 1 })).toMatchObject({ ok: true, total: left.filter((i) => hasBarge(i) && isQuote(i)).length });
  });
});

describe('common words', () => {
  it('takes a word found in many documents as typed: no prefix completion or typo variants', () => {
    const idx = createIndex();
    for (let i = 0; i < 60; i++) idx.add({ id: `w${i}`, type: 'note', text: `wind report ${i}`, refId: `w${i}` });
    idx.add({ id: 'fall', type: 'note', text: 'a windfall tax on refiners', refId: 'fall' });
    idx.add({ id: 'kind', type: 'note', text: 'report of another kind', refId: 'kind' });
    expect(ids(idx, 'wind')).not.toContain('fall');
    expect(ids(idx, 'windfa')).toEqual(['fall']);
    idx.add({ id: 'typo', type: 'note', text: 'the reprot was late', refId: 'typo' });
    expect(ids(idx, 'report type:note')).not.toContain('typo');
    expect(ids(idx, 'reprots')).toEqual(['typo']);
    expect(ids(idx, 'refiner')).toEqual(['fall']);
  });
});
