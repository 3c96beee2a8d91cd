/**
 * Property tests: anchoring over generated texts (words, figures, punctuation,
 * emoji, combining marks, line breaks) and random edits before, after and inside
 * the quote, with duplicated passages elsewhere.
 */
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { anchor, describe, FUZZY_THRESHOLD } from '../../shared/anchoring/index.ts';
import type { AnchorResult } from '../../shared/anchoring/index.ts';
import { isGraphemeBoundary } from '../../shared/text/graphemes.ts';
import { applyEdit, edit, offsetIn, passage, rangeFractions, rangeIn, sentence, text } from './generators.ts';

// Modest by default to keep the suite fast; raise it locally to hunt for counterexamples.
const RUNS = Number(process.env.ANCHORING_PROPERTY_RUNS ?? 150);

/** Invariants every result must satisfy, whatever happened to the text. */
function expectWellFormed(t: string, exact: string, r: AnchorResult): void {
  if (r.status === 'orphaned') {
    expect(r.start).toBeNull();
    expect(r.end).toBeNull();
    expect(r.text).toBeNull();
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
    return;
  }
  const start = r.start!;
  const end = r.end!;
  expect(start).toBeLessThan(end);
  expect(isGraphemeBoundary(t, start)).toBe(true);
  expect(isGraphemeBoundary(t, end)).toBe(true);
  expect(r.text).toBe(t.slice(start, end));
  if (r.status === 'fuzzy') {
    expect(r.text).not.toBe(exact);
    expect(r.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(r.score).toBeLessThanOrEqual(1);
  } else {
    expect(t.slice(start, end)).toBe(exact);
    expect(r.score).toBe(1);
  }
}

interface Placed {
  kind: 'exact' | 'full';
  at: number;
}

const duplicate = fc.option(fc.record({ kind: fc.constantFrom('exact' as const, 'full' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }), { nil: undefined });

suite('anchoring properties', () => {
  it('describe never splits a grapheme, and anchoring its own output on the unchanged text is exact at the same offsets', () => {
    fc.assert(
      fc.property(text, rangeFractions, fc.integer({ min: 0, max: 40 }), (t, rf, contextLength) => {
        const { start, end } = rangeIn(t, rf);
        const [pos, quote] = describe(t, start, end, contextLength);
        expect(pos.start).toBeLessThanOrEqual(start);
        expect(pos.end).toBeGreaterThanOrEqual(end);
        for (const o of [pos.start, pos.end, pos.start - quote.prefix.length, pos.end + quote.suffix.length]) {
          expect(isGraphemeBoundary(t, o)).toBe(true);
        }
        expect(quote.exact).toBe(t.slice(pos.start, pos.end));
        expect(t.slice(pos.start - quote.prefix.length, pos.start)).toBe(quote.prefix);
        expect(t.slice(pos.end, pos.end + quote.suffix.length)).toBe(quote.suffix);
        const r = anchor(t, [pos, quote]);
        expect(r).toMatchObject({ status: 'exact', start: pos.start, end: pos.end, score: 1, text: quote.exact });
      }),
      { numRuns: RUNS },
    );
  });

  it('finds the occurrence that still carries the whole stored context, whatever was edited around it or duplicated elsewhere', () => {
    fc.assert(
      fc.property(text, rangeFractions, fc.array(fc.tuple(edit, fc.boolean()), { maxLength: 5 }), duplicate, (t0, rf, edits, dup: Placed | undefined) => {
        const { start, end } = rangeIn(t0, rf);
        const selectors = describe(t0, start, end);
        const [pos, { exact, prefix, suffix }] = selectors;
        const full = prefix + exact + suffix;
        let t = t0;
        let ctxStart = pos.start - prefix.length;
        let ctxEnd = pos.end + suffix.length;
        for (const [e, before] of edits) {
          const out = before ? applyEdit(t, e, 0, ctxStart) : applyEdit(t, e, ctxEnd, t.length);
          t = out.text;
          if (before) {
            ctxStart += out.delta;
            ctxEnd += out.delta;
          }
        }
        if (dup) {
          const copy = dup.kind === 'full' ? full : exact;
          const before = dup.at < 0.5;
          const at = before ? offsetIn(t, 0, ctxStart, dup.at * 2) : offsetIn(t, ctxEnd, t.length, dup.at * 2 - 1);
          t = `${t.slice(0, at)} ${copy} ${t.slice(at)}`;
          if (before) {
            ctxStart += copy.length + 2;
            ctxEnd += copy.length + 2;
          }
        }
        expect(t.slice(ctxStart, ctxEnd)).toBe(full);
        const r = anchor(t, selectors);
        expectWellFormed(t, exact, r);
        expect(['exact', 'moved']).toContain(r.status);
        expect(t.slice(r.start! - prefix.length, r.end! + suffix.length)).toBe(full);
        if (r.status === 'exact') expect(r.start).toBe(pos.start);
      }),
      { numRuns: RUNS },
    );
  });

  it('never lands on text that differs from the quote unless the result is fuzzy, under any edits', () => {
    fc.assert(
      fc.property(text, rangeFractions, fc.array(fc.tuple(edit, fc.constantFrom('before', 'inside', 'after')), { minLength: 1, maxLength: 5 }), duplicate, (t0, rf, edits, dup: Placed | undefined) => {
        const { start, end } = rangeIn(t0, rf);
        const selectors = describe(t0, start, end);
        const [pos, { exact, prefix, suffix }] = selectors;
        let t = t0;
        let qs = pos.start;
        let qe = pos.end;
        for (const [e, where] of edits) {
          const [from, to] = where === 'before' ? [0, qs] : where === 'inside' ? [qs, qe] : [qe, t.length];
          const out = applyEdit(t, e, from, to);
          t = out.text;
          if (where === 'before') qs += out.delta;
          if (where !== 'after') qe += out.delta;
        }
        if (dup) {
          const at = offsetIn(t, 0, t.length, dup.at);
          t = `${t.slice(0, at)} ${dup.kind === 'full' ? prefix + exact + suffix : exact} ${t.slice(at)}`;
        }
        expectWellFormed(t, exact, anchor(t, selectors));
      }),
      { numRuns: RUNS },
    );
  });

  it('orphans a quote whose text was deleted and occurs nowhere else, instead of attaching it elsewhere', () => {
    // Edits here delete or re-punctuate but insert no words: an insertion of
    // filler words at the join could re-create the deleted text itself.
    const noInsert = edit.filter((e) => e.kind !== 'insert');
    fc.assert(
      fc.property(text, rangeFractions, fc.array(fc.tuple(noInsert, fc.boolean()), { maxLength: 3 }), (t0, rf, edits) => {
        const { start, end } = rangeIn(t0, rf);
        const selectors = describe(t0, start, end);
        const [pos, { exact }] = selectors;
        let t = t0.slice(0, pos.start) + t0.slice(pos.end);
        let join = pos.start;
        for (const [e, before] of edits) {
          const out = before ? applyEdit(t, e, 0, join) : applyEdit(t, e, join, t.length);
          t = out.text;
          if (before) join += out.delta;
        }
        fc.pre(!t.includes(exact));
        expect(anchor(t, selectors)).toMatchObject({ status: 'orphaned', start: null, end: null, text: null });
      }),
      { numRuns: RUNS },
    );
  });

  it('orphans a deleted sentence even when its neighbours, edits and a similar sentence elsewhere remain', () => {
    fc.assert(
      fc.property(
        passage(10, 40),
        sentence,
        passage(10, 40),
        fc.array(fc.tuple(edit, fc.boolean()), { maxLength: 4 }),
        fc.option(sentence, { nil: undefined }),
        (before, quoted, after, edits, other) => {
          const t0 = `${before} ${quoted} ${other ?? ''} ${after}`;
          const selectors = describe(t0, before.length + 1, before.length + 1 + quoted.length);
          let t = `${before} ${other ?? ''} ${after}`;
          let join = before.length + 1;
          for (const [e, first] of edits) {
            const out = first ? applyEdit(t, e, 0, join) : applyEdit(t, e, join, t.length);
            t = out.text;
            if (first) join += out.delta;
          }
          fc.pre(!t.includes(quoted));
          expect(anchor(t, selectors)).toMatchObject({ status: 'orphaned', start: null, end: null, text: null });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('re-finds a quote with one word inserted into it, as a fuzzy match covering the edited passage', () => {
    fc.assert(
      fc.property(passage(30, 60), sentence, passage(30, 60), fc.double({ min: 0.2, max: 0.8, noNaN: true }), (before, quoted, after, f) => {
        const t0 = `${before} ${quoted} ${after}`;
        const start = before.length + 1;
        const selectors = describe(t0, start, start + quoted.length);
        const at = offsetIn(quoted, 1, quoted.length - 1, f);
        const cut = quoted.indexOf(' ', at);
        fc.pre(cut > 0 && !/\p{Nd}/u.test(quoted.slice(0, cut)));
        const edited = `${quoted.slice(0, cut)} barley${quoted.slice(cut)}`;
        const t = `${before} ${edited} ${after}`;
        fc.pre(!t.includes(quoted));
        const r = anchor(t, selectors);
        expectWellFormed(t, quoted, r);
        expect(r.status).toBe('fuzzy');
        // The match covers the edited passage, give or take its first and last few characters.
        expect(Math.abs(r.start! - start)).toBeLessThanOrEqual(8);
        expect(Math.abs(r.end! - (start + edited.length))).toBeLessThanOrEqual(8);
        const back = r
          .diff!.filter((d) => d.op !== 'insert')
          .map((d) => d.text)
          .join('');
        expect(back).toBe(quoted);
      }),
      { numRuns: 100 },
    );
  });
});
