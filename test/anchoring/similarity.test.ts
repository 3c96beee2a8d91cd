/** Context comparison and figure extraction used to score fuzzy candidates. */
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { foldCodes } from '../../shared/anchoring/fold.ts';
import { ContextMatcher, contextAgreement, contextSimilarity, digitRuns } from '../../shared/anchoring/similarity.ts';

suite('context similarity', () => {
  it('is 1 for context that stands verbatim, and tolerates re-flowed whitespace, case and curly quotes', () => {
    const text = 'Brokers said “rates rose”\nsharply on Friday.';
    expect(contextSimilarity(text, text.indexOf('sharply'), 'Brokers said "rates rose" ', 'before')).toBe(1);
    expect(contextSimilarity(text, 0, 'BROKERS said', 'after')).toBe(1);
  });

  it('loses about one point per edited character, and lets the far end float', () => {
    const text = 'the company said output fell. NEXT';
    const at = text.indexOf('NEXT');
    // One word inserted far from the quote costs that word, not a shift of everything.
    expect(contextSimilarity(text, at, 'company said output fell. ', 'before')).toBe(1);
    expect(contextSimilarity(text, at, 'company said output rose. ', 'before')).toBeCloseTo(1 - 4 / 26, 10);
  });

  it('gives the same value bit-parallel (ContextMatcher) as the plain table, on either side', () => {
    const piece = fc.constantFrom('ore ', 'rose ', '4.2% ', ', ', '\n', 'the ', 'Mine ', 'x');
    const str = (max: number) => fc.array(piece, { minLength: 1, maxLength: max }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(str(30), str(10), fc.double({ min: 0, max: 1, noNaN: true }), (text, context, f) => {
        const at = Math.floor(f * text.length);
        const matcher = new ContextMatcher(context);
        const folded = foldCodes(text);
        for (const side of ['before', 'after'] as const) {
          expect(matcher.similarity(folded, at, side)).toBeCloseTo(contextSimilarity(text, at, context, side), 12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts verbatim agreement outward from the quote edge, case and whitespace included', () => {
    const text = 'abc Output rose';
    expect(contextAgreement(text, 4, 'xbc ', 'before')).toBe(3);
    expect(contextAgreement(text, 4, 'Output', 'after')).toBe(6);
    expect(contextAgreement(text, 4, 'output', 'after')).toBe(0);
    expect(contextAgreement(text, 0, 'abc', 'before')).toBe(0);
  });
});

suite('digitRuns', () => {
  it('lists the digit sequences in order, so a changed or reordered figure is visible', () => {
    expect(digitRuns('rose 4.2% to 1,300 tonnes')).toBe('4|2|1|300');
    expect(digitRuns('no figures here')).toBe('');
    expect(digitRuns('rose 2.4%')).not.toBe(digitRuns('rose 4.2%'));
  });
});
