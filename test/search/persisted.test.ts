/**
 * The search index saved beside the notebook is loaded instead of rebuilt, and can
 * never answer from stale data: edits made since it was saved, a shard edited behind
 * its back (even within one clock tick), and a deleted, damaged or hand-edited index
 * file all end with the same answers as an index built from the shards.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookSearch } from '../../electron/service/search.ts';
import { SEARCH_FILE } from '../../electron/storage/search-file.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { dispatch } from '../../shared/api/dispatch.ts';
import { tempDir } from '../support/notebook.ts';

const QUERIES = ['"output at site"', 'shipments', 'harbour', 'tag:energy', 'kestrel', 'type:claim rose'];

/**
 * One query's answer, with hits of equal score in id order: an index updated in
 * place numbers re-indexed documents afresh, which may order ties differently
 * (as in any long-running process), never changes which documents match or how well.
 */
const normal = (r: any) => (r.ok ? { ...r, hits: [...r.hits].sort((a: any, b: any) => b.score - a.score || (a.id < b.id ? -1 : 1)) } : r);

async function session(dir: string, load: 'all' | 'lazy' = 'lazy') {
  const store = await NotebookStore.open(dir, { write: 'required', load });
  const service = new NotebookService(store);
  const call = async (method: string, args: unknown = {}): Promise<any> => {
    const r = await dispatch(service, method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  return { store, call };
}

/** Runs every query through an index of the given origin and closes (which saves it). */
async function answers(dir: string): Promise<{ origin: string | null; hits: unknown[] }> {
  const store = await NotebookStore.open(dir, { write: 'required', load: 'lazy' });
  const search = new NotebookSearch(store.memory, (sha) => store.getText(sha), store.searchPersistence);
  const hits = [];
  for (const q of QUERIES) hits.push(normal(await search.search(q, 50)));
  await store.close();
  return { origin: search.origin, hits };
}

/** The same queries through an index built from the shards, never saved. */
async function truth(dir: string): Promise<unknown[]> {
  const store = await NotebookStore.open(dir, { write: 'never', load: 'all' });
  const search = new NotebookSearch(store.memory, (sha) => store.getText(sha));
  const hits = [];
  for (const q of QUERIES) hits.push(normal(await search.search(q, 50)));
  await store.close();
  return hits;
}

async function seeded(dir: string) {
  const { call, store } = await session(dir, 'all');
  const ids = [];
  for (let i = 0; i < 8; i++) {
    const text = `Report ${i}. Output at site ${i} rose by about ${i}%.\n\nShipments through the harbour fell while prices held.`;
    ids.push((await call('importText', { text, title: `Report ${i}` })).source.id);
  }
  const q = await call('createQuote', { sourceId: ids[2], exact: 'Shipments through the harbour', tags: ['energy'] });
  await call('createClaim', { statement: 'Output rose at every site', evidence: [{ quoteId: q.id, relation: 'supports' }] });
  await store.close();
  return ids;
}

/** Sets every record file's time back, as if written long before the index. */
function age(dir: string) {
  const old = new Date(Date.now() - 120_000);
  for (const d of ['sources', 'claims']) for (const n of readdirSync(join(dir, d))) utimesSync(join(dir, d, n), old, old);
  utimesSync(join(dir, 'tags.json'), old, old);
}

describe('the persisted search index', () => {
  it('is saved on close and loaded the next time, answering as a fresh build', async () => {
    const dir = tempDir();
    await seeded(dir);
    age(dir);
    const first = await answers(dir);
    expect(first.origin).toBe('built');
    const second = await answers(dir);
    expect(second.origin).toBe('loaded');
    expect(second.hits).toEqual(first.hits);
    expect(second.hits).toEqual(await truth(dir));
  });

  it('follows edits made since it was saved, by another process and in the same one', async () => {
    const dir = tempDir();
    const ids = await seeded(dir);
    age(dir);
    await answers(dir);
    // Another session edits without searching (its index is never loaded).
    const other = await session(dir);
    await other.call('createQuote', { sourceId: ids[5], exact: 'Output at site 5', tags: ['kestrel'] });
    await other.call('renameTag', { from: 'energy', to: 'power' });
    await other.call('deleteSource', { id: ids[1] });
    await other.call('createClaim', { statement: 'Kestrel figures rose' });
    await other.store.close();
    const after = await answers(dir);
    expect(after.origin).toBe('loaded');
    expect(after.hits).toEqual(await truth(dir));
    expect(JSON.stringify(after.hits)).toContain('kestrel');
  });

  it('never answers from a shard edited behind its back, even within the same clock tick', async () => {
    const dir = tempDir();
    const ids = await seeded(dir);
    await answers(dir); // saved with stamps taken just now: too recent to vouch for anything
    const rel = join(dir, `sources/${ids[2]}.json`);
    const mtime = statSync(rel).mtime;
    // Same length, so size, time and inode all stay as they were.
    writeFileSync(rel, readFileSync(rel, 'utf8').replaceAll('"Shipments through the harbour"', '"Kestrels through the harbour!"'));
    utimesSync(rel, mtime, mtime);
    const after = await answers(dir);
    expect(after.hits).toEqual(await truth(dir));
    expect(JSON.stringify(after.hits)).toContain('Kestrels');
  });

  it('deleted, damaged or hand-edited, is rebuilt from the shards', async () => {
    const dir = tempDir();
    await seeded(dir);
    age(dir);
    const good = await answers(dir);
    rmSync(join(dir, SEARCH_FILE));
    expect(await answers(dir)).toEqual({ origin: 'built', hits: good.hits });
    writeFileSync(join(dir, SEARCH_FILE), 'garbage');
    expect(await answers(dir)).toEqual({ origin: 'built', hits: good.hits });
    // One word changed in place, every length kept: only the checksum can tell.
    const raw = readFileSync(join(dir, SEARCH_FILE));
    const at = raw.indexOf('harbour');
    expect(at).toBeGreaterThan(0);
    raw.write('harb0ur', at);
    writeFileSync(join(dir, SEARCH_FILE), raw);
    expect(await answers(dir)).toEqual({ origin: 'built', hits: good.hits });
    // Cut short, as by a full disk.
    const whole = readFileSync(join(dir, SEARCH_FILE));
    writeFileSync(join(dir, SEARCH_FILE), whole.subarray(0, whole.length >> 1));
    expect(await answers(dir)).toEqual({ origin: 'built', hits: good.hits });
  });

  it('ignores and removes the JSON index an earlier version saved', async () => {
    const dir = tempDir();
    await seeded(dir);
    age(dir);
    const good = await answers(dir);
    rmSync(join(dir, SEARCH_FILE));
    const legacy = join(dir, '.index/search.json');
    mkdirSync(join(dir, '.index'), { recursive: true });
    writeFileSync(legacy, `${'0'.repeat(64)}\n{"format":"notebook-search","version":1}`);
    expect(await answers(dir)).toEqual({ origin: 'built', hits: good.hits });
    expect(existsSync(legacy)).toBe(false);
    expect((await answers(dir)).origin).toBe('loaded');
  });

  it('saved again by a command that read only the shards it needed, still vouches for every shard', async () => {
    const dir = tempDir();
    const ids = await seeded(dir);
    age(dir);
    await answers(dir);
    const other = await session(dir);
    await other.call('createQuote', { sourceId: ids[4], exact: 'Output at site 4', tags: ['kestrel'] });
    await other.store.close();
    // Loaded with one source stale: re-indexed from its shard only, then saved.
    const after = await answers(dir);
    expect(after.origin).toBe('loaded');
    expect(after.hits).toEqual(await truth(dir));
    const records = ['tags.json', ...['sources', 'claims'].flatMap((d) => readdirSync(join(dir, d)).map((n) => `${d}/${n}`))];
    expect(vouched(dir).sort()).toEqual(records.sort());
  });
});

/** The record files a saved index vouches for (its first section, see search-file.ts). */
function vouched(dir: string): string[] {
  const raw = readFileSync(join(dir, SEARCH_FILE));
  const body = raw.subarray(raw.indexOf(10) + 1 + 4); // after the magic line and the CRC-32
  return JSON.parse(body.subarray(4, 4 + body.readUInt32LE(0)).toString('utf8')).files;
}
