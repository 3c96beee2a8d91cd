/** wording.ts and figures(): the word-level rules a fuzzy candidate must pass. */
import { describe as suite, expect, it } from 'vitest';
import { figures } from '../../shared/anchoring/similarity.ts';
import { compareWording, insideWord } from '../../shared/anchoring/wording.ts';

suite('wording', () => {
  it("counts the share of the quote's words kept in order, ignoring case and punctuation", () => {
    expect(compareWording('Rates were little changed.', 'rates were broadly unchanged').kept).toBeCloseTo(2 / 4, 10);
    expect(compareWording('The drug was well tolerated.', 'The treatment was well tolerated.').kept).toBeCloseTo(4 / 5, 10);
    expect(compareWording('A vintage tractor parade follows in the afternoon.', 'Vintage tractors will parade in the afternoon.').kept).toBeCloseTo(5 / 8, 10);
    expect(compareWording('', 'anything')).toEqual({ kept: 1, reordered: false });
  });

  it('sees a phrase taken out in one place and put back in another, but not a single moved word', () => {
    expect(compareWording('Our top pick remains Cedar Grid, where', 'Cedar Grid remains our top pick, where').reordered).toBe(true);
    expect(compareWording('output also rose in May', 'output rose in May also').reordered).toBe(false);
    expect(compareWording('He added that ships were tied up', 'He added that vessels were tied up').reordered).toBe(false);
  });

  it('knows when an offset falls inside a word', () => {
    expect(insideWord('according to', 4)).toBe(true);
    expect(insideWord('according to', 9)).toBe(false);
    expect(insideWord('café', 3)).toBe(true);
    expect(insideWord('ab', 0)).toBe(false);
  });
});

suite('figures', () => {
  it('lists digit runs and number words in order, so a spelled-out figure that changed shows', () => {
    expect(figures('take delivery of Four more aircraft, up 4.2% on 1,300')).toBe('four|4|2|1|300');
    expect(figures('a three-day strike')).toBe('three');
    expect(figures('someone gave anyone a tone')).toBe('');
    expect(figures('four more')).not.toBe(figures('five more'));
    expect(figures('four decades')).not.toBe(figures('40 years'));
  });
});
