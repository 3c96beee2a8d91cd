/** wordDiff(): word-level differences between a quote and its new text. */
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { wordDiff } from '../../shared/anchoring/index.ts';
import type { WordDiffPart } from '../../shared/anchoring/index.ts';

const side = (parts: WordDiffPart[], skip: WordDiffPart['op']): string =>
  parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join('');

suite('wordDiff', () => {
  it('reports identical texts as one equal part, and two empty texts as no parts', () => {
    expect(wordDiff('rose 4% in May', 'rose 4% in May')).toEqual([{ op: 'equal', text: 'rose 4% in May' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('reports a whole insertion or deletion against an empty text', () => {
    expect(wordDiff('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }]);
    expect(wordDiff('old text', '')).toEqual([{ op: 'delete', text: 'old text' }]);
  });

  it('replaces whole words, deletion before insertion, and keeps the rest equal', () => {
    expect(wordDiff('grades were likely to decline', 'grades were expected to decline')).toEqual([
      { op: 'equal', text: 'grades were ' },
      { op: 'delete', text: 'likely' },
      { op: 'insert', text: 'expected' },
      { op: 'equal', text: ' to decline' },
    ]);
  });

  it('treats punctuation and whitespace runs as tokens of their own', () => {
    expect(wordDiff('said, adding', 'said; adding')).toEqual([
      { op: 'equal', text: 'said' },
      { op: 'delete', text: ',' },
      { op: 'insert', text: ';' },
      { op: 'equal', text: ' adding' },
    ]);
    expect(wordDiff('a b', 'a\nb')).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: ' ' },
      { op: 'insert', text: '\n' },
      { op: 'equal', text: 'b' },
    ]);
  });

  it('keeps accented words and emoji whole', () => {
    const parts = wordDiff('Zoe\u0301 saw 🚢 today', 'Zoe\u0301 saw 👍🏽 today');
    expect(parts).toContainEqual({ op: 'equal', text: 'Zoe\u0301 saw ' });
    expect(parts).toContainEqual({ op: 'delete', text: '🚢' });
  });

  it('always rebuilds the old text from equal+delete parts and the new from equal+insert, with no empty or repeated-op parts', () => {
    const piece = fc.constantFrom('ore', 'rose', '4.2%', ',', ' ', '\n', '🚢', 'café', 'e\u0301', '—', 'the');
    const str = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(str, str, (a, b) => {
        const parts = wordDiff(a, b);
        expect(side(parts, 'insert')).toBe(a);
        expect(side(parts, 'delete')).toBe(b);
        parts.forEach((p, i) => {
          expect(p.text.length).toBeGreaterThan(0);
          if (i > 0) expect(parts[i - 1]!.op).not.toBe(p.op);
        });
      }),
      { numRuns: 200 },
    );
  });
});
