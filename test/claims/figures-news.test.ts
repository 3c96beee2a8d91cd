import { describe, expect, it } from 'vitest';
import { detectFigures, type Figure } from '../../shared/claims/figures.ts';

const only = (text: string): Figure => {
  const figs = detectFigures(text);
  expect(figs, JSON.stringify(figs.map((f) => f.raw))).toHaveLength(1);
  return figs[0]!;
};
const read = (text: string) => detectFigures(text).map((f) => [f.raw, f.value ?? [f.lower, f.upper], f.unit, f.kind]);

describe('signs', () => {
  it.each([
    ['GDP growth was -3.2% last year.', -3.2],
    ['Same-store sales were −1.8% in the quarter.', -1.8],
    ['Consumer inflation was minus 0.3% in May.', -0.3],
  ])('keeps the sign of "%s" as written', (text, value) => {
    expect(only(text)).toMatchObject({ value, unit: '%', kind: 'level' });
  });
  it('does not read the dash of a range or a code as a sign', () => {
    expect(only('A 5-10% drop is expected.')).toMatchObject({ lower: 5, upper: 10 });
    expect(detectFigures('The COVID-19 wave passed.')).toEqual([]);
  });
});

describe('multipliers', () => {
  it.each([
    ['Profit doubled last year.', 'doubled', 2, 'rise'],
    ['Margins have halved since April.', 'halved', 0.5, 'fall'],
    ['Revenue tripled last year.', 'tripled', 3, 'rise'],
    ['Output could double by 2030.', 'double', 2, 'rise'],
    ['Sales rose threefold.', 'threefold', 3, 'rise'],
    ['The fine is twice the old maximum.', 'twice', 2, 'level'],
    ['Prices are 4.7 times earnings.', '4.7 times', 4.7, 'level'],
  ])('reads "%s" as a multiplier', (text, raw, value, kind) => {
    expect(only(text)).toMatchObject({ raw, value, unit: 'x', kind });
  });
  it('keeps the hedge of "more than doubled" and "nearly double the share"', () => {
    expect(only('Profit more than doubled.')).toMatchObject({ hedge: 'more than', bound: 'lower', value: 2, kind: 'rise' });
    expect(only('She won nearly double the share of her rival.')).toMatchObject({ hedge: 'nearly', bound: 'near-below', kind: 'level' });
  });
  it('counts occasions and leaves the bitcoin halving alone', () => {
    expect(only('The app was downloaded 1.2 million times and praised.')).toMatchObject({ value: 1.2e6, unit: 'count' });
    expect(detectFigures('Since the halving, rewards are smaller.')).toEqual([]);
  });
});

describe('changes and levels', () => {
  it('reads "fell by $9.6bn to $3.16 trillion" as a fall and a level, not a range', () => {
    expect(read('Reserves fell by $9.6bn to $3.16 trillion.')).toEqual([
      ['$9.6bn', 9.6e9, 'USD', 'fall'],
      ['$3.16 trillion', 3.16e12, 'USD', 'level'],
    ]);
  });
  it('reads "from X to Y" as two levels', () => {
    expect(read('Output rose from 40 to 55 tonnes a day.').map((r) => r[3])).toEqual(['level', 'level']);
  });
  it.each([
    ['Exports rose 3% in May.', 'rise'],
    ['Shares were down 2.1% at noon.', 'fall'],
    ['The bank cut its price for Asia by 40 cents.', 'fall'],
    ['Shares closed 3.6% higher.', 'rise'],
    ['It followed a 4.4% loss a year earlier.', 'fall'],
    ['Turnout was 23% in the ward.', 'level'],
    ['Inflation eased to 2.4% in April.', 'level'],
    ['Hashrate climbed past 600 EH/s.', 'level'],
    ['The campaign raised $48.5 million.', 'level'],
    ['The province shut down 40 mining farms.', 'level'],
  ])('gives "%s" the kind %s', (text, kind) => {
    expect(only(text).kind).toBe(kind);
  });
  it('passes the direction on through ", or"', () => {
    expect(read('Brent settled down $1.12, or 1.4%, at $78.40 a barrel.').map((r) => r[3])).toEqual(['fall', 'fall', 'level']);
  });
});

describe('sub-units, scales and physical units', () => {
  it.each([
    ['Power costs 4.2 euro cents per kilowatt-hour.', 0.042, 'EUR/kWh'],
    ['Fares rise to 452p.', 4.52, 'GBP'],
    ['The bank cut rates by 25 basis points.', 0.25, 'pp'],
    ['The rate fell by half a percentage point.', 0.5, 'pp'],
    ['The state set aside Rs 500 crore.', 5e9, 'INR'],
    ['Exports reached ₹1.6 lakh crore.', 1.6e12, 'INR'],
    ['Delhi reached 46.8C on Tuesday.', 46.8, '°C'],
    ['Highs of 115 degrees Fahrenheit are expected.', 115, '°F'],
    ['Lows fell to minus 14C.', -14, '°C'],
    ['The storm dumped 142 mm of rain.', 142, 'mm'],
    ['The wetland covers 38 square miles.', 38, 'mi2'],
    ['The pipeline carries 1.5 billion cubic feet.', 1.5e9, 'ft3'],
    ['Iraq pumped 4.25 million barrels per day.', 4.25e6, 'bbl/day'],
    ['The oceans took up 16 zettajoules.', 16, 'ZJ'],
    ['Core prices rose 0.7% month-on-month.', 0.7, '%/mom'],
    ['GDP contracted 0.1% quarter-on-quarter.', 0.1, '%/qoq'],
    ['Prices rose 9% week over week.', 9, '%/wow'],
  ])('reads "%s"', (text, value, unit) => {
    expect(only(text)).toMatchObject({ value, unit });
  });
});

it('reads "a quarter point" as a quarter of a percentage point beside a percentage', () => {
  expect(read('The rate fell by a quarter point to 5%.')).toEqual([
    ['a quarter point', 0.25, 'pp', 'fall'],
    ['5%', 5, '%', 'level'],
  ]);
});

describe('hedges written as verbs', () => {
  it.each([
    ['Bitcoin topped $100,000.', 'topped'],
    ['Cases surpassed 2,000.', 'surpassed'],
    ['Output exceeded 71 GWh.', 'exceeded'],
    ['Hashrate climbed past 600 EH/s.', 'past'],
  ])('reads "%s" as an open lower bound with the verb as its hedge', (text, hedge) => {
    expect(only(text)).toMatchObject({ hedge, bound: 'lower', upper: null });
  });
  it('does not read "the past 12 months" as a hedge or a figure', () => {
    expect(detectFigures('Prices fell over the past 12 months.')).toEqual([]);
  });
});

describe('numbers that are not figures', () => {
  it.each([
    ['an age band', 'Voters aged 18 to 24 turned out.'],
    ['an age', 'A 45-year-old was arrested.'],
    ['an age after a name', 'Jane Okafor, 54, a nurse, spoke.'],
    ['an index name', 'The FTSE 100 was flat.'],
    ['a product name', 'Windows 11 was released.'],
    ['a company name', 'Hut 8 said it would expand.'],
    ['an aircraft', 'The Boeing 737 was grounded.'],
    ['a score', 'United won 3-1 at home.'],
    ['a vote tally', 'The Senate voted 52-47 to confirm.'],
    ['a period descriptor', 'Rain was above the five-year average.'],
    ['a record period', 'Prices hit a 10-year high.'],
    ['a date range', 'The summit runs May 19-21.'],
    ['a day-first date range', 'The fair runs 14-16 March.'],
    ['a time ago', 'The firm listed 18 months ago.'],
    ['a superlative span', 'It was the highest in 79 years.'],
  ])('skips %s', (_what, text) => {
    expect(detectFigures(text)).toEqual([]);
  });
  it('keeps the figure next to a name', () => {
    expect(read('The FTSE 100 rose 0.4%.')).toEqual([['0.4%', 0.4, '%', 'rise']]);
  });
});

describe('readings from context', () => {
  it('reads ¥ as yuan or yen and says so', () => {
    expect(only('BYD sales in China hit ¥1.2 trillion.')).toMatchObject({ unit: 'CNY', reading: expect.stringContaining('yuan') });
    expect(only('Toyota, Japan’s largest carmaker, earned ¥5 trillion.')).toMatchObject({ unit: 'JPY', reading: expect.stringContaining('yen') });
  });
  it('reads $ in a story about Canada as Canadian dollars', () => {
    expect(only('Canada posted a deficit of $6.4 billion, Statistics Canada said.')).toMatchObject({ unit: 'CAD', reading: expect.stringContaining('Canadian') });
  });
  it('reads points beside percentages as percentage points, and beside an index as index points', () => {
    expect(only('Turnout was 23%, down 9 points.'.replace('23%, ', '')).unit).toBe('pt');
    expect(detectFigures('Turnout was 23%, down 9 points.').map((f) => f.unit)).toEqual(['%', 'pp']);
    expect(detectFigures('The Dow fell 533 points, or 1.3%.').map((f) => f.unit)).toEqual(['pt', '%']);
  });
});

describe('the time of a figure', () => {
  it('asks timeOf for each figure and passes the published date on', () => {
    const f = only('It had stood at 75% in September 2019.');
    expect(f.asOf?.text).toBe('in September 2019');
    expect(detectFigures('Output rose 3% last year.', { published: '2024-03-01' })[0]!.asOf).not.toBeUndefined();
  });
});
