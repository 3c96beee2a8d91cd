import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, folderHash, tempDir } from '../support/notebook.ts';

describe('suggested figures', () => {
  it('lists the figures of a source with their hedges, and accepting one makes a quote and a claim with the quantity', async () => {
    const dir = tempDir();
    const id = (await cli(dir, ['import', join(FIXTURES, 'lithium-output.txt'), '--json'])).json.results[0].source.id;
    const list = (await cli(dir, ['suggest', id, '--json'])).json.suggestions;
    const almost = list.find((s: any) => s.figure.raw === 'almost 12%');
    expect(almost).toMatchObject({ status: 'open', figure: { value: 12, lower: 10.8, upper: 12, unit: '%', hedge: 'almost', bound: 'near-below' } });
    const r = await cli(dir, ['suggest', 'accept', id, almost.key, '--tag', 'mining', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.quote.exact).toBe(almost.sentence.text);
    expect(r.json.claim).toMatchObject({ quantity: { raw: 'almost 12%', hedge: 'almost', upper: 12 }, tags: ['mining'], evidence: [{ quoteId: r.json.quote.id, relation: 'supports' }] });
    expect((await cli(dir, ['suggest', id, '--json'])).json.suggestions.some((s: any) => s.key === almost.key)).toBe(false);
  });

  it('keeps dismissed suggestions dismissed', async () => {
    const dir = tempDir();
    const id = (await cli(dir, ['import', join(FIXTURES, 'lithium-output.txt'), '--json'])).json.results[0].source.id;
    const first = (await cli(dir, ['suggest', id, '--json'])).json.suggestions[0];
    expect((await cli(dir, ['suggest', 'dismiss', id, first.key])).code).toBe(0);
    expect((await cli(dir, ['suggest', id, '--json'])).json.suggestions.map((s: any) => s.key)).not.toContain(first.key);
    expect((await cli(dir, ['suggest', id, '--all', '--json'])).json.suggestions.find((s: any) => s.key === first.key).status).toBe('dismissed');
  });
});

describe('suggestion decisions across versions', () => {
  it('keep a dismissed figure dismissed in a new version whose sentence is unchanged, but offer figures whose sentence changed', async () => {
    const dir = tempDir();
    const v1 = join(tempDir(), 'lithium.txt');
    const original = readFileSync(join(FIXTURES, 'lithium-output.txt'), 'utf8');
    writeFileSync(v1, original);
    const id = (await cli(dir, ['import', v1, '--json'])).json.results[0].source.id;
    const list = (await cli(dir, ['suggest', id, '--json'])).json.suggestions;
    const almost = list.find((s: any) => s.figure.raw === 'almost 12%');
    const nearly = list.find((s: any) => s.figure.raw === 'nearly 64%');
    await cli(dir, ['suggest', 'dismiss', id, almost.key]);
    await cli(dir, ['suggest', 'dismiss', id, nearly.key]);
    const v2 = join(tempDir(), 'lithium.txt');
    writeFileSync(v2, original.replace('Producers on the Altiplano', 'Editor’s note: updated.\n\nProducers on the Altiplano').replace('nearly 64%', 'nearly 61%'));
    await cli(dir, ['import', '--new-version-of', id, v2]);
    const after = (await cli(dir, ['suggest', id, '--json'])).json.suggestions.map((s: any) => s.figure.raw);
    expect(after).not.toContain('almost 12%'); // same sentence, moved: still dismissed
    expect(after).toContain('nearly 61%'); // the sentence changed: offered again
  });
});

describe('conflicting figures', () => {
  it('flags claims whose hedged ranges cannot both hold, shows both sides, and keeps a "not a conflict" decision', async () => {
    const dir = tempDir();
    const a = (await cli(dir, ['claim', 'add', "The three largest operators supply nearly 64% of the region's carbonate", '--json'])).json.claim.id;
    const b = (await cli(dir, ['claim', 'add', "The three largest operators supply more than 80% of the region's carbonate", '--json'])).json.claim.id;
    // Compatible with a: "about 62%" (55.8–68.2) overlaps "nearly 64%" (≤ 64); but it cannot hold with b's "more than 80%".
    const c = (await cli(dir, ['claim', 'add', "The three largest operators supply about 62% of the region's carbonate", '--json'])).json.claim.id;
    // A different subject: never compared.
    await cli(dir, ['claim', 'add', 'Brine ponds lost about 30% of their water']);
    const pairs = async () => (await cli(dir, ['conflicts', '--json'])).json.conflicts.map((x: any) => [x.a.claimId, x.b.claimId].sort().join('|')).sort();
    expect(await pairs()).toEqual([[a, b].sort().join('|'), [b, c].sort().join('|')].sort());
    const ab = (await cli(dir, ['conflicts', '--json'])).json.conflicts.find((x: any) => [x.a.claimId, x.b.claimId].includes(a));
    expect(ab.reason).toMatch(/nearly 64%.*more than 80%|more than 80%.*nearly 64%/);
    const detail = (await cli(dir, ['claims', '--json'])).json.claims.find((x: any) => x.claim.id === b);
    expect(detail.conflicts.map((x: any) => x.claimId).sort()).toEqual([a, c].sort());

    expect((await cli(dir, ['conflicts', 'dismiss', a, b])).code).toBe(0);
    expect(await pairs()).toEqual([[b, c].sort().join('|')]);
    expect((await cli(dir, ['conflicts', 'dismiss', a, b, '--undo'])).code).toBe(0);
    expect(await pairs()).toHaveLength(2);
  });
});

describe('a claim’s figure from the command line', () => {
  it('is read from the words, typed with --quantity, changed with claim edit, and refused in the user’s words when unreadable', async () => {
    const dir = tempDir();
    const read = (await cli(dir, ['claim', 'add', 'China held almost 70% of hash rate', '--json'])).json.claim;
    expect(read.quantity).toMatchObject({ raw: 'almost 70%', bound: 'near-below', lower: 63, upper: 70 });
    const typed = (await cli(dir, ['claim', 'add', 'Output is strong', '--quantity', 'about 1 million a day', '--json'])).json.claim;
    expect(typed.quantity).toMatchObject({ value: 1_000_000, bound: 'approximate', unit: 'count/day' });
    const human = await cli(dir, ['claim', 'edit', read.id, '--quantity', 'about 46%']);
    expect(human.stdout).toContain('(about 46% → 41.4–50.6%)');
    const before = folderHash(dir);
    const bad = await cli(dir, ['claim', 'edit', read.id, '--quantity', 'lots']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('"lots" holds no figure');
    expect(folderHash(dir)).toBe(before);
    const cleared = (await cli(dir, ['claim', 'edit', read.id, '--no-quantity', '--json'])).json.claim;
    expect(cleared.quantity).toBeNull();
  });

  it('lists conflicts apart from changes over time', async () => {
    const dir = tempDir();
    await cli(dir, ['claim', 'add', 'Kestrel Bay port handled almost 70% of the region’s container traffic']);
    await cli(dir, ['claim', 'add', 'Kestrel Bay port handled about 46% of the region’s container traffic']);
    await cli(dir, ['claim', 'add', 'Kestrel Bay port handled 90% of the region’s container traffic in March 2009']);
    const r = (await cli(dir, ['conflicts', '--json'])).json;
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0].reason).toMatch(/almost 70% \(63–70%\).*about 46%.*cannot both hold|about 46%.*almost 70% \(63–70%\).*cannot both hold/);
    expect(r.changes.length).toBeGreaterThanOrEqual(1);
    expect(r.changes.every((c: any) => c.relation === 'change' && /March 2009/.test(c.reason))).toBe(true);
  });
});
