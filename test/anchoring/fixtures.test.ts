/**
 * The fixture set: invented news items and edited versions (editor's notes,
 * moved paragraphs, corrected words, re-flowed whitespace, deleted or repeated
 * sentences, changed figures), each quote with the status it should get.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, createAnchorer, reanchorAll } from '../../shared/anchoring/index.ts';
import { loadAnchoringCases } from '../fixtures/anchoring/index.ts';

const cases = loadAnchoringCases();

suite('anchoring fixtures', () => {
  it('has at least twenty cases covering every status', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const statuses = new Set(cases.flatMap((c) => c.quotes.map((q) => q.expected)));
    expect([...statuses].sort()).toEqual(['exact', 'fuzzy', 'moved', 'orphaned']);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.description}`, () => {
      const anchorer = createAnchorer(c.new);
      for (const q of c.quotes) {
        const r = anchorer.anchor(q.selectors);
        const label = `${c.file}: ${JSON.stringify(q.selectors[1].exact)}`;
        expect(r.status, label).toBe(q.expected);
        if (q.expectedRange) expect({ start: r.start, end: r.end }, label).toEqual(q.expectedRange);
        if (q.expectedText !== undefined) expect(r.text, label).toBe(q.expectedText);
        if (r.status === 'exact' || r.status === 'moved') expect(c.new.slice(r.start!, r.end!), label).toBe(q.selectors[1].exact);
        if (r.status === 'fuzzy') {
          expect(r.text, label).toBe(c.new.slice(r.start!, r.end!));
          expect(
            r.diff?.some((d) => d.op !== 'equal'),
            label,
          ).toBe(true);
        }
        // The one-off form and the shared anchorer agree.
        expect(anchor(c.new, q.selectors), label).toEqual(r);
      }
    });
  }

  it('reanchorAll gives every fixture quote the expected status and counts them', () => {
    for (const c of cases) {
      const quotes = c.quotes.map((q, i) => ({ id: `${c.name}#${i}`, selectors: q.selectors }));
      const { results, counts } = reanchorAll(c.old, c.new, quotes);
      expect(results.size).toBe(quotes.length);
      c.quotes.forEach((q, i) => expect(results.get(`${c.name}#${i}`)?.status, `${c.file} #${i}`).toBe(q.expected));
      const expected = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
      for (const q of c.quotes) expected[q.expected]++;
      expect(counts).toEqual(expected);
    }
  });
});
