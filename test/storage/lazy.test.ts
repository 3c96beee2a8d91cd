/**
 * Opening a notebook lazily (one-shot commands) answers exactly as opening it whole,
 * reads only what a command needs, and the catalog behind its listings never serves
 * stale data: deleted, damaged, hand-edited, or outrun by a shard edited behind its
 * back, every answer still comes from the shards.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotebookService } from '../../electron/service/service.ts';
import { CATALOG_FILE } from '../../electron/storage/catalog.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { dispatch } from '../../shared/api/dispatch.ts';
import { tempDir } from '../support/notebook.ts';

const opened: NotebookStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function service(dir: string, load: 'all' | 'lazy', write: 'required' | 'never' = 'never') {
  const store = await NotebookStore.open(dir, { write, load });
  opened.push(store);
  const s = new NotebookService(store);
  const call = async (method: string, args: unknown = {}): Promise<any> => {
    const r = await dispatch(s, method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  return { store, call, close: async () => (await store.close(), opened.splice(opened.indexOf(store), 1)) };
}

const TEXT = (i: number) => `Report ${i}. Output at site ${i} rose by about ${i}% in March.\n\nShipments fell by almost ${i + 3}% while prices held, the officials said.`;

/** A notebook with sources, quotes, a claim citing quotes of two sources, tags, a trashed source. */
async function seeded(dir: string, sources = 12) {
  const { call, close } = await service(dir, 'all', 'required');
  const ids: string[] = [];
  for (let i = 0; i < sources; i++) ids.push((await call('importText', { text: TEXT(i), title: `Report ${i}` })).source.id);
  const quotes: string[] = [];
  for (const [n, id] of ids.entries()) quotes.push((await call('createQuote', { sourceId: id, exact: `rose by about ${n}%`, tags: [`energy/site-${n % 3}`] })).id);
  await call('createClaim', {
    statement: 'Output rose',
    evidence: [
      { quoteId: quotes[1], relation: 'supports' },
      { quoteId: quotes[2], relation: 'contradicts' },
    ],
    tags: ['energy'],
  });
  await call('deleteSource', { id: ids[sources - 1] });
  await close();
  return { ids, quotes };
}

const READS: [string, (ids: string[], quotes: string[]) => unknown][] = [
  ['listSources', () => ({})],
  ['getSource', (ids) => ({ id: ids[3] })],
  ['listQuotes', () => ({})],
  ['listQuotes', (ids) => ({ sourceId: ids[2] })],
  ['listQuotes', () => ({ tag: 'energy/site-1' })],
  ['listTags', () => ({})],
  ['listClaims', () => ({})],
  ['listTrash', () => ({})],
  ['listReview', () => ({})],
  ['getInfo', () => ({})],
  ['search', () => ({ query: 'shipments' })],
  ['quoteContext', (_ids, quotes) => ({ id: quotes[4], version: 'current' })],
];

describe('a lazily opened notebook', () => {
  it('answers every read exactly as the notebook opened whole', async () => {
    const dir = tempDir();
    const { ids, quotes } = await seeded(dir);
    for (const [method, args] of READS) {
      const whole = await service(dir, 'all');
      const expected = await whole.call(method, args(ids, quotes));
      await whole.close();
      const lazy = await service(dir, 'lazy');
      expect(await lazy.call(method, args(ids, quotes)), method).toEqual(expected);
      await lazy.close();
    }
  });

  it('reads one source shard (and what the edit needs) to add a quote, and writes the same shards as a whole open', async () => {
    const a = tempDir();
    const { ids } = await seeded(a, 30);
    const lazy = await service(a, 'lazy', 'required');
    const before = lazy.store.memory.shardReads;
    await lazy.call('createQuote', { sourceId: ids[5], exact: 'Shipments fell', tags: ['energy'] });
    // Its source's shard and the claim buckets (does any claim cite what changed?), never the other 29 sources.
    expect(lazy.store.memory.shardReads - before).toBeLessThanOrEqual(1 + 32);
    expect(lazy.store.memory.shardReads).toBeLessThan(30);
    await lazy.close();
    const shard = readFileSync(join(a, `sources/${ids[5]}.json`), 'utf8');
    const whole = await service(a, 'all');
    expect((await whole.call('listQuotes', { sourceId: ids[5] })).map((q: { exact: string }) => q.exact)).toEqual(['rose by about 5%', 'Shipments fell']);
    // Nothing else of that source was lost when its shard was rewritten from a partly loaded notebook.
    expect(JSON.parse(shard).quotes).toHaveLength(2);
  });

  it('edits, undoes and deletes through the lazy view as through the whole one', async () => {
    const dir = tempDir();
    const { ids, quotes } = await seeded(dir);
    const lazy = await service(dir, 'lazy', 'required');
    await lazy.call('updateQuote', { id: quotes[3], patch: { note: 'checked' } });
    await lazy.call('renameTag', { from: 'energy', to: 'power' });
    await lazy.call('deleteQuote', { id: quotes[1] });
    await lazy.call('undo');
    await lazy.call('restoreSource', { id: ids[ids.length - 1] });
    await lazy.close();
    const whole = await service(dir, 'all');
    const q3 = (await whole.call('listQuotes', { sourceId: ids[3] }))[0];
    expect(q3.note).toBe('checked');
    expect(q3.tags).toEqual(['power/site-0']);
    expect((await whole.call('listClaims'))[0].evidence.map((e: { quote: { id: string } }) => e.quote.id)).toEqual([quotes[1], quotes[2]]);
    expect((await whole.call('listSources')).map((s: { id: string }) => s.id)).toContain(ids[ids.length - 1]);
  });
});

describe('the catalog', () => {
  const titles = async (dir: string) => (await (await service(dir, 'lazy')).call('listSources')).map((s: { title: string; quoteCount: number }) => `${s.title}:${s.quoteCount}`);

  it('is written by a listing, then used: a second listing reads no source shard', async () => {
    const dir = tempDir();
    await seeded(dir);
    await titles(dir);
    expect(existsSync(join(dir, CATALOG_FILE))).toBe(true);
    // Make the shards old enough for their stamps to be trusted (see stamps.ts RACY_MS).
    ageShards(dir);
    await titles(dir); // rewrites the catalog with settled stamps
    const s = await service(dir, 'lazy');
    await s.call('listSources');
    expect(s.store.memory.shardReads).toBeLessThanOrEqual(2); // tags.json and the one claim bucket
  });

  it('written just after its shards, vouches for them once they are old enough, without any edit', async () => {
    const dir = tempDir();
    await seeded(dir);
    await titles(dir); // catalog written within RACY_MS of the shards: it cannot vouch for them yet
    // Later (the clock moved on; nothing was edited): a listing reads them again and writes a catalog that can.
    const later = Date.now() + 60_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => later);
    try {
      await titles(dir);
      const s = await service(dir, 'lazy');
      await s.call('listSources');
      expect(s.store.memory.shardReads).toBeLessThanOrEqual(2); // tags.json and the one claim bucket
    } finally {
      clock.mockRestore();
    }
  });

  it('deleted, damaged or hand-edited, is rebuilt from the shards', async () => {
    const dir = tempDir();
    await seeded(dir);
    const truth = await titles(dir);
    rmSync(join(dir, CATALOG_FILE));
    expect(await titles(dir)).toEqual(truth);
    writeFileSync(join(dir, CATALOG_FILE), 'not a catalog');
    expect(await titles(dir)).toEqual(truth);
    // A hand edit: a title changed in the catalog's body.
    const raw = readFileSync(join(dir, CATALOG_FILE), 'utf8');
    writeFileSync(join(dir, CATALOG_FILE), raw.replace('"title":"Report 3"', '"title":"Forged"'));
    expect(await titles(dir)).toEqual(truth);
  });

  it('never serves a shard edited behind its back, even one edited within the same clock tick', async () => {
    const dir = tempDir();
    const { ids } = await seeded(dir);
    ageShards(dir);
    await titles(dir);
    await titles(dir);
    const rel = join(dir, `sources/${ids[4]}.json`);
    // A different title, then a quote removed: size and time change.
    const shard = JSON.parse(readFileSync(rel, 'utf8'));
    shard.source.title = 'Edited by hand';
    shard.quotes = [];
    writeFileSync(rel, JSON.stringify(shard));
    expect(await titles(dir)).toContain('Edited by hand:0');
    // Same size, same modification time, same inode: only the racy rule can tell.
    const mtime = statSync(rel).mtime;
    writeFileSync(rel, readFileSync(rel, 'utf8').replace('Edited by hand', 'Edited by HAND'));
    utimesSync(rel, mtime, mtime);
    expect(await titles(dir)).toContain('Edited by HAND:0');
    // A shard removed behind its back is gone from the listing; a broken one is refused, never skipped.
    rmSync(join(dir, `sources/${ids[2]}.json`));
    expect((await titles(dir)).some((t: string) => t.startsWith('Report 2:'))).toBe(false);
    writeFileSync(join(dir, `sources/${ids[3]}.json`), '{"broken');
    await expect((await service(dir, 'lazy')).call('listSources')).rejects.toThrow(/sources\/s_\w+\.json could not be read/);
  });
});

/** Sets every source shard's time two minutes back, as if written long before the catalog. */
function ageShards(dir: string) {
  const old = new Date(Date.now() - 120_000);
  for (const n of readdirSync(join(dir, 'sources'))) utimesSync(join(dir, 'sources', n), old, old);
}
