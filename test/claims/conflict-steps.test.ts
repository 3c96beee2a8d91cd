import { describe, expect, it } from 'vitest';
import { conflictSteps, findConflicts, type ConflictCandidate } from '../../shared/claims/conflicts.ts';
import { boundsFor } from '../../shared/claims/quantity.ts';

function candidates(n: number): ConflictCandidate[] {
  const places = ['China', 'Kazakhstan', 'Canada', 'Norway'];
  return Array.from({ length: n }, (_, i) => {
    const value = 10 + ((i * 37) % 80);
    return {
      id: `c${i}`,
      statement: '',
      subject: `${places[i % places.length]} — share of the global hash rate`,
      quantity: { value, ...boundsFor(value, 'approximate'), unit: '%', hedge: 'about', bound: 'approximate', raw: `about ${value}%`, kind: 'level', asOf: null, reading: null },
    };
  });
}

describe('the judgement as steps', () => {
  it('pauses while it works on a large notebook and ends with exactly findConflicts’ answer', () => {
    const list = candidates(3000);
    const steps = conflictSteps(list);
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    expect(pauses).toBeGreaterThan(5);
    expect(r.value).toEqual(findConflicts(list));
    expect(r.value.length).toBeGreaterThan(0);
  });
});
