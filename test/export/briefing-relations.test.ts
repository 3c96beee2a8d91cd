/** The briefing shows each figure's band and the claim assistant's judgement: conflicts, changes over time, superseded figures. */
import { describe, expect, it } from 'vitest';
import { exportNotebook } from '../../electron/export/index.ts';
import { boundsFor } from '../../shared/claims/quantity.ts';
import { C, FIXTURE_DATE, buildFixtureNotebook, sha256 } from '../fixtures/export/notebook.ts';

async function briefing(conflicts: Parameters<typeof exportNotebook>[0]['conflicts']) {
  const fx = buildFixtureNotebook();
  const claim = fx.notebook.getClaim(C.c1)!;
  fx.notebook.apply([
    {
      kind: 'claim',
      op: 'put',
      record: {
        ...claim,
        quantity: {
          value: 70,
          ...boundsFor(70, 'near-below'),
          unit: '%',
          hedge: 'almost',
          bound: 'near-below',
          raw: 'almost 70%',
          kind: 'level',
          asOf: { from: '2021-04-01', to: '2021-04-30', text: 'in April 2021' },
          reading: null,
        },
      },
    },
  ]);
  const r = await exportNotebook({ view: fx.notebook, getText: fx.getText, sha256, format: 'md', style: 'apa', includeUnverified: false, date: FIXTURE_DATE, title: 'T', conflicts });
  if (!r.ok) throw new Error('export failed');
  return r.content;
}

describe('the briefing and the claim assistant', () => {
  it('prints a hedged figure with its band and its time', async () => {
    expect(await briefing([])).toContain('- Figure: almost 70% (63–70%), as of April 2021');
  });

  it('lists conflicts under conflicting evidence, changes over time apart, and marks a superseded claim', async () => {
    const md = await briefing([
      { a: C.c1, b: C.c2, relation: 'conflict', reason: 'almost 70% (63–70%) vs about 46% (41.4–50.6%): cannot both hold' },
      { a: C.c3, b: C.c4, relation: 'change', older: C.c3, reason: '75% in September 2019, then about 46% in April 2021' },
      { a: C.c1, b: C.c5, relation: 'superseded', older: C.c5, reason: 'a newer source (2023) gives 52%' },
    ]);
    const conflicts = md.slice(md.indexOf('## Conflicting evidence'), md.indexOf('## Figures over time'));
    expect(conflicts).toContain('cannot both hold');
    expect(conflicts).not.toContain('September 2019');
    const over = md.slice(md.indexOf('## Figures over time'), md.indexOf('## Bibliography'));
    expect(over).toMatch(/C\d+ \(.*\) → C\d+ \(.*\): 75% in September 2019, then about 46% in April 2021/);
    expect(over).toContain('(the earlier figure may be out of date)');
    expect(md).toContain('- Possibly out of date: a newer source (2023) gives 52%');
  });
});
