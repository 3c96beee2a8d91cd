/**
 * The trash on disk: a deleted source lives in trash/<id>.json (with its quotes
 * and the evidence links its deletion removed) and its text stays in texts/; the
 * trash survives reopening, a crash before compaction (the log is replayed), a
 * torn log line and a damaged file (quarantined, never overwritten); and a
 * notebook written before the trash existed (schema 3, no trash/ folder) opens
 * and gains the folder with its first deletion.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookStore } from '../../electron/storage/store.ts';
import { openService, tempDir } from '../support/notebook.ts';
import { b64, baseNotebook, HARBOUR_V2 } from '../core/history-support.ts';

const V3 = fileURLToPath(new URL('../fixtures/notebook-v3/', import.meta.url));
const ARTICLE = 'The quarry shipped about 80,000 tonnes of granite last year.\n\nMost of it went by rail, the owners said.';

const open = (dir: string) => NotebookStore.open(dir, { write: 'required' });
const stores: NotebookStore[] = [];
afterEach(async () => {
  while (stores.length) await stores.pop()!.close();
});

async function seeded() {
  const dir = tempDir('nb-trash-');
  const nb = await openService(dir);
  const { source } = await nb.call('importText', { text: ARTICLE, title: 'Quarry output' });
  const quote = await nb.call('createQuote', { sourceId: source.id, exact: 'about 80,000 tonnes of granite', tags: ['stone'] });
  const claim = await nb.call('createClaim', { statement: 'The quarry shipped about 80,000 tonnes', evidence: [{ quoteId: quote.id, relation: 'supports' }] });
  await nb.close();
  return { dir, source, quote, claim, shard: readFileSync(join(dir, `sources/${source.id}.json`), 'utf8') };
}

/** Simulates a kill -9: the lock is dropped, but close() (which folds the log into the shards) never runs. */
const crash = async (store: NotebookStore) => (store as any).lock.release();

describe('the trash on disk', () => {
  it('holds a deleted source in trash/<id>.json, reads it back exactly after reopening, and keeps its text', async () => {
    const { dir, source, quote, claim } = await seeded();
    const nb = await openService(dir);
    await nb.call('deleteSource', { id: source.id });
    const entry = structuredClone(nb.store.memory.getTrashed(source.id));
    await nb.close();
    expect(existsSync(join(dir, `sources/${source.id}.json`))).toBe(false);
    expect(readdirSync(join(dir, 'trash'))).toEqual([`${source.id}.json`]);
    expect(existsSync(join(dir, `texts/${source.sha256}.txt`))).toBe(true);
    const reopened = await open(dir);
    stores.push(reopened);
    expect(reopened.memory.getTrashed(source.id)).toEqual(entry);
    expect(entry).toMatchObject({ source, quotes: [quote], links: [{ claimId: claim.id, index: 0, evidence: { quoteId: quote.id, relation: 'supports' } }] });
  });

  it('keeps a drifted quote as it was across deletion, reopening and restore: its words, selectors and fuzzy status', async () => {
    const nb = await baseNotebook();
    const { harbour, berth, c2 } = nb.ids;
    await nb.call('importFile', { fileName: 'harbour.md', dataBase64: b64(HARBOUR_V2), newVersionOf: harbour });
    const drifted = structuredClone(nb.store.memory.getQuote(berth as never)!);
    expect(drifted.anchor.status).toBe('fuzzy');
    const claim = structuredClone(nb.store.memory.getClaim(c2 as never)!);
    await nb.call('deleteSource', { id: harbour });
    await nb.close();
    const again = await openService(nb.dir);
    try {
      await again.call('restoreSource', { id: harbour });
      expect(again.store.memory.getQuote(berth as never)).toEqual(drifted);
      expect(again.store.memory.getClaim(c2 as never)!.evidence).toEqual(claim.evidence);
    } finally {
      await again.close();
    }
  });

  it('restores after reopening: the source shard comes back byte for byte and the trash file goes', async () => {
    const { dir, source, shard } = await seeded();
    let nb = await openService(dir);
    await nb.call('deleteSource', { id: source.id });
    await nb.close();
    nb = await openService(dir);
    await nb.call('restoreSource', { id: source.id });
    await nb.close();
    expect(readFileSync(join(dir, `sources/${source.id}.json`), 'utf8')).toBe(shard);
    expect(readdirSync(join(dir, 'trash'))).toEqual([]);
  });

  it('replays a trash commit from the log after a crash before compaction, however often it is replayed', async () => {
    const { dir, source, quote, claim } = await seeded();
    const nb = await openService(dir);
    await nb.call('deleteSource', { id: source.id });
    await crash(nb.store);
    expect(existsSync(join(dir, `trash/${source.id}.json`))).toBe(false);
    expect(readFileSync(join(dir, 'wal.log'), 'utf8')).toContain('"kind":"trash"');
    for (let i = 0; i < 2; i++) {
      // Reopened and crashed again: replaying the same log twice gives the same notebook.
      const again = await open(dir);
      expect(again.memory.getSource(source.id)).toBeUndefined();
      expect(again.memory.getQuote(quote.id)).toBeUndefined();
      expect(again.memory.getClaim(claim.id)!.evidence).toEqual([]);
      expect(again.memory.getTrashed(source.id)!.quotes).toEqual([quote]);
      await crash(again);
    }
    const last = await open(dir);
    await last.close();
    expect(readdirSync(join(dir, 'trash'))).toEqual([`${source.id}.json`]);
    expect(existsSync(join(dir, 'quarantine'))).toBe(false);
  });

  it('drops a torn restore (never acknowledged): the source stays in the trash', async () => {
    const { dir, source } = await seeded();
    let nb = await openService(dir);
    await nb.call('deleteSource', { id: source.id });
    await nb.close();
    nb = await openService(dir);
    await nb.call('restoreSource', { id: source.id });
    await crash(nb.store);
    const log = readFileSync(join(dir, 'wal.log'), 'utf8');
    writeFileSync(join(dir, 'wal.log'), log.slice(0, Math.floor(log.length / 2)));
    const reopened = await open(dir);
    stores.push(reopened);
    expect(reopened.memory.getSource(source.id)).toBeUndefined();
    expect(reopened.memory.getTrashed(source.id)).toBeDefined();
  });

  it('moves a damaged trash file aside, refuses to open naming the problem, and restores its last good backup', async () => {
    const { dir, source } = await seeded();
    const nb = await openService(dir);
    await nb.call('deleteSource', { id: source.id });
    await nb.close();
    // A backup holding the trash file: the next session's first write takes one (the ring keeps the newest).
    const { snapshot } = await import('../../electron/storage/backups.ts');
    await snapshot(dir, new Date(Date.UTC(2027, 0, 1)));
    const good = readFileSync(join(dir, `trash/${source.id}.json`), 'utf8');
    writeFileSync(join(dir, `trash/${source.id}.json`), good.replace('"quotes":[', '"quotes":{'));
    await expect(open(dir)).rejects.toThrow(new RegExp(`trash/${source.id}\\.json`));
    expect(readdirSync(join(dir, 'quarantine')).some((n) => n.endsWith(`trash__${source.id}.json`))).toBe(true);
    await NotebookStore.restore(dir, false);
    expect(readFileSync(join(dir, `trash/${source.id}.json`), 'utf8')).toBe(good);
    const reopened = await open(dir);
    stores.push(reopened);
    expect(reopened.memory.getTrashed(source.id)?.source.id).toBe(source.id);
  });
});

describe('the running service', () => {
  it('takes a trashed source out of its search index and puts it back on restore', async () => {
    const { dir, source } = await seeded();
    const nb = await openService(dir);
    try {
      const hits = async () => (await nb.call('search', { query: 'granite' })).hits.filter((h: any) => h.sourceId === source.id).length;
      expect(await hits()).toBeGreaterThan(0);
      await nb.call('deleteSource', { id: source.id });
      expect(await hits()).toBe(0);
      await nb.call('restoreSource', { id: source.id });
      expect(await hits()).toBeGreaterThan(0);
      await nb.call('undo', {});
      expect(await hits()).toBe(0);
    } finally {
      await nb.close();
    }
  });
});

describe('a notebook written by schema 3, before the trash existed', () => {
  it('opens with every record as that version wrote it, and its first deletion creates trash/', async () => {
    const dir = join(tempDir(), 'notebook');
    cpSync(V3, dir, { recursive: true });
    expect(existsSync(join(dir, 'trash'))).toBe(false);
    const shardName = readdirSync(join(dir, 'sources'))[0]!;
    const shard = JSON.parse(readFileSync(join(dir, 'sources', shardName), 'utf8'));
    const nb = await openService(dir);
    try {
      expect(nb.store.memory.getSource(shard.source.id)).toEqual(shard.source);
      expect([...nb.store.memory.quotesOf(shard.source.id)]).toEqual(shard.quotes);
      expect([...nb.store.memory.trashed()]).toEqual([]);
      expect(await nb.call('listTrash', {})).toEqual([]);
      const r = await nb.call('deleteSource', { id: shard.source.id });
      expect(r).toMatchObject({ quotes: shard.quotes.length, links: 2 });
      const restored = await nb.call('restoreSource', { id: shard.source.id });
      expect(restored).toMatchObject({ quotes: shard.quotes.length, links: 2, linksDropped: 0 });
      expect([...nb.store.memory.quotesOf(shard.source.id)].sort((a, b) => a.id.localeCompare(b.id))).toEqual(shard.quotes);
      await nb.call('deleteSource', { id: shard.source.id });
    } finally {
      await nb.close();
    }
    expect(readdirSync(join(dir, 'trash'))).toEqual([shardName]);
    expect(JSON.parse(readFileSync(join(dir, 'notebook.json'), 'utf8')).schemaVersion).toBe(3);
  });
});
