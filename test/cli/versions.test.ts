import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempDir } from '../support/notebook.ts';

const ORIGINAL = readFileSync(join(FIXTURES, 'lithium-output.txt'), 'utf8');

async function setup() {
  const dir = tempDir();
  const file = join(tempDir(), 'lithium.txt');
  writeFileSync(file, ORIGINAL);
  const id = (await cli(dir, ['import', file, '--json'])).json.results[0].source.id as string;
  const quote = async (exact: string) => (await cli(dir, ['quote', id, '--exact', exact, '--json'])).json.quote.id as string;
  const q = {
    unchanged: await quote('output fell by almost 12%'),
    corrected: await quote('One operator said it lost about 1,800 tonnes of output per month while the ponds were frozen.'),
    deleted: await quote('prices had already risen more than 20% since January'),
  };
  const claim = (await cli(dir, ['claim', 'add', 'Prices rose more than 20%', '--evidence', q.deleted, '--json'])).json.claim.id as string;
  // The edited version: an editor's note on top, a word corrected inside one quote, one quoted clause deleted.
  const edited = ORIGINAL.replace('Producers on the Altiplano', 'Editor’s note: this story was updated with figures from the chamber.\n\nProducers on the Altiplano')
    .replace('while the ponds were frozen', 'while its ponds were frozen')
    .replace(', adding that prices had already risen more than 20% since January', '');
  const editedFile = join(tempDir(), 'lithium-v2.txt');
  writeFileSync(editedFile, edited);
  return { dir, id, q, claim, editedFile, edited };
}

describe('importing a new version of a source', () => {
  it('keeps the old version, re-anchors every quote and reports counts per status', async () => {
    const { dir, id, q, editedFile, edited } = await setup();
    const r = await cli(dir, ['import', '--new-version-of', id, editedFile, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const nv = r.json.results[0].newVersion;
    expect(nv).toMatchObject({ of: id, counts: { exact: 0, moved: 1, fuzzy: 1, orphaned: 1 } });
    expect(nv.review.sort()).toEqual([q.corrected, q.deleted].sort());
    const source = (await cli(dir, ['show', id, '--json'])).json.source;
    expect(source.text).toBe(edited.trimEnd());
    expect(source.versions).toHaveLength(1);
    const moved = (await cli(dir, ['quotes', '--json'])).json.quotes.find((x: any) => x.id === q.unchanged);
    expect(edited.slice(moved.selectors[0].start, moved.selectors[0].end)).toBe('output fell by almost 12%');
    expect(moved.anchor).toMatchObject({ status: 'moved', sha256: source.sha256 });
  });

  it('is recognised by its title without --new-version-of', async () => {
    const { dir, id, editedFile } = await setup();
    const r = await cli(dir, ['import', editedFile, '--json']);
    expect(r.json.results[0].newVersion.of).toBe(id);
    expect((await cli(dir, ['sources', '--json'])).json.sources).toHaveLength(1);
  });

  it('lists fuzzy and orphaned anchors for review with old text, new text and score, and flags claims citing them', async () => {
    const { dir, q, claim, editedFile, id } = await setup();
    await cli(dir, ['import', '--new-version-of', id, editedFile]);
    const review = (await cli(dir, ['review', '--json'])).json.review;
    const fuzzy = review.find((x: any) => x.quote.id === q.corrected);
    expect(fuzzy).toMatchObject({ status: 'fuzzy', oldText: expect.stringContaining('while the ponds were frozen'), newText: expect.stringContaining('while its ponds were frozen') });
    expect(fuzzy.score).toBeGreaterThan(0.75);
    expect(fuzzy.diff.some((d: any) => d.op !== 'equal')).toBe(true);
    expect(review.find((x: any) => x.quote.id === q.deleted)).toMatchObject({ status: 'orphaned', newText: null });
    const claims = (await cli(dir, ['claims', '--json'])).json.claims;
    expect(claims.find((c: any) => c.claim.id === claim).unreviewedEvidence).toBe(1);
    expect((await cli(dir, ['claims'])).stdout).toMatch(/⚠ 1 evidence quote\(s\) drifted/);
  });

  it('accept, reselect and pin settle the review list; the original context stays available', async () => {
    const { dir, q, claim, editedFile, edited, id } = await setup();
    await cli(dir, ['import', '--new-version-of', id, editedFile]);
    const accepted = (await cli(dir, ['review', 'accept', q.corrected, '--json'])).json.quote;
    expect(accepted.exact).toContain('while its ponds were frozen');
    expect(accepted.anchor).toMatchObject({ status: 'exact', review: 'accepted' });
    expect(edited.slice(accepted.selectors[0].start, accepted.selectors[0].end)).toBe(accepted.exact);

    const orphanAccept = await cli(dir, ['review', 'accept', q.deleted]);
    expect(orphanAccept.stderr).toMatch(/orphaned: there is no proposed anchor/);
    const pinned = (await cli(dir, ['review', 'pin', q.deleted, '--json'])).json.quote;
    expect(pinned.anchor).toMatchObject({ status: 'orphaned', review: 'pinned' });
    expect((await cli(dir, ['review', '--json'])).json.review).toEqual([]);
    expect((await cli(dir, ['claims', '--json'])).json.claims.find((c: any) => c.claim.id === claim).unreviewedEvidence).toBe(0);

    const original = (await cli(dir, ['context', q.deleted, '--original', '--json'])).json.context;
    expect(original).toMatchObject({ isCurrentVersion: false, quote: 'prices had already risen more than 20% since January' });
    expect(original.before).toContain('one of them said, adding that ');

    const reselected = (await cli(dir, ['review', 'reselect', q.deleted, '--exact', 'a partial rebound of up to 5% by June', '--json'])).json.quote;
    expect(reselected.anchor).toMatchObject({ status: 'exact', review: 'reselected' });
    expect((await cli(dir, ['context', q.deleted, '--json'])).json.context).toMatchObject({ isCurrentVersion: true, quote: 'a partial rebound of up to 5% by June' });
  });
});
