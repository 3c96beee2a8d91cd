import { describe, expect, it } from 'vitest';
import { blockAt, blockAtY, blockEnd, estimateHeights, prefixTops, renderRuns, splitBlocks } from '../../renderer/reader/blocks.ts';
import { longText } from '../bench/reader-data.ts';

const pieces = (text: string, b: ReturnType<typeof splitBlocks>) => [...b.starts].map((s, i) => text.slice(s, blockEnd(b, i)));

describe('splitBlocks', () => {
  it('cuts a long text into blocks that put together are the text, each ending after a line break', () => {
    const text = longText(60_000, 1);
    const b = splitBlocks(text, 1500);
    const parts = pieces(text, b);
    expect(parts.join('')).toBe(text);
    expect(parts.length).toBeGreaterThan(20);
    for (const p of parts.slice(0, -1)) expect(p.endsWith('\n')).toBe(true);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1500 + 1200);
  });

  it('prefers to end a block after a blank line (a paragraph) over a single line break', () => {
    const para = (n: number) => Array.from({ length: 4 }, (_, i) => `Line ${i} of paragraph ${n}, long enough to count.`).join('\n');
    const text = Array.from({ length: 20 }, (_, n) => para(n)).join('\n\n');
    const parts = pieces(text, splitBlocks(text, 500));
    expect(parts.slice(0, -1).every((p) => p.endsWith('\n\n'))).toBe(true);
  });

  it('cuts a line longer than the limit at spaces, and a short text is one block', () => {
    const line = 'word '.repeat(4000);
    const b = splitBlocks(line, 1000, 3000);
    expect(pieces(line, b).join('')).toBe(line);
    expect(pieces(line, b).every((p) => p.length <= 3000)).toBe(true);
    expect(
      pieces(line, b)
        .slice(0, -1)
        .every((p) => p.endsWith(' ')),
    ).toBe(true);
    expect([...splitBlocks('A short note.\n\nTwo paragraphs.').starts]).toEqual([0]);
    expect([...splitBlocks('').starts]).toEqual([0]);
  });
});

describe('finding blocks', () => {
  const text = longText(20_000, 2);
  const b = splitBlocks(text, 1000);

  it('finds the block holding an offset, the last one holding the end', () => {
    for (let i = 0; i < b.starts.length; i++) {
      expect(blockAt(b, b.starts[i]!)).toBe(i);
      expect(blockAt(b, blockEnd(b, i) - 1)).toBe(i);
    }
    expect(blockAt(b, text.length)).toBe(b.starts.length - 1);
  });

  it('estimates heights from lines wrapped at the characters per line, and finds the block at a height', () => {
    const h = estimateHeights('abcdefghijabcdefghijab\nabc\n', { starts: Int32Array.from([0, 23]), length: 27 }, 10, 10);
    expect([...h]).toEqual([30, 10]);
    const tops = prefixTops(Float64Array.from([10, 20, 30]));
    expect([...tops]).toEqual([0, 10, 30, 60]);
    expect([blockAtY(tops, 0), blockAtY(tops, 15), blockAtY(tops, 59), blockAtY(tops, 500), blockAtY(tops, -5)]).toEqual([0, 1, 2, 2, 0]);
  });

  it('renders the window and the pinned blocks outside it as sorted runs', () => {
    expect(renderRuns([10, 14], [], 100)).toEqual([[10, 14]]);
    expect(renderRuns([10, 14], [2, 12, 15, 40], 100)).toEqual([
      [2, 2],
      [10, 15],
      [40, 40],
    ]);
    expect(renderRuns([0, 200], [500], 100)).toEqual([[0, 99]]);
  });
});
