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

describe('subject hints keep their place', () => {
  it('keeps a place named after the figure or after a locative preposition', () => {
    expect(only('The share of the global hash rate attributed to China was about 46%.').subject).toBe('China — share of global hash rate');
    expect(only('Unemployment in Spain fell to 12.3%.').subject).toBe('Spain — Unemployment');
    expect(only('In Andalusia, unemployment rose to 21%.').subject).toBe('Andalusia — unemployment');
  });
  it('takes actors in a place for the place', () => {
    expect(only('Mining pools based in China control about 46% of the hash rate.').subject).toBe('China — hash rate');
  });
  it('does not take an origin or destination for the place', () => {
    expect(only('Exports rose 12% to the United States.').subject).toBe('Exports');
  });
  it('reads past a fronted time, a wire dateline and a reporting verb', () => {
    expect(only('In September 2019 the share of the global hash rate attributed to China stood at 75%.').subject).toBe('China — share of global hash rate');
    expect(only('BEIJING, June 10 (Newswire) - Chinese miners control about 46% of the hash rate.').subject).toBe('Chinese miners — hash rate');
    expect(only('Data show that China’s share of the hash rate fell to about 46%.').subject).toBe('China’s share of hash rate');
  });
  it('gives a comparison base the subject of its main clause', () => {
    const figs = detectFigures('Soybean exports rose to 5.2 million tonnes in March, from 4.1 million tonnes a year earlier.');
    expect(figs.map((f) => f.subject)).toEqual(['Soybean exports', 'Soybean exports']);
  });
  it('starts a new subject after "and" following another figure', () => {
    const figs = detectFigures('In 2022, wheat exports rose 12% and barley exports fell 3%.');
    expect(figs.map((f) => f.subject)).toEqual(['wheat exports', 'barley exports']);
  });
});

describe('a figure that opens its clause', () => {
  it('takes the source named after the verb', () => {
    expect(only('More than 55% of the region’s electricity comes from hydropower.').subject).toBe('hydropower — region’s electricity');
    expect(only('Hydropower supplies almost 40% of the region’s electricity.').subject).toBe('Hydropower — region’s electricity');
  });
});

describe('where the entity ends', () => {
  it('ends before a verb it does not know, when a figure, hedge or determiner follows it', () => {
    expect(only('Solar covers 12% of the island’s power demand.').subject).toBe('Solar — island’s power demand');
    expect(only('Solar now covers roughly a third of the island’s power demand.').subject).toBe('Solar — island’s power demand');
  });
  it('keeps the whole thing estimated in an estimate frame', () => {
    expect(only('We estimate Japanese core inflation at 2.8%.').subject).toBe('Japanese core inflation');
  });
});
