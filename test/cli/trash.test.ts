/**
 * The trash from the command line: `notebook delete source` says the source went
 * to the trash and how to restore it; `notebook trash` lists it; `notebook trash
 * restore` puts it back with its quotes and links; `notebook trash empty` removes
 * entries for good; bad ids get one line and change nothing.
 */
import { describe, expect, it } from 'vitest';
import { cli, folderHash, openService, tempDir } from '../support/notebook.ts';

const DEPOT = 'The depot repaired 37 trams in March.\n\nWaiting times fell to about 6 minutes at peak hours, the council said.';
const FERRY = 'The river ferry ran 410 crossings in its first week.';

async function seeded() {
  const dir = tempDir('nb-cli-trash-');
  const nb = await openService(dir);
  const depot = (await nb.call('importText', { text: DEPOT, title: 'Tram depot report' })).source;
  const ferry = (await nb.call('importText', { text: FERRY, title: 'Ferry week one' })).source;
  const q1 = await nb.call('createQuote', { sourceId: depot.id, exact: 'repaired 37 trams in March' });
  const q2 = await nb.call('createQuote', { sourceId: depot.id, exact: 'about 6 minutes at peak hours' });
  const claim = await nb.call('createClaim', {
    statement: 'Trams run more often',
    evidence: [
      { quoteId: q2.id, relation: 'supports' },
      { quoteId: q1.id, relation: 'context' },
    ],
  });
  await nb.close();
  return { dir, depot, ferry, q1, q2, claim };
}

describe('notebook delete source and notebook trash', () => {
  it('moves the source to the trash, says so with the restore command, and lists it', async () => {
    const { dir, depot } = await seeded();
    const del = await cli(dir, ['delete', 'source', depot.id]);
    expect(del.code, del.stderr).toBe(0);
    expect(del.stdout.trim()).toBe(`moved source ${depot.id} with 2 quotes and 2 evidence links to the trash; restore it with \`notebook trash restore ${depot.id}\``);
    const sources = await cli(dir, ['sources', '--json']);
    expect(sources.json.sources.map((s: any) => s.id)).not.toContain(depot.id);
    const list = await cli(dir, ['trash']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^${depot.id}  Tram depot report  \\(2 quotes, 2 evidence links; deleted \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\)`));
    const json = await cli(dir, ['trash', 'list', '--json']);
    expect(json.json.trash).toHaveLength(1);
    expect(json.json.trash[0]).toMatchObject({ source: { id: depot.id }, quoteCount: 2, linkCount: 2, sameTextAs: null });
  });

  it('restores the source with its quotes and their evidence links in their old places', async () => {
    const { dir, depot, q1, q2, claim } = await seeded();
    await cli(dir, ['delete', 'source', depot.id]);
    const r = await cli(dir, ['trash', 'restore', depot.id]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`restored ${depot.id}  Tram depot report with 2 quotes and 2 evidence links`);
    const quotes = await cli(dir, ['quotes', '--source', depot.id, '--json']);
    expect(quotes.json.quotes).toEqual([q1, q2]);
    const claims = await cli(dir, ['claims', '--json']);
    expect(claims.json.claims[0].claim.evidence).toEqual(claim.evidence);
    expect((await cli(dir, ['trash'])).stdout.trim()).toBe('The trash is empty.');
  });

  it('keeps a trashed source out of search until it is restored', async () => {
    const { dir, depot } = await seeded();
    const found = async () => (await cli(dir, ['search', 'trams', '--json'])).json.hits.filter((h: any) => h.sourceId === depot.id).length;
    expect(await found()).toBeGreaterThan(0);
    await cli(dir, ['delete', 'source', depot.id]);
    expect(await found()).toBe(0);
    await cli(dir, ['trash', 'restore', depot.id]);
    expect(await found()).toBeGreaterThan(0);
  });

  it('refuses to restore a source whose text was imported again since, in one line, changing nothing', async () => {
    const { dir, depot, ferry } = await seeded();
    await cli(dir, ['delete', 'source', depot.id]);
    const nb = await openService(dir);
    // Importing the depot text itself would bring the trashed source back; as a new version of another source it is a twin.
    await nb.call('updateSource', { id: ferry.id, patch: { title: 'Depot again' } });
    const twin = (await nb.call('importFile', { fileName: 'depot.txt', dataBase64: Buffer.from(DEPOT).toString('base64'), newVersionOf: ferry.id })).source;
    await nb.close();
    const before = folderHash(dir);
    const r = await cli(dir, ['trash', 'restore', depot.id]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `notebook: “Tram depot report” cannot be restored: the same text was imported again since as “Depot again” (${twin.id}); delete that source first to restore this one with its quotes\n`,
    );
    expect(folderHash(dir)).toBe(before);
    expect((await cli(dir, ['trash'])).stdout).toContain(`cannot be restored while ${twin.id} “Depot again” holds the same text`);
  });

  it('empties named entries or the whole trash for good, and refuses an id that is not in it', async () => {
    const { dir, depot, ferry } = await seeded();
    await cli(dir, ['delete', 'source', depot.id]);
    await cli(dir, ['delete', 'source', ferry.id]);
    const before = folderHash(dir);
    const bad = await cli(dir, ['trash', 'empty', ferry.id, 's_0000000000']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('notebook: there is no source s_0000000000 in the trash\n');
    expect(folderHash(dir)).toBe(before);
    const one = await cli(dir, ['trash', 'empty', ferry.id]);
    expect(one.stdout.trim()).toBe('removed 1 source (0 quotes) from the trash for good');
    const all = await cli(dir, ['trash', 'empty', '--json']);
    expect(all.json.removed).toEqual([{ id: depot.id, title: 'Tram depot report', quotes: 2 }]);
    expect((await cli(dir, ['trash', 'empty'])).stdout.trim()).toBe('The trash was already empty.');
    const restore = await cli(dir, ['trash', 'restore', depot.id]);
    expect(restore.stderr).toBe(`notebook: there is no source ${depot.id} in the trash\n`);
  });

  it('does not clash with `notebook restore`, which still restores backups', async () => {
    const { dir } = await seeded();
    const r = await cli(dir, ['restore']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('Nothing to restore.');
  });
});
