import { describe, expect, it } from 'vitest';
import { snippetParts } from '../../renderer/state/derive.ts';

describe('search snippets as marked parts', () => {
  it('splits the text into plain and marked parts in order', () => {
    expect(
      snippetParts({
        text: 'output fell about 12% in March',
        marks: [
          [18, 21],
          [7, 11],
        ],
      }),
    ).toEqual([
      { text: 'output ', mark: false },
      { text: 'fell', mark: true },
      { text: ' about ', mark: false },
      { text: '12%', mark: true },
      { text: ' in March', mark: false },
    ]);
  });

  it('keeps every character exactly once even with overlapping or out-of-range marks', () => {
    const text = 'barge queues at Lenholm';
    const parts = snippetParts({
      text,
      marks: [
        [0, 5],
        [3, 12],
        [20, 99],
        [30, 40],
      ],
    });
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['barge', ' queues', 'olm']);
  });

  it('returns the whole text unmarked when there are no marks', () => {
    expect(snippetParts({ text: 'no match here', marks: [] })).toEqual([{ text: 'no match here', mark: false }]);
  });

  it('shortens the text before the first match to a word boundary when asked', () => {
    const text = 'The port authority disputes that reading. Its figures show throughput rising';
    const at = text.indexOf('throughput');
    const parts = snippetParts({ text, marks: [[at, at + 10]] }, 12);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts[1]?.text).toBe('show ');
    expect(parts[2]).toEqual({ text: 'throughput', mark: true });
    expect(snippetParts({ text, marks: [[4, 8]] }, 12)[0]).toEqual({ text: 'The ', mark: false });
  });
});
