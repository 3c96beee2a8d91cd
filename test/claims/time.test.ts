import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { periodLabel, periodOfDate, timeOf } from '../../shared/claims/when.ts';

interface TimeCase {
  id: string;
  text: string;
  figure: string;
  published: string | null;
  expect: { from: string; to: string } | null;
}
const cases = (JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/claims/times.json', import.meta.url)), 'utf8')) as { cases: TimeCase[] }).cases;

const timeAt = (text: string, figure: string, published?: string | null) => {
  const start = text.indexOf(figure);
  expect(start, figure).toBeGreaterThanOrEqual(0);
  return timeOf(text, { start: 0, end: text.length }, { start, end: start + figure.length }, published);
};

describe('the time a figure sentence gives it', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const p = timeAt(c.text, c.figure, c.published);
    expect(p === null ? null : { from: p.from, to: p.to }).toEqual(c.expect);
  });

  it('keeps the words as written, with their preposition', () => {
    expect(timeAt('Its share fell to about 46% in April.', 'about 46%', '2021-06-10')?.text).toBe('in April');
    expect(timeAt('It stood at 75% in September 2019.', '75%', null)?.text).toBe('in September 2019');
  });

  it('reads the figure in a longer text by its sentence offsets', () => {
    const text = 'Output fell in 2019. Exports reached 5 Mt last year.';
    const start = text.indexOf('5 Mt');
    expect(timeOf(text, { start: 21, end: text.length }, { start, end: start + 4 }, '2022-03-01')).toMatchObject({ from: '2021-01-01', to: '2021-12-31' });
  });

  it('gives no time to a sentence without one', () => {
    expect(timeAt('China accounts for almost 70% of the global hash rate.', 'almost 70%', '2021-06-10')).toBeNull();
  });
});

describe('published dates and labels', () => {
  it('reads partial ISO dates as periods', () => {
    expect(periodOfDate('2021')).toMatchObject({ from: '2021-01-01', to: '2021-12-31' });
    expect(periodOfDate('2021-02')).toMatchObject({ from: '2021-02-01', to: '2021-02-28' });
    expect(periodOfDate('2021-05-24T08:00:00Z')).toMatchObject({ from: '2021-05-24', to: '2021-05-24' });
    expect(periodOfDate('soon')).toBeNull();
    expect(periodOfDate(null)).toBeNull();
  });

  it('says a period in words', () => {
    expect(periodLabel({ from: '2021-04-01', to: '2021-04-30', text: '' })).toBe('April 2021');
    expect(periodLabel({ from: '2024-07-01', to: '2024-09-30', text: '' })).toBe('Q3 2024');
    expect(periodLabel({ from: '2019-01-01', to: '2021-12-31', text: '' })).toBe('2019–2021');
    expect(periodLabel({ from: '2022-06-30', to: '2022-06-30', text: '' })).toBe('30 June 2022');
    expect(periodLabel({ from: '2023-01-01', to: '2023-06-30', text: '' })).toBe('H1 2023');
  });
});
