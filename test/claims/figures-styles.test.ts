import { describe, expect, it } from 'vitest';
import { detectFigures, type Figure } from '../../shared/claims/figures.ts';

// Rules found missing by the second held-out batch (figures-holdout-2.json), each checked on
// wording that is not in the batch: spoken numbers, abstracts, court copy, national press
// conventions, headlines, polls and markets.

const only = (text: string): Figure => {
  const figs = detectFigures(text);
  expect(figs, JSON.stringify(figs.map((f) => f.raw))).toHaveLength(1);
  return figs[0]!;
};
const raws = (text: string): string[] => detectFigures(text).map((f) => f.raw);

describe('spoken numbers and hedges', () => {
  it.each([
    ['We had something like 300 complaints.', 'something like', 'approximate'],
    ['It will cost in the region of £40m.', 'in the region of', 'approximate'],
    ['Turnout was a shade under 60 per cent.', 'a shade under', 'near-below'],
    ['Inflation is a fraction over 2%.', 'a fraction over', 'near-above'],
    ['We now employ getting on for 900 people.', 'getting on for', 'near-below'],
    ['The bill was north of $5bn.', 'north of', 'lower'],
  ])('reads the hedge of "%s"', (text, hedge, bound) => {
    expect(only(text)).toMatchObject({ hedge, bound });
  });
  it('reads "a couple of thousand" as about 2,000 and "one and a half billion" as 1.5 billion', () => {
    expect(only('A couple of thousand fans waited outside.')).toMatchObject({ value: 2000, hedge: 'a couple of', bound: 'approximate' });
    expect(only('Two and a half years have passed.')).toMatchObject({ value: 2.5, unit: 'year' });
    expect(only('They asked for one and a half billion euros.')).toMatchObject({ value: 1.5e9, unit: 'EUR' });
  });
  it('counts an article as one unit only after a hedge', () => {
    expect(only('The works took the better part of a year.')).toMatchObject({ value: 1, unit: 'year', hedge: 'the better part of', bound: 'near-below' });
    expect(only('It lasted almost an hour.')).toMatchObject({ value: 1, unit: 'hour', hedge: 'almost' });
    expect(detectFigures('Prices were higher a year earlier and a day later.')).toEqual([]);
  });
  it('reads a hedge across an article, but not a preposition', () => {
    expect(only('Margins saw roughly a 2% improvement.')).toMatchObject({ value: 2, hedge: 'roughly', bound: 'approximate' });
    expect(only('Analysts worried about a 5% cut.')).toMatchObject({ value: 5, hedge: null, bound: 'exact' });
  });
  it('reads "give or take" after a comma, and "-odd" and "-plus" joined to the number', () => {
    expect(only('About 8,000, give or take, were there.')).toMatchObject({ value: 8000, hedge: 'about' });
    expect(only('There were 8,000 people, give or take.')).toMatchObject({ value: 8000, hedge: 'give or take', bound: 'approximate' });
    expect(only('The index lost 300-odd points.')).toMatchObject({ value: 300, unit: 'pt', hedge: 'odd', bound: 'near-above', kind: 'fall' });
    expect(only('Bidders offered a £60m-plus package.')).toMatchObject({ value: 6e7, unit: 'GBP', hedge: 'plus', bound: 'lower' });
  });
  it('reads "30 or 40 per cent" as a range, and keeps "10% or more" a hedge', () => {
    expect(only('Perhaps 20 or 25 per cent of them left.')).toMatchObject({ bound: 'range', lower: 20, upper: 25, unit: '%' });
    expect(only('Prices may fall 10% or more.')).toMatchObject({ hedge: 'or more', bound: 'lower' });
  });
});

describe('scientific abstracts', () => {
  it('reads comparison signs and decimals without a leading zero', () => {
    expect(only('The effect held (P<.01).')).toMatchObject({ value: 0.01, hedge: '<', bound: 'upper' });
    expect(only('Only subgroups with n ≥ 50 were kept.')).toMatchObject({ value: 50, hedge: '≥', bound: 'lower' });
  });
  it('drops the confidence level and gives the interval the estimate’s unit', () => {
    const figs = detectFigures('Weight fell by 3.1 kg (90% CI 2.2 to 4.0) versus controls.');
    expect(figs.map((f) => [f.raw, f.unit])).toEqual([
      ['3.1 kg', 'kg'],
      ['2.2 to 4.0', 'kg'],
    ]);
    expect(detectFigures('The median stay was 6 days (IQR 4–9).').map((f) => f.unit)).toEqual(['day', 'day']);
  });
  it('reads a statistic after its abbreviation, but keeps names with decimals', () => {
    expect(raws('The odds were higher (OR 1.42, 95% CI 1.10–1.83).')).toEqual(['1.42', '1.10–1.83']);
    expect(detectFigures('The update ships with iOS 17.4 next week.')).toEqual([]);
  });
  it('treats a hyphenated duration before a measure as its name', () => {
    expect(raws('Ten-year relative survival was 52%, and 90-day mortality 4%.')).toEqual(['52%', '4%']);
  });
  it('reads clinical units', () => {
    expect(only('Systolic pressure dropped 5.4 mmHg.')).toMatchObject({ unit: 'mmHg', kind: 'fall' });
    expect(only('Mean BMI was 31.2 kg/m2.')).toMatchObject({ unit: 'kg/m2' });
  });
  it('keeps "randomised 3:1" and "1-in-50-year" labels out', () => {
    expect(detectFigures('Patients were randomised 3:1 to treatment.')).toEqual([]);
    expect(raws('A 1-in-50-year storm flooded 80 homes.')).toEqual(['80']);
  });
});

describe('courts', () => {
  it('reads a term "of" years before a clause as a span, not a date', () => {
    expect(only('He must serve a term of six years before release.')).toMatchObject({ value: 6, unit: 'year' });
    expect(detectFigures('Two years before the trial, he moved.')).toEqual([]);
  });
  it('drops charge numbers and case ratios', () => {
    expect(raws('She was convicted on counts 2 and 5 and fined £900.')).toEqual(['£900']);
  });
});

describe('national press conventions', () => {
  it('reads hyphenated scales and glued cents', () => {
    expect(only('Toronto will borrow $2.4-billion.')).toMatchObject({ value: 2.4e9, unit: 'CAD' });
    expect(only('A Rs 1,200-crore plant opened.')).toMatchObject({ value: 1.2e10, unit: 'INR' });
    expect(only('The Melbourne lender pays 42c a share.')).toMatchObject({ value: 0.42, unit: 'AUD/share' });
    expect(only('Temperatures could reach 34c in Kent.')).toMatchObject({ value: 34, unit: '°C' });
    expect(detectFigures('AU$1.5 billion and CA$900 million were pledged.').map((f) => f.unit)).toEqual(['AUD', 'CAD']);
    expect(only('Attendance was c.4,500.')).toMatchObject({ hedge: 'c.', bound: 'approximate' });
    expect(detectFigures('The 10-yr note yield and a 45-min wait.').map((f) => f.raw)).toEqual(['45-min']);
  });
  it('reads "pounds" as sterling for money and as weight otherwise', () => {
    expect(only('The council will spend 3 million pounds on roads.')).toMatchObject({ unit: 'GBP' });
    expect(only('The fine cost him 400 pounds.')).toMatchObject({ unit: 'GBP' });
    expect(only('The dog weighs 60 pounds.')).toMatchObject({ unit: 'lb' });
    expect(only('They seized 900 pounds of cocaine.')).toMatchObject({ unit: 'lb' });
    expect(only('It cost forty quid.')).toMatchObject({ value: 40, unit: 'GBP' });
  });
  it('reads amounts per season, share, night and head', () => {
    expect(only('Rights fetch £900m a season.')).toMatchObject({ unit: 'GBP/season' });
    expect(only('Dinner costs £45 a head.')).toMatchObject({ unit: 'GBP/head' });
    expect(only('The wage is £11.44 an hour from January.')).toMatchObject({ unit: 'GBP/hour' });
  });
  it('reads exchange rates with "to the dollar", in the currency named last', () => {
    expect(only('The rupee slid to 84.1 to the dollar.')).toMatchObject({ unit: 'INR/USD' });
    expect(detectFigures('The yen held steady and the won fell to 1,402 per dollar.').map((f) => f.unit)).toEqual(['KRW/USD']);
  });
});

describe('headlines, tables and names', () => {
  it('reads comma-grouped counts after capitalised words', () => {
    expect(only('Bank To Shed 3,500 Branch Jobs')).toMatchObject({ value: 3500, kind: 'fall' });
    expect(only('Headcount 12,900 at year end')).toMatchObject({ value: 12900 });
    expect(detectFigures('Shares in Hut 8 and the FTSE 100 rose.')).toEqual([]);
  });
  it('reads a count before a model number', () => {
    expect(raws('The carrier ordered 18 777 ER jets.')).toEqual(['18']);
    expect(raws('The plant turns out 12 500 MW.')).toEqual(['12 500 MW']);
  });
  it('drops streak lengths and type compounds', () => {
    expect(detectFigures('After a five-game winning streak, they lost.')).toEqual([]);
    expect(detectFigures('It is a two-horse race in a three-way contest.')).toEqual([]);
  });
  it('reads "the 10-year at 4.2%" as an instrument and its yield', () => {
    expect(raws('The 10-year at 4.2% and the 30-year US Treasury bond at 4.5%.')).toEqual(['4.2%', '4.5%']);
  });
  it('reads "magnitude-5.8" as a magnitude', () => {
    expect(only('A magnitude-5.8 tremor shook the coast.')).toMatchObject({ value: 5.8 });
  });
});

describe('polls and markets', () => {
  it('reads points as percentage points among voters and index points above 100', () => {
    expect(only('Among voters over 65 she leads by 9 points.')).toMatchObject({ unit: 'pp' });
    expect(only('The team led by 9 points at half-time.')).toMatchObject({ unit: 'pt' });
    expect(detectFigures('The All Ordinaries rose 0.5% to 8,040 points.').map((f) => f.unit)).toEqual(['%', 'pt']);
  });
  it('reads a signed change in brackets after a share as points', () => {
    expect(detectFigures('Greens 9% (+1), Labour 31% (−3)').map((f) => [f.value, f.unit])).toEqual([
      [9, '%'],
      [1, 'pp'],
      [31, '%'],
      [-3, 'pp'],
    ]);
  });
  it('reads "lost $3 to $88" as a fall and a level, and a change joined by "and"', () => {
    expect(detectFigures('Nickel lost $120 to $16,300.').map((f) => [f.value, f.kind])).toEqual([
      [120, 'fall'],
      [16300, 'level'],
    ]);
    expect(detectFigures('Output grew 2% q/q and 7% y/y.').map((f) => f.kind)).toEqual(['rise', 'rise']);
    expect(detectFigures('Rents rose 6% and 40% of tenants moved.').map((f) => f.kind)).toEqual(['rise', 'level']);
  });
  it('reads a count per period from the end of its clause, but not for a named set', () => {
    expect(only('Up to 300 ferries cross the strait every week.')).toMatchObject({ unit: 'count/week', raw: 'Up to 300' });
    expect(detectFigures('It all started 10 or 15 years ago.')).toEqual([]);
  });
  it('keeps a linking verb from turning a transitive verb into a change', () => {
    expect(only('The trimmed figure was 2.8%.')).toMatchObject({ kind: 'level' });
    expect(only('Miners added a combined 30 EH/s.')).toMatchObject({ kind: 'rise' });
    expect(only('Scores rose by a median of 6 points.')).toMatchObject({ kind: 'rise' });
  });
  it('keeps a named halving an event', () => {
    expect(detectFigures('Revenue fell after the May halving and after bitcoin’s halving.')).toEqual([]);
  });
  it('masks day ranges written with "to" before a month', () => {
    expect(detectFigures('Fieldwork ran from 12 to 15 June.')).toEqual([]);
  });
});
