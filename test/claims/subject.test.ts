import { describe, expect, it } from 'vitest';
import { detectFigures, type Figure } from '../../shared/claims/figures.ts';

const only = (text: string): Figure => {
  const figs = detectFigures(text);
  expect(figs, JSON.stringify(figs.map((f) => f.raw))).toHaveLength(1);
  return figs[0]!;
};

describe('subject hints', () => {
  it('names the sentence subject and what the figure is "of"', () => {
    expect(only('China accounts for almost 70% of the global hash rate.').subject).toBe('China — global hash rate');
  });
  it('uses the words between a figure and its rate', () => {
    expect(only('The mines lost about 1 million capacity per day.').subject).toBe('mines — capacity');
  });
  it('uses the clause after a reporting verb', () => {
    expect(only('The ministry said the U.S. share was 35.5%.').subject).toBe('U.S. share');
  });
  it('uses the noun before "of" when the figure follows it', () => {
    expect(only('The wind farm has a capacity of 500 MW.').subject).toBe('wind farm — capacity');
  });
});

