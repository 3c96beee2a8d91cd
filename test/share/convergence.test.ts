/**
 * Convergence: three copies of a notebook, 300 random edits through the service
 * (creates, edits, deletes, links, tag renames, trash), merged pairwise in random
 * orders with real `git merge` and the notebook's driver: all copies end identical
 * and open, nothing lost, no dangling link, no invalid file, every clash listed.
 * (test/bench/share.ts runs the 10,000-edit version.)
 */
import { describe, expect, it } from 'vitest';
import { converge, sharedFiles, withCopy } from './converge.ts';

describe('three copies shared through git', () => {
  it('converge after 300 random edits merged pairwise in random orders', async () => {
    const r = await converge({ edits: 300, rounds: 6, seed: 19 });
    expect(r.edits).toBe(300);
    expect(r.lost).toEqual([]);
    const files = r.copies.map(sharedFiles);
    for (const f of files.slice(1)) expect(f).toEqual(files[0]);
    const views = [];
    for (const d of r.copies) views.push(await withCopy(d, async (nb) => [await nb.call('listSources', {}), await nb.call('listQuotes', {}), await nb.call('listClaims', {})]));
    for (const v of views.slice(1)) expect(v).toEqual(views[0]);
    // The run exercised what it claims to: merges, clashes and records.
    expect(r.merges).toBeGreaterThan(10);
    expect(r.ids).toBeGreaterThan(20);
    expect(r.clashesExpected).toBeGreaterThan(0);
    console.log(`convergence: ${r.edits} edits, ${r.merges} merges, ${r.gitConflicts} files git stopped on, ${r.clashesExpected} predicted clashes all listed, ${r.ids} records`);
  }, 240_000);
});
