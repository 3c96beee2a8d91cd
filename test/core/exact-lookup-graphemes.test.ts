/**
 * Quoting by exact words snaps to whole characters: words typed on the CLI that
 * end (or start) inside a grapheme cluster of the text are widened to the whole
 * cluster, not refused as absent.
 */
import { describe, expect, it } from 'vitest';
import * as a from '../../shared/model/actions.ts';
import { MemoryNotebook } from '../../shared/model/memory.ts';
import type { SourceId } from '../../shared/model/records.ts';
import { apply, sourceMeta, testContext } from '../support/model.ts';

const SID = 's_0000000009' as SourceId;

function notebookWith(text: string): MemoryNotebook {
  const nb = new MemoryNotebook();
  nb.apply([{ kind: 'source', op: 'put', record: sourceMeta(SID, text) }]);
  return nb;
}

describe('quoting by exact words next to combining marks and emoji', () => {
  it('takes the combining dot after a final "i" with the quote instead of saying the source lacks the words', () => {
    const text = 'The convoy left for \u00dcr\u00fcmqi\u0307 at dawn, a reporter wrote.';
    const nb = notebookWith(text);
    const q = apply(nb, a.createQuote(nb, text, { sourceId: SID, exact: 'left for \u00dcr\u00fcmqi' }, testContext()));
    expect(q.exact).toBe('left for \u00dcr\u00fcmqi\u0307');
    expect(text.slice(q.selectors[0].start, q.selectors[0].end)).toBe(q.exact);
  });

  it('widens an emoji to its skin tone', () => {
    const text = 'Workers \ud83d\udc77\ud83c\udffd walked out on Monday.';
    const nb = notebookWith(text);
    const q = apply(nb, a.createQuote(nb, text, { sourceId: SID, exact: 'Workers \ud83d\udc77' }, testContext()));
    expect(q.exact).toBe('Workers \ud83d\udc77\ud83c\udffd');
  });

  it('prefers an occurrence that lines up with whole characters, so the plain spelling is not ambiguous', () => {
    const text = 'First \u00dcr\u00fcmqi, then \u00dcr\u00fcmqi\u0307 again.';
    const nb = notebookWith(text);
    const q = apply(nb, a.createQuote(nb, text, { sourceId: SID, exact: '\u00dcr\u00fcmqi' }, testContext()));
    expect(q.selectors[0].start).toBe(text.indexOf('\u00dcr\u00fcmqi'));
    expect(q.exact).toBe('\u00dcr\u00fcmqi');
  });

  it('still refuses words that are not there', () => {
    const text = 'The convoy left for \u00dcr\u00fcmqi\u0307 at dawn.';
    const nb = notebookWith(text);
    const r = a.createQuote(nb, text, { sourceId: SID, exact: 'left for Kashgar' }, testContext());
    expect(!r.ok && r.error.code).toBe('not_in_source');
  });
});
