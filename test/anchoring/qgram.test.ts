/** The q-gram index names the places a quote may have gone. */
import { describe as suite, expect, it } from 'vitest';
import { foldCodes } from '../../shared/anchoring/fold.ts';
import { QGramIndex } from '../../shared/anchoring/qgram.ts';

const paragraphs = Array.from({ length: 300 }, (_, i) => `Item ${i}: berth ${i % 13} handled ${(i * 37) % 1000} boxes as the ${['tanker', 'feeder', 'barge'][i % 3]} queue eased.`);

suite('QGramIndex', () => {
  it('ranks the place of an edited quote first, by its surviving grams and those of its context', () => {
    const quote = 'Dunmore Refining expects diesel margins to recover by the third quarter.';
    const text = [...paragraphs.slice(0, 200), quote.replace('expects', 'anticipates'), ...paragraphs.slice(200)].join('\n');
    const at = text.indexOf('Dunmore');
    const prefix = text.slice(at - 20, at);
    const index = new QGramIndex(foldCodes(text));
    const [best] = index.candidates(foldCodes(prefix + quote), prefix.length, 3);
    expect(best).toBeDefined();
    expect(Math.abs(best!.diagonal - at)).toBeLessThanOrEqual(64);
  });

  it('lists every true occurrence among its possible starts', () => {
    const text = paragraphs.join('\n');
    const index = new QGramIndex(foldCodes(text));
    const needle = 'handled 111 boxes';
    const truth: number[] = [];
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) truth.push(i);
    expect(truth.length).toBeGreaterThan(0);
    const possible = new Set(index.possibleStarts(foldCodes(needle)));
    for (const t of truth) expect(possible.has(t)).toBe(true);
    expect(index.possibleStarts(foldCodes('box'))).toBeNull();
    expect(index.candidates(foldCodes(needle), 0, 0)).toEqual([]);
  });
});
