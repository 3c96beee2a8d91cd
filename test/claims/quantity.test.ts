import { describe, expect, it } from 'vitest';
import { bandText, boundsFor, formatPeriod } from '../../shared/claims/quantity.ts';

describe('bands', () => {
  it('give near bounds a band on one side of the value, approximate ones on both', () => {
    expect(boundsFor(70, 'near-below')).toEqual({ lower: 63, upper: 70 });
    expect(boundsFor(70, 'near-above')).toEqual({ lower: 70, upper: 77 });
    expect(boundsFor(46, 'approximate')).toEqual({ lower: 41.4, upper: 50.6 });
    expect(boundsFor(70, 'upper')).toEqual({ lower: null, upper: 70 });
    expect(boundsFor(70, 'lower')).toEqual({ lower: 70, upper: null });
  });
  it('keep a negative band ordered: almost −3% is a little less far below zero', () => {
    expect(boundsFor(-3, 'near-below')).toEqual({ lower: -3.3, upper: -3 });
    expect(boundsFor(-3, 'near-above')).toEqual({ lower: -3, upper: -2.7 });
  });
  it('are written as a reader reads them, and left out where the words already say it', () => {
    expect(bandText({ ...boundsFor(70, 'near-below'), unit: '%', bound: 'near-below' })).toBe('63–70%');
    expect(bandText({ ...boundsFor(3e6, 'approximate'), unit: 'USD', bound: 'approximate' })).toBe('2.7 million–3.3 million USD');
    expect(bandText({ ...boundsFor(70, 'lower'), unit: '%', bound: 'lower' })).toBe('');
    expect(bandText({ lower: 70, upper: 70, unit: '%', bound: 'exact' })).toBe('');
  });
});

describe('periods', () => {
  it('read as a reader says them', () => {
    expect(formatPeriod({ from: '2021-04-01', to: '2021-04-30' })).toBe('April 2021');
    expect(formatPeriod({ from: '2021-04-01', to: '2021-06-30' })).toBe('Q2 2021');
    expect(formatPeriod({ from: '2021-01-01', to: '2021-12-31' })).toBe('2021');
    expect(formatPeriod({ from: '2021-06-10', to: '2021-06-10' })).toBe('10 June 2021');
    expect(formatPeriod({ from: '2024-02-01', to: '2024-02-29' })).toBe('February 2024');
    expect(formatPeriod({ from: '2021-04-03', to: '2021-05-20' })).toBe('2021-04-03 to 2021-05-20');
  });
});
