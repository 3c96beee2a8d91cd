import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectFigures, sentences, type Figure } from '../../shared/claims/figures.ts';
import { loadFigureSet } from '../bench/eval-claims.ts';
import { isGraphemeBoundary } from '../../shared/text/graphemes.ts';

const only = (text: string): Figure => {
  const figs = detectFigures(text);
  expect(figs, JSON.stringify(figs.map((f) => f.raw))).toHaveLength(1);
  return figs[0]!;
};

describe('hedges turn into bounds', () => {
  // [sentence, hedge as written, expected bound]
  const nearBelow: Array<[string, string]> = [
    ['Wind supplied almost 70% of output.', 'almost'],
    ['Wind supplied nearly 70% of output.', 'nearly'],
    ['Wind supplied just under 70% of output.', 'just under'],
    ['Wind supplied close to 70% of output.', 'close to'],
    ['Wind supplied a little under 70% of output.', 'a little under'],
  ];
  it.each(nearBelow)('reads "%s" as a near bound: a band just below the value, not anything below it', (text, hedge) => {
    const f = only(text);
    expect(f).toMatchObject({ hedge, bound: 'near-below', value: 70, lower: 63, upper: 70 });
    expect(f.raw.toLowerCase().startsWith(hedge)).toBe(true);
  });

  const nearAbove: Array<[string, string]> = [
    ['Wind supplied just over 70% of output.', 'just over'],
    ['Wind supplied a little over 70% of output.', 'a little over'],
    ['Wind supplied slightly more than 70% of output.', 'slightly more than'],
  ];
  it.each(nearAbove)('reads "%s" as a near bound: a band just above the value', (text, hedge) => {
    expect(only(text)).toMatchObject({ hedge, bound: 'near-above', value: 70, lower: 70, upper: 77 });
  });

  const upper: Array<[string, string]> = [
    ['Wind supplied less than 70% of output.', 'less than'],
    ['Wind supplied under 70% of output.', 'under'],
    ['Wind supplied below 70% of output.', 'below'],
    ['Fewer than 70 ships arrived.', 'fewer than'],
    ['Wind supplied up to 70% of output.', 'up to'],
    ['Wind supplied as much as 70% of output.', 'as much as'],
    ['As many as 70 ships arrived.', 'as many as'],
  ];
  it.each(upper)('reads "%s" as an open upper bound: value kept as the ceiling, no floor', (text, hedge) => {
    const f = only(text);
    expect(f).toMatchObject({ hedge, bound: 'upper', value: 70, lower: null, upper: 70 });
    expect(f.raw.toLowerCase().startsWith(hedge)).toBe(true);
  });

  const lower: Array<[string, string]> = [
    ['Wind supplied more than 70% of output.', 'more than'],
    ['Wind supplied over 70% of output.', 'over'],
    ['Wind supplied at least 70% of output.', 'at least'],
    ['Wind supplied above 70% of output.', 'above'],
    ['Wind supplied upwards of 70% of output.', 'upwards of'],
    ['Wind supplied in excess of 70% of output.', 'in excess of'],
  ];
  it.each(lower)('reads "%s" as a lower bound: value kept as the floor, no ceiling', (text, hedge) => {
    expect(only(text)).toMatchObject({ hedge, bound: 'lower', value: 70, lower: 70, upper: null });
  });

  const approximate: Array<[string, string]> = [
    ['Wind supplied about 50% of output.', 'about'],
    ['Wind supplied roughly 50% of output.', 'roughly'],
    ['Wind supplied around 50% of output.', 'around'],
    ['Wind supplied approximately 50% of output.', 'approximately'],
    ['Wind supplied an estimated 50% of output.', 'an estimated'],
    ['Some 50 ships arrived.', 'some'],
    ['Wind supplied circa 50% of output.', 'circa'],
    ['Wind supplied ~50% of output.', '~'],
  ];
  it.each(approximate)('reads "%s" as approximate with a ±10%% band', (text, hedge) => {
    expect(only(text)).toMatchObject({ hedge, bound: 'approximate', value: 50, lower: 45, upper: 55 });
  });

  it('gives "about 46%" the band 41.4 to 50.6 without floating-point noise', () => {
    expect(only('China had about 46% of the hash rate.')).toMatchObject({ lower: 41.4, upper: 50.6 });
  });

  it('reads hedges written after the figure', () => {
    expect(only('Output will rise 10% or more.')).toMatchObject({ raw: '10% or more', hedge: 'or more', bound: 'lower', lower: 10 });
    expect(only('The harvest was 3 million tonnes or so.')).toMatchObject({ hedge: 'or so', bound: 'approximate', value: 3e6 });
    expect(only('The fleet needs 40 ships or fewer.')).toMatchObject({ hedge: 'or fewer', bound: 'upper', upper: 40 });
  });

  it('treats an unhedged figure as exact, with both bounds on the value', () => {
    expect(only('Capacity reached 5.4 GW.')).toMatchObject({ hedge: null, bound: 'exact', value: 5.4, lower: 5.4, upper: 5.4 });
  });

  it('does not read "over" as a hedge when a duration is spread over time', () => {
    expect(only('The upgrade will be spread over five years.')).toMatchObject({ raw: 'five years', hedge: null, unit: 'year' });
  });
});

describe('non-figures are not returned', () => {
  const none: Array<[string, string]> = [
    ['a year', 'Since 2018 the cooperative has grown rice.'],
    ['a year after a preposition', 'The mine closed in 2021.'],
    ['a hedged year', 'The rules were revised around 2015.'],
    ['a written date', 'The agreement was signed on May 24, 2021.'],
    ['a day-first date', 'The vote was held on 14 March 2022.'],
    ['a numeric date', 'Notes from 12/03/2024 list the attendees.'],
    ['an ISO date', 'The order dated 2021-05-24 was revoked.'],
    ['a season written as a year range', 'The 2019-20 season was wet.'],
    ['a decade', 'The rules date from the 1990s.'],
    ['an ordinal', 'Delegates met for the 51st meeting.'],
    ['an ordinal quarter', 'Results for the 3rd quarter come later.'],
    ['a written ordinal quarter', 'Crews returned in the third quarter.'],
    ['a clock time', 'The auction opens at 9:30.'],
    ['a morning time', 'The auction closes at 10 a.m.'],
    ['an evening time', 'The ferry leaves at 6:45 p.m. daily.'],
    ['a section number', 'Operators must comply with Section 4.2 of the code.'],
    ['an article number', 'Article 17 bans the resale of diesel.'],
    ['a chapter number', 'Chapter 9 covers water rights.'],
    ['clause and paragraph numbers', 'Inspectors cited clause 12 and paragraph 3.'],
    ['an international phone number', 'Call the hotline on +86 471 555 0199.'],
    ['a local phone number', 'Dial 555-0199 after hours.'],
    ['a bracketed phone number', 'Call (021) 555 0199 today.'],
    ['a dotted version number', 'The software was upgraded to version 3.2.1.'],
    ['a short version number', 'The firmware v2.4 fixed the drift.'],
    ['a hyphenated reference code', 'The shipment was logged as BX-2207-14.'],
    ['an alphanumeric model code', 'An A320 aircraft was chartered.'],
    ['a disease name with a number', 'The COVID-19 outbreak closed the border.'],
    ['a numbered reference', 'The licence, No. 4471, expires soon.'],
    ['a table reference', 'See Table 3 for details.'],
    ['a slashed pair', 'The desk runs 24/7.'],
    ['a pronoun "one"', 'One of the largest mills has reopened.'],
    ['the first half of a year', 'Rain fell in the first half of the year.'],
  ];
  it.each(none)('skips %s', (_what, text) => {
    expect(detectFigures(text)).toEqual([]);
  });

  it('does not mistake a time phrase before a number for a label', () => {
    expect(only('Every day 1,500 trucks cross the border.')).toMatchObject({ raw: '1,500', value: 1500, unit: 'count' });
    expect(only('Last week 300 workers were moved.')).toMatchObject({ raw: '300', value: 300 });
  });

  it('keeps the real figure in a sentence full of non-figures', () => {
    const figs = detectFigures('At the 51st meeting on May 24, 2021, Section 4 set a cap of 300 MW from 9:30.');
    expect(figs.map((f) => f.raw)).toEqual(['300 MW']);
  });
});

describe('units', () => {
  it('keeps a rate whose unit is followed by what it measures ("per litre of milk")', () => {
    expect(only('Farmers were paid $0.42 per litre of milk in May.')).toMatchObject({ value: 0.42, unit: 'USD/L' });
    expect(only('Mills took 50 tonnes a day of ore.')).toMatchObject({ value: 50, unit: 't/day' });
  });

  it('reads Indian digit grouping', () => {
    expect(only('The scheme pays Rs 1,20,000 a year.')).toMatchObject({ value: 120000, unit: 'INR/year' });
    expect(only('Deposits reached ₹12,34,56,789.')).toMatchObject({ value: 123456789, unit: 'INR' });
  });

  it('reads a country’s cents as that currency, ranges included', () => {
    expect(only('They paid 4 US cents per kilowatt-hour.')).toMatchObject({ value: 0.04, unit: 'USD/kWh' });
    expect(only('They paid 3 to 5 US cents a kWh.')).toMatchObject({ lower: 0.03, upper: 0.05, unit: 'USD/kWh', bound: 'range' });
  });

  const cases: Array<[string, string, number, string]> = [
    ['Wind supplied 70% of output.', '70%', 70, '%'],
    ['Wind supplied 70 percent of output.', '70 percent', 70, '%'],
    ['Wind supplied 70 per cent of output.', '70 per cent', 70, '%'],
    ['The share rose 3 percentage points.', '3 percentage points', 3, 'pp'],
    ['The share rose 4.5 pp.', '4.5 pp', 4.5, 'pp'],
    ['The deal is worth $3m.', '$3m', 3e6, 'USD'],
    ['The deal is worth €1.2bn.', '€1.2bn', 1.2e9, 'EUR'],
    ['The deal is worth £4 million.', '£4 million', 4e6, 'GBP'],
    ['Tokyo paid ¥12 for it.', '¥12', 12, 'JPY'],
    ['Shanghai traders paid ¥48,000 for it.', '¥48,000', 48000, 'CNY'],
    ['The deal is worth USD 45 million.', 'USD 45 million', 4.5e7, 'USD'],
    ['The deal is worth 300 EUR.', '300 EUR', 300, 'EUR'],
    ['The permit costs 500 dollars.', '500 dollars', 500, 'USD'],
    ['Relief reached 1.3 billion yuan.', '1.3 billion yuan', 1.3e9, 'CNY'],
    ['Power costs 4 cents.', '4 cents', 0.04, 'USD'],
    ['Capacity is 5 GW.', '5 GW', 5, 'GW'],
    ['Capacity is 800 MW.', '800 MW', 800, 'MW'],
    ['Capacity is 250 kW.', '250 kW', 250, 'kW'],
    ['A 5-megawatt plant opened.', '5-megawatt', 5, 'MW'],
    ['Output was 12 TWh.', '12 TWh', 12, 'TWh'],
    ['Output was 1.1 GWh.', '1.1 GWh', 1.1, 'GWh'],
    ['Output was 60 MWh.', '60 MWh', 60, 'MWh'],
    ['The battery stores 13.5 kWh.', '13.5 kWh', 13.5, 'kWh'],
    ['Hash rate hit 180 EH/s.', '180 EH/s', 180, 'EH/s'],
    ['Each rig delivers 100 TH/s.', '100 TH/s', 100, 'TH/s'],
    ['The mine produced 5.2 tonnes.', '5.2 tonnes', 5.2, 't'],
    ['The quota is 1.2 Mt.', '1.2 Mt', 1.2e6, 't'],
    ['Smugglers moved 20 kg.', '20 kg', 20, 'kg'],
    ['The deposit lies 4 km down.', '4 km', 4, 'km'],
    ['The spur is 38 kilometres long.', '38 kilometres', 38, 'km'],
    ['The shaft is 900 m deep.', '900 m', 900, 'm'],
    ['The shaft is 300m deep.', '300m', 300, 'm'],
    ['The tanker carried 2 million barrels.', '2 million barrels', 2e6, 'bbl'],
    ['The dam holds 1.8 billion cubic metres.', '1.8 billion cubic metres', 1.8e9, 'm3'],
    ['Hail destroyed 1,200 hectares.', '1,200 hectares', 1200, 'ha'],
    ['The ship carries 14,000 TEU.', '14,000 TEU', 14000, 'TEU'],
    ['Trucks queued for 3 days.', '3 days', 3, 'day'],
    ['The lease runs for twenty-five years.', 'twenty-five years', 25, 'year'],
    ['Rigs numbered 12,500 in total.', '12,500', 12500, 'count'],
    ['Firms shipped 12 500 units.', '12 500', 12500, 'count'],
    ['The ratio is 1.5.', '1.5', 1.5, 'count'],
    ['Demand rose 2.5-fold.', '2.5-fold', 2.5, 'x'],
  ];
  it.each(cases)('reads "%s" as %s', (text, raw, value, unit) => {
    expect(only(text)).toMatchObject({ raw, value, unit });
  });

  const rates: Array<[string, string, string]> = [
    ['The refinery ran 400,000 barrels per day.', '400,000 barrels per day', 'bbl/day'],
    ['The fleet burned 2,400 tonnes of fuel a month.', '2,400 tonnes of fuel a month', 't/month'],
    ['The firm pays $1,800 each year.', '$1,800 each year', 'USD/year'],
    ['Smugglers moved 20 kg every week.', '20 kg every week', 'kg/week'],
    ['The mill crushes 15,000 t daily.', '15,000 t daily', 't/day'],
    ['Output fell 12% year on year.', '12% year on year', '%/yoy'],
    ['Sales grew 7 per cent year-on-year.', '7 per cent year-on-year', '%/yoy'],
    ['Wheat traded at €210 a tonne.', '€210 a tonne', 'EUR/t'],
    ['Storage costs $150 per kilowatt-hour.', '$150 per kilowatt-hour', 'USD/kWh'],
    ['Rates hit $3,000 per container.', '$3,000 per container', 'USD/container'],
    ['The mines lost 1 million capacity per day.', '1 million capacity per day', 'count/day'],
    ['Hashprice fell to $0.06 per TH/s per day.', '$0.06 per TH/s per day', 'USD/TH/s/day'],
    ['Scrap sold at $1.20/kg.', '$1.20/kg', 'USD/kg'],
    ['The field pumps 300 bbl/d.', '300 bbl/d', 'bbl/day'],
  ];
  it.each(rates)('reads the rate in "%s"', (text, raw, unit) => {
    expect(only(text)).toMatchObject({ raw, unit });
  });

  it('does not read "a year earlier" as a rate', () => {
    expect(detectFigures('The share rose to 18%, up from 8% a year earlier.').map((f) => [f.raw, f.unit])).toEqual([
      ['18%', '%'],
      ['8%', '%'],
    ]);
  });
});

describe('scale words, written numbers and fractions', () => {
  const cases: Array<[string, string, number, string]> = [
    ['Stocks hit 2 million tonnes.', '2 million tonnes', 2e6, 't'],
    ['Losses hit 2.5bn yuan.', '2.5bn yuan', 2.5e9, 'CNY'],
    ['Users reached 100k.', '100k', 1e5, 'count'],
    ['The firm employs twelve agronomists.', 'twelve', 12, 'count'],
    ['A dozen barges ran aground.', 'A dozen', 12, 'count'],
    ['A tenth of the harvest was lost.', 'A tenth', 10, '%'],
    ['Half of the silos are old.', 'Half', 50, '%'],
    ['Output was cut by half.', 'half', 50, '%'],
    ['One in five turbines failed.', 'One in five', 20, '%'],
    ['7 out of 10 farms lack insurance.', '7 out of 10', 70, '%'],
    ['Three quarters of the cargo was soy.', 'Three quarters', 75, '%'],
    ['The state bought half a million tonnes.', 'half a million tonnes', 5e5, 't'],
    ['Two million households lack power.', 'Two million', 2e6, 'count'],
    ['A hundred vessels waited.', 'A hundred', 100, 'count'],
  ];
  it.each(cases)('reads "%s" as %s', (text, raw, value, unit) => {
    expect(only(text)).toMatchObject({ raw, value, unit });
  });

  it('reads two-thirds as a share of 66.67%', () => {
    expect(only('Two-thirds of the smelters buy spot power.').value).toBeCloseTo(66.667, 2);
  });
});

describe('ranges', () => {
  it('reads "5 to 10 MW" with the unit applying to both ends', () => {
    expect(only('The plant needs 5 to 10 MW.')).toMatchObject({ raw: '5 to 10 MW', bound: 'range', value: null, lower: 5, upper: 10, unit: 'MW' });
  });
  it('reads a hyphenated range "5-10%"', () => {
    expect(only('A 5-10% drop is expected.')).toMatchObject({ raw: '5-10%', lower: 5, upper: 10, unit: '%' });
  });
  it('reads "between 20 and 30" and keeps "between" in the span', () => {
    expect(only('Between 20 and 30 ships are due.')).toMatchObject({ raw: 'Between 20 and 30', lower: 20, upper: 30, hedge: null, bound: 'range' });
  });
  it("lends the second number's scale to the first", () => {
    expect(only('About 2 to 3 million households lack power.')).toMatchObject({ lower: 2e6, upper: 3e6, hedge: 'about', bound: 'range' });
    expect(only('The fund is $5-10m.')).toMatchObject({ lower: 5e6, upper: 10e6, unit: 'USD' });
  });
  it('keeps an unscaled first number when scaling it would pass the second', () => {
    expect(only('Between 500 and 2 million people moved.')).toMatchObject({ lower: 500, upper: 2e6 });
  });
  it('reads "ranged from X to Y" as a range', () => {
    expect(only('Prices ranged from $60 to $75 a barrel.')).toMatchObject({ lower: 60, upper: 75, unit: 'USD/bbl' });
  });
  it('reads "rose from X to Y" as two figures, the first borrowing the unit', () => {
    expect(detectFigures('Output rose from 40 to 55 tonnes a day.').map((f) => [f.raw, f.value, f.unit, f.bound])).toEqual([
      ['40', 40, 't/day', 'exact'],
      ['55 tonnes a day', 55, 't/day', 'exact'],
    ]);
  });
  it('does not make a range of a descending pair or of different units', () => {
    expect(detectFigures('The vote was 10 to 5.').map((f) => f.bound)).toEqual(['exact', 'exact']);
    expect(detectFigures('The share rose 4.5 pp to 38%.').map((f) => [f.raw, f.unit])).toEqual([
      ['4.5 pp', 'pp'],
      ['38%', '%'],
    ]);
  });
});

describe('spans and offsets', () => {
  it('includes the hedge words in the span', () => {
    const text = 'Globally, China accounts for almost 70% of the global hash rate.';
    const f = only(text);
    expect(f.raw).toBe('almost 70%');
    expect(f.start).toBe(text.indexOf('almost'));
    expect(text.slice(f.start, f.end)).toBe(f.raw);
  });

  it('counts offsets in UTF-16 code units, after emoji and accents', () => {
    const text = '🚢⛴️ Café owners said: about 46% of the fleet idled. The port paid €3m.';
    const figs = detectFigures(text);
    expect(figs.map((f) => f.raw)).toEqual(['about 46%', '€3m']);
    for (const f of figs) expect(text.slice(f.start, f.end)).toBe(f.raw);
    expect(figs[0]!.start).toBe(text.indexOf('about'));
  });

  it('never ends a span inside a grapheme cluster', () => {
    const text = 'The share was 70%\u20E3 of output and 5 GW\u0301 of power.';
    const figs = detectFigures(text);
    expect(figs).toHaveLength(2);
    for (const f of figs) {
      expect(isGraphemeBoundary(text, f.start)).toBe(true);
      expect(isGraphemeBoundary(text, f.end)).toBe(true);
      expect(text.slice(f.start, f.end)).toBe(f.raw);
    }
  });

  it('places each figure inside its sentence', () => {
    const text = 'Dr. Li said output was 3.5 GW. The U.S. share was 35.5%. Prices rose 2%.';
    const figs = detectFigures(text);
    expect(figs.map((f) => text.slice(f.sentenceStart, f.sentenceEnd))).toEqual(['Dr. Li said output was 3.5 GW.', 'The U.S. share was 35.5%.', 'Prices rose 2%.']);
  });

  it('keeps span, sentence and text consistent on every labelled sentence', () => {
    for (const s of loadFigureSet()) {
      for (const f of detectFigures(s.text)) {
        expect(s.text.slice(f.start, f.end)).toBe(f.raw);
        expect(f.sentenceStart).toBeLessThanOrEqual(f.start);
        expect(f.sentenceEnd).toBeGreaterThanOrEqual(f.end);
      }
    }
  });

  it('keeps the span invariant on arbitrary text mixing digits, units and words', () => {
    const piece = fc.constantFrom(
      'about ',
      'almost ',
      '70',
      '%',
      ' per cent',
      '$',
      '3m',
      '1,500',
      ' tonnes',
      ' a day',
      '-',
      ' to ',
      'between ',
      ' and ',
      '. ',
      'May ',
      '2021',
      'x',
      ' ',
      '\n',
      '🚢',
      '¥',
      '9:30',
      'half',
      ' of ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const f of detectFigures(text)) {
          if (text.slice(f.start, f.end) !== f.raw || f.start >= f.end) return false;
          if (f.bound !== 'range' && f.value === null) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('sentences', () => {
  const split = (text: string): string[] => sentences(text).map((s) => text.slice(s.start, s.end));
  it('does not split at decimals, titles or dotted initials', () => {
    expect(split('Dr. Smith of the U.S. Geological Survey said 3.5% of the ore is lost. Output rose.')).toEqual([
      'Dr. Smith of the U.S. Geological Survey said 3.5% of the ore is lost.',
      'Output rose.',
    ]);
  });
  it('splits at line breaks, question and exclamation marks, and after closing quotes', () => {
    expect(split('Headline without a stop\n"Prices fell." Will they recover? Yes!')).toEqual(['Headline without a stop', '"Prices fell."', 'Will they recover?', 'Yes!']);
  });
  it('does not split before a lower-case word', () => {
    expect(split('The firm, e.g. the larger one, grew approx. 5% a year.')).toHaveLength(1);
  });
});
