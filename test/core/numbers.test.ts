/**
 * One number reader for the whole notebook (shared/text/numbers.ts): what it reads, and
 * that the claim assistant and the search index, which both read through it, give the
 * same value for the same words.
 */
import { describe, expect, it } from 'vitest';
import { readNumber, readScale, readWordNumber } from '../../shared/text/numbers.ts';
import * as claimNumbers from '../../shared/claims/numbers.ts';
import { detectFigures } from '../../shared/claims/figures.ts';
import { tokenize } from '../../shared/search/fold.ts';

const value = (text: string, currency = false): number | undefined => readNumber(text, 0, { currency })?.value;

describe('reading a number at a position', () => {
  it('reads digits with grouping and decimals', () => {
    expect(value('12,500 people')).toBe(12500);
    expect(value('12 500 people')).toBe(12500);
    expect(value('1.5 tonnes')).toBe(1.5);
    // a space group must not glue a year to the next number
    expect(readNumber('2021 500 people', 0)?.end).toBe(4);
  });

  it('reads written numbers, with their own scale words', () => {
    expect(value('twenty-five')).toBe(25);
    expect(value('two million')).toBe(2e6);
    expect(value('a dozen')).toBe(12);
    expect(value('three hundred and twelve')).toBe(312);
    expect(value('half a million')).toBe(5e5);
    expect(value('two million five hundred thousand')).toBe(2.5e6);
    expect(value('a thousand million')).toBe(1e9);
    expect(value('five lakh crore')).toBe(5e12);
    expect(readWordNumber('a barge', 0)).toBeNull();
    expect(readWordNumber('a-million', 0)).toBeNull();
  });

  it('reads fractions as shares in percent', () => {
    expect(readWordNumber('two-thirds', 0)).toMatchObject({ kind: 'fraction', percent: true });
    expect(readWordNumber('two-thirds', 0)!.value).toBeCloseTo(66.667, 3);
    expect(readNumber('a tenth of', 0)).toMatchObject({ value: 10, scale: 1 });
  });

  it('reads scale words and abbreviations after digits', () => {
    const cases: Array<[string, number]> = [
      ['3 thousand', 3e3],
      ['3 million', 3e6],
      ['3million', 3e6],
      ['3 billion', 3e9],
      ['3 trillion', 3e12],
      ['3k', 3e3],
      ['3mn', 3e6],
      ['3 mn', 3e6],
      ['3 mln', 3e6],
      ['3MLN', 3e6],
      ['1.5bn', 1.5e9],
      ['1.5 bln', 1.5e9],
      ['2tn', 2e12],
      ['2 trn', 2e12],
      ['1.2-billion', 1.2e9],
      ['45,000-crore', 4.5e11],
      ['500 crore', 5e9],
      ['5 lakh', 5e5],
      ['1.6 lakh crore', 1.6e12],
      ['2.3m tonnes', 2.3e6],
    ];
    for (const [text, v] of cases) expect(value(text), text).toBe(v);
    // "k" only glued; letters glued to the abbreviation make it none
    expect(value('5 k')).toBe(5);
    expect(value('3bnx')).toBe(3);
  });

  it('reads "m" as a million only after a currency, before a counted noun, or ending a query', () => {
    expect(value('3m', true)).toBe(3e6);
    expect(value('3m tonnes')).toBe(3e6);
    expect(value('3m people')).toBe(3e6);
    expect(value('300m deep')).toBe(300);
    expect(value('3m is')).toBe(3);
    expect(value('3m')).toBe(3);
    expect(readNumber('3m', 0, { mAtEnd: true })?.value).toBe(3e6);
    expect(readNumber('3m ', 0, { mAtEnd: true })?.value).toBe(3e6);
    expect(value('3b', true)).toBe(3e9);
    expect(value('3b')).toBe(3);
    expect(readScale('b', 0, false, { currency: true })).toBeNull();
  });

  it('keeps the old import path of the claim assistant working', () => {
    expect(claimNumbers.readDigits('1,200', 0)?.value).toBe(1200);
    expect(claimNumbers.readWordNumber('forty-two', 0)?.value).toBe(42);
    expect(claimNumbers.readScale(' mln', 0, true)?.scale).toBe(1e6);
  });
});

describe('the claim assistant and the search index read numbers alike', () => {
  // Invented sentences; [text, the value both must give to the first number in it].
  const TABLE: Array<[string, number]> = [
    ['Output reached 3 mln tonnes.', 3e6],
    ['Output reached 3m tonnes.', 3e6],
    ['Output reached 3 million tonnes.', 3e6],
    ['Output reached three million tonnes.', 3e6],
    ['Output reached 2.3m tonnes.', 2.3e6],
    ['The deal was worth $3m.', 3e6],
    ['The deal was worth £3 mn.', 3e6],
    ['Debt rose to $3b.', 3e9],
    ['Exports were 1.5bn dollars.', 1.5e9],
    ['The utility took a $1.2-billion loan.', 1.2e9],
    ['A bond of 1.2 bln euros was sold.', 1.2e9],
    ['The fund raised €4bn.', 4e9],
    ['Japan spent ¥2tn on it.', 2e12],
    ['Traffic hit 7 trn won.', 7e12],
    ['Reserves of 3.5 billion barrels were found.', 3.5e9],
    ['Stocks of 3 mn barrels remain.', 3e6],
    ['The plant uses 4.2 thousand tonnes.', 4200],
    ['About 5k runners started.', 5000],
    ['The state spent Rs 500 crore.', 5e9],
    ['Subsidies of 1.6 lakh crore rupees were paid.', 1.6e12],
    ['It hired 12,500 people.', 12500],
    ['It hired 12 500 people.', 12500],
    ['Some 2,000,000 people voted.', 2e6],
    ['Some two million people voted.', 2e6],
    ['A thousand million people watched.', 1e9],
    ['Two million five hundred thousand people moved.', 2.5e6],
    ['Half a million households lost power.', 5e5],
    ['A dozen tankers waited.', 12],
    ['Twenty-five tankers waited.', 25],
    ['Seventy percent of voters agreed.', 70],
    ['The share was 45 per cent.', 45],
    ['The new shaft is 300m deep.', 300],
  ];

  it.each(TABLE)('%s', (text, want) => {
    const claim = detectFigures(text)[0];
    const term = tokenize(text).find((t) => !t.extra && t.value !== undefined);
    expect(claim?.value).toBe(want);
    expect(term?.value).toBe(want);
  });
});
