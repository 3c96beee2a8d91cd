/**
 * The reading surface's pure parts: the sentence "Make quote" starts from and
 * its word-by-word adjustment, the keyboard caret's steps, where the selection
 * toolbar and the delete confirmation go, the annotations panel's order and
 * filters, plurals, field problems in people's words, and how a failed save is
 * worded.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimDetail } from '../../shared/api/contract.ts';
import type { Quote } from '../../shared/model/records.ts';
import { placeBeside } from '../../renderer/components/ConfirmDelete.tsx';
import { annotationsOf, inDocumentOrder, neighbourQuote, NO_FILTER, tagsUsed } from '../../renderer/reader/annotations.ts';
import { stepCaret } from '../../renderer/reader/caret.ts';
import { nudge, sentenceAround } from '../../renderer/reader/passages.ts';
import { placeToolbar } from '../../renderer/reader/placement.ts';
import { describeFailure } from '../../renderer/state/actions/autosave.ts';
import { plural, quoteDeleteDetail, sourceFieldProblem } from '../../renderer/state/derive.ts';

const TEXT = 'Eels in decline\n\nThe survey found fewer eels at the weir. Water was warmer in 2024, the board said. Farmers disagreed.\n\nA last line';
const slice = (r: { start: number; end: number }) => TEXT.slice(r.start, r.end);
const at = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });

describe('the sentence around a search hit', () => {
  it('is the whole sentence holding the matched words, without its trailing space', () => {
    const m = at('warmer');
    expect(slice(sentenceAround(TEXT, m.start, m.end))).toBe('Water was warmer in 2024, the board said.');
  });

  it('covers every sentence a match spans, and never crosses into the next paragraph', () => {
    const m = at('weir. Water');
    expect(slice(sentenceAround(TEXT, m.start, m.end))).toBe('The survey found fewer eels at the weir. Water was warmer in 2024, the board said.');
    const h = at('decline');
    expect(slice(sentenceAround(TEXT, h.start, h.end))).toBe('Eels in decline');
  });

  it('widens and narrows a word at a time at either end, and never becomes empty', () => {
    const s = sentenceAround(TEXT, at('warmer').start, at('warmer').end);
    expect(slice(nudge(TEXT, s, 'start', 1))).toBe('was warmer in 2024, the board said.');
    expect(slice(nudge(TEXT, s, 'start', -1))).toBe('weir. Water was warmer in 2024, the board said.');
    expect(slice(nudge(TEXT, s, 'end', -1))).toBe('Water was warmer in 2024, the board');
    expect(slice(nudge(TEXT, s, 'end', 1))).toBe('Water was warmer in 2024, the board said. Farmers');
    const word = at('Farmers');
    expect(nudge(TEXT, word, 'end', -1)).toEqual(word);
    expect(nudge(TEXT, word, 'start', 1)).toEqual(word);
  });
});

describe('the keyboard caret', () => {
  it('steps over a whole character, never into an emoji or a combining mark', () => {
    const t = 'a\ud83d\udc77\ud83c\udffdb e\u0301c';
    expect(stepCaret(t, 1, 1, 'character')).toBe(5);
    expect(stepCaret(t, 5, -1, 'character')).toBe(1);
    expect(stepCaret(t, 7, 1, 'character')).toBe(9);
    expect(stepCaret(t, 0, -1, 'character')).toBe(0);
    expect(stepCaret(t, t.length, 1, 'character')).toBe(t.length);
  });

  it('steps a word at a time', () => {
    const from = TEXT.indexOf('survey');
    expect(slice({ start: from, end: stepCaret(TEXT, from, 1, 'word') })).toBe('survey');
    expect(slice({ start: stepCaret(TEXT, from, -1, 'word'), end: from })).toBe('The ');
  });
});

describe('placing the selection toolbar', () => {
  const size = { width: 380, height: 40 };
  it('goes above the selection when there is room in sight, below it otherwise, never over it', () => {
    const sel = { top: 300, bottom: 330, left: 100, right: 300 };
    const up = placeToolbar(sel, size, { width: 700, scrollTop: 0 });
    expect(up.side).toBe('above');
    expect(up.top + size.height).toBeLessThanOrEqual(sel.top);
    const down = placeToolbar(sel, size, { width: 700, scrollTop: 280 });
    expect(down.side).toBe('below');
    expect(down.top).toBeGreaterThanOrEqual(sel.bottom);
  });

  it('stays inside the pane horizontally', () => {
    expect(placeToolbar({ top: 300, bottom: 320, left: 0, right: 20 }, size, { width: 500, scrollTop: 0 }).left).toBe(8);
    expect(placeToolbar({ top: 300, bottom: 320, left: 480, right: 500 }, size, { width: 500, scrollTop: 0 }).left).toBe(500 - 380 - 8);
  });
});

describe('placing the delete confirmation', () => {
  it('opens above its button, or below it near the top, and never covers it', () => {
    const vp = { width: 1400, height: 900 };
    const low = { top: 700, bottom: 730, left: 1100, right: 1200 };
    const p = placeBeside(low, 120, vp);
    expect(p.top + 120).toBeLessThanOrEqual(low.top);
    const high = { top: 40, bottom: 70, left: 1100, right: 1200 };
    expect(placeBeside(high, 120, vp).top).toBeGreaterThanOrEqual(high.bottom);
  });
});

function quote(id: string, start: number, end: number, extra: Partial<Quote> = {}): Quote {
  return {
    id,
    sourceId: 's_1',
    exact: TEXT.slice(start, end),
    selectors: [
      { type: 'TextPositionSelector', start, end },
      { type: 'TextQuoteSelector', exact: TEXT.slice(start, end), prefix: '', suffix: '' },
    ],
    color: 'yellow',
    tags: [],
    note: '',
    createdAt: '2026-01-01T00:00:0' + id.slice(-1) + 'Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  } as unknown as Quote;
}
const claimCiting = (id: string, quoteId: string): ClaimDetail => ({ claim: { id, statement: 'Eels declined', evidence: [{ quoteId, relation: 'supports' }] } }) as unknown as ClaimDetail;

describe('the annotations panel', () => {
  const a = quote('q_3', ...(Object.values(at('Farmers disagreed')) as [number, number]), { color: 'green', tags: ['farming'] });
  const b = quote('q_1', ...(Object.values(at('fewer eels')) as [number, number]), { tags: ['energy/hash-rate'], note: 'check' });
  const c = quote('q_2', ...(Object.values(at('warmer in 2024')) as [number, number]), { color: 'blue', tags: ['energy'] });
  const lost = quote('q_4', 0, 4, { anchor: { status: 'orphaned', review: null } } as never);

  it('lists quotes in document order, those without a place in the text last', () => {
    expect(inDocumentOrder([lost, a, b, c]).map((q) => q.id)).toEqual(['q_1', 'q_2', 'q_3', 'q_4']);
  });

  it('filters by colour, by tag with its nested tags, and by status', () => {
    const claims = [claimCiting('c_1', 'q_2')];
    const ids = (f: Partial<typeof NO_FILTER>) => annotationsOf([a, b, c, lost], claims, { ...NO_FILTER, ...f }).map((x) => x.quote.id);
    expect(ids({ colors: ['green', 'blue'] })).toEqual(['q_2', 'q_3']);
    expect(ids({ tag: 'energy' })).toEqual(['q_1', 'q_2']);
    expect(ids({ status: 'cited' })).toEqual(['q_2']);
    expect(ids({ status: 'noted' })).toEqual(['q_1']);
    expect(ids({ status: 'orphaned' })).toEqual(['q_4']);
    expect(annotationsOf([c], claims, NO_FILTER)[0]!.claims).toEqual([{ id: 'c_1', statement: 'Eels declined', relation: 'supports' }]);
    expect(tagsUsed([a, b, c])).toEqual(['energy', 'energy/hash-rate', 'farming']);
  });

  it('moves to the next and previous highlight from the caret or the selected one', () => {
    const qs = [a, b, c, lost];
    expect(neighbourQuote(qs, 0, 1, null)?.id).toBe('q_1');
    expect(neighbourQuote(qs, 0, 1, 'q_1')?.id).toBe('q_2');
    expect(neighbourQuote(qs, 0, -1, 'q_2')?.id).toBe('q_1');
    expect(neighbourQuote(qs, 0, 1, 'q_3')).toBeNull();
    expect(neighbourQuote(qs, TEXT.length, -1, null)?.id).toBe('q_3');
  });
});

describe('words', () => {
  it('count with the right plural', () => {
    expect([plural(0, 'quote'), plural(1, 'quote'), plural(2, 'claim'), plural(1200, 'source')]).toEqual(['0 quotes', '1 quote', '2 claims', '1,200 sources']);
    expect(quoteDeleteDetail(1)).toContain('The claim citing it loses it as evidence.');
    expect(quoteDeleteDetail(3)).toContain('The 3 claims citing it lose it as evidence.');
  });

  it('say what is wrong with a source detail before anything is sent', () => {
    expect(sourceFieldProblem('published', '2025-04-02')).toBeNull();
    expect(sourceFieldProblem('published', '')).toBeNull();
    expect(sourceFieldProblem('published', 'April 2025')).toMatch(/^Write the date as a year, a month or a day: 2025, 2025-04 or 2025-04-02/);
    expect(sourceFieldProblem('accessed', '2025-13')).toMatch(/no month 13/);
    expect(sourceFieldProblem('title', '  ')).toBe('A source needs a title.');
  });

  it('put a service refusal in people’s words, keeping the technical text as detail', () => {
    const raw = 'invalid arguments for updateSource: patch.published: expected a date like 2021, 2021-05 or 2021-05-24';
    expect(describeFailure(raw)).toEqual({ message: 'Published: write a date like 2021, 2021-05 or 2021-05-24.', detail: raw });
    expect(describeFailure('the figure “lots” holds no figure')).toEqual({ message: 'The figure “lots” holds no figure', detail: null });
  });
});
