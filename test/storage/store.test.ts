import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { snapshot } from '../../electron/storage/backups.ts';
import { folderHash, tempDir } from '../support/notebook.ts';

const open = (dir: string) => NotebookStore.open(dir, { write: 'required' });
const stores: NotebookStore[] = [];
afterEach(async () => {
  while (stores.length) await stores.pop()!.close();
});

async function withService<T>(dir: string, fn: (s: NotebookService) => Promise<T>): Promise<T> {
  const store = await open(dir);
  try {
    return await fn(new NotebookService(store));
  } finally {
    await store.close();
  }
}

async function call(s: NotebookService, method: string, args: unknown) {
  const r = await dispatch(s, method, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as any;
}

const ARTICLE = 'Output fell by almost 12% in March.\n\nOne operator lost about 1,800 tonnes per month.';

async function seeded(dir: string) {
  return withService(dir, async (s) => {
    const { source } = await call(s, 'importText', { text: ARTICLE, title: 'Salt flats' });
    const quote = await call(s, 'createQuote', { sourceId: source.id, exact: 'almost 12%', tags: ['mining'] });
    const claim = await call(s, 'createClaim', { statement: 'Output fell', evidence: [{ quoteId: quote.id, relation: 'supports' }] });
    return { source, quote, claim };
  });
}

describe('the notebook folder', () => {
  it('is created by the first write, with sources, claims, tags and texts in separate files', async () => {
    const dir = tempDir();
    const { source, claim } = await seeded(dir);
    expect(existsSync(join(dir, 'notebook.json'))).toBe(true);
    expect(existsSync(join(dir, `sources/${source.id}.json`))).toBe(true);
    expect(existsSync(join(dir, `claims/${claim.id.slice(-1)}.json`))).toBe(true);
    expect(existsSync(join(dir, 'tags.json'))).toBe(true);
    expect(readFileSync(join(dir, `texts/${source.sha256}.txt`), 'utf8')).toBe(ARTICLE);
    expect(readFileSync(join(dir, `sources/${source.id}.json`), 'utf8')).not.toContain('1,800 tonnes per month.');
  });

  it('rewrites only the shard an edit touches', async () => {
    const dir = tempDir();
    const first = await seeded(dir);
    const other = await withService(dir, (s) => call(s, 'importText', { text: 'A second article about 3 GW.' }));
    const before = new Map(readdirSync(join(dir, 'sources')).map((n) => [n, readFileSync(join(dir, 'sources', n), 'utf8')]));
    const claimsBefore = readFileSync(join(dir, `claims/${first.claim.id.slice(-1)}.json`), 'utf8');
    await withService(dir, (s) => call(s, 'createQuote', { sourceId: other.source.id, exact: '3 GW' }));
    expect(readFileSync(join(dir, `sources/${first.source.id}.json`), 'utf8')).toBe(before.get(`${first.source.id}.json`));
    expect(readFileSync(join(dir, `sources/${other.source.id}.json`), 'utf8')).not.toBe(before.get(`${other.source.id}.json`));
    expect(readFileSync(join(dir, `claims/${first.claim.id.slice(-1)}.json`), 'utf8')).toBe(claimsBefore);
  });

  it('reopens with every record as it was saved', async () => {
    const dir = tempDir();
    const { source, quote, claim } = await seeded(dir);
    await withService(dir, async (s) => {
      expect((await call(s, 'getSource', { id: source.id })).text).toBe(ARTICLE);
      expect(await call(s, 'listQuotes', {})).toEqual([quote]);
      expect((await call(s, 'getClaim', { id: claim.id })).claim).toEqual(claim);
    });
  });

  it('recognises the same text imported twice and does not duplicate it', async () => {
    const dir = tempDir();
    const { source } = await seeded(dir);
    const again = await withService(dir, (s) => call(s, 'importText', { text: ARTICLE.replace(/\n/g, '\r\n') + '\n' }));
    expect(again).toMatchObject({ duplicate: true, source: { id: source.id } });
  });
});

describe('a write the disk refuses', () => {
  it('is reported as one line and leaves memory exactly as the disk has it', async () => {
    const dir = tempDir();
    const { source, quote } = await seeded(dir);
    const store = await open(dir);
    stores.push(store);
    const s = new NotebookService(store);
    (store as any).wal.append = () => {
      throw new Error('ENOSPC: no space left on device');
    };
    const r = await dispatch(s, 'createQuote', { sourceId: source.id, exact: '1,800 tonnes', tags: ['brand-new'] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'io', message: expect.stringMatching(/^could not save the notebook: ENOSPC/) });
    expect([...store.memory.quotes()]).toEqual([quote]);
    expect(store.memory.getTag('brand-new')).toBeUndefined();
  });
});

describe('one writer at a time', () => {
  it('refuses a second writer with a clear message', async () => {
    const dir = tempDir();
    stores.push(await open(dir));
    await expect(open(dir)).rejects.toThrow(/open in another process \(pid \d+/);
  });

  it('lets a reader in while the writer holds the lock, but not write', async () => {
    const dir = tempDir();
    await seeded(dir);
    stores.push(await open(dir));
    const reader = await NotebookStore.open(dir, { write: 'prefer' });
    stores.push(reader);
    expect(reader.writable).toBe(false);
    expect(reader.memory.counts.quotes).toBe(1);
    const r = await dispatch(new NotebookService(reader), 'importText', { text: 'More text.' });
    expect(!r.ok && r.error.code).toBe('locked');
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notebook.lock'), JSON.stringify({ pid: 2 ** 22 + 17, host: (await import('node:os')).hostname(), since: 'x' }));
    const store = await open(dir);
    stores.push(store);
    expect(store.writable).toBe(true);
  });
});

describe('a file that cannot be read', () => {
  it('is moved aside, never overwritten, and the last good backup is offered and restored', async () => {
    const dir = tempDir();
    const { source, quote } = await seeded(dir);
    await snapshot(dir); // a backup holding the good shard
    const shard = join(dir, `sources/${source.id}.json`);
    const garbage = '{"schemaVersion":1,"source":{"id":"s_broken';
    writeFileSync(shard, garbage);

    const err = await open(dir).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/sources\/s_\w+\.json could not be read \(not valid JSON.*moved to quarantine\/.*a backup from .* is available: run `notebook restore`/);
    const quarantined = readdirSync(join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(readFileSync(join(dir, 'quarantine', quarantined[0]!), 'utf8')).toBe(garbage);
    expect(existsSync(shard)).toBe(false);

    // Still refused until the researcher decides: nothing is silently dropped.
    await expect(open(dir)).rejects.toThrow(/notebook restore/);
    const restored = await NotebookStore.restore(dir, false);
    expect(restored.restored.map((r) => r.rel)).toEqual([`sources/${source.id}.json`]);
    const store = await open(dir);
    stores.push(store);
    expect(store.memory.getQuote(quote.id)).toEqual(quote);
  });

  it('whose schema is newer than this app is refused and left untouched', async () => {
    const dir = tempDir();
    const { source } = await seeded(dir);
    const shard = join(dir, `sources/${source.id}.json`);
    const data = JSON.parse(readFileSync(shard, 'utf8'));
    writeFileSync(shard, JSON.stringify({ ...data, schemaVersion: 99 }));
    const hashBefore = readFileSync(shard, 'utf8');
    await expect(open(dir)).rejects.toThrow(/newer version of the app/);
    const moved = readdirSync(join(dir, 'quarantine'));
    expect(readFileSync(join(dir, 'quarantine', moved[0]!), 'utf8')).toBe(hashBefore);
  });

  it('is not moved by a read-only opener, which reports it instead', async () => {
    const dir = tempDir();
    const { source } = await seeded(dir);
    writeFileSync(join(dir, `sources/${source.id}.json`), 'not json');
    stores.push(await open(tempDir())); // unrelated
    const hash = folderHash(dir);
    const writer = await NotebookStore.open(dir, { write: 'never' }).catch((e: Error) => e);
    expect((writer as Error).message).toMatch(/could not be read/);
    expect(folderHash(dir)).toBe(hash);
  });

  it('a stored text changed on disk is detected by its checksum', async () => {
    const dir = tempDir();
    const { source } = await seeded(dir);
    writeFileSync(join(dir, `texts/${source.sha256}.txt`), ARTICLE.replace('12%', '21%'));
    await withService(dir, async (s) => {
      const r = await dispatch(s, 'getSource', { id: source.id });
      expect(!r.ok && r.error.code).toBe('corrupt');
      expect(!r.ok && r.error.message).toMatch(/does not match its SHA-256/);
    });
  });
});

describe('prototype pollution', () => {
  it('a stored record with a __proto__ key is rejected, and nothing is polluted', async () => {
    const dir = tempDir();
    const { source } = await seeded(dir);
    const shard = join(dir, `sources/${source.id}.json`);
    const raw = readFileSync(shard, 'utf8').replace('"schemaVersion":3,', '"schemaVersion":3,"__proto__":{"polluted":"yes"},');
    expect(raw).toContain('__proto__');
    writeFileSync(shard, raw);
    await expect(open(dir)).rejects.toThrow(/invalid content/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('API arguments with __proto__ or constructor keys are refused', async () => {
    const dir = tempDir();
    await withService(dir, async (s) => {
      for (const payload of ['{"statement":"x","__proto__":{"polluted":1}}', '{"statement":"x","constructor":{"prototype":{"polluted":1}}}']) {
        const r = await dispatch(s, 'createClaim', JSON.parse(payload));
        expect(!r.ok && r.error.code).toBe('invalid_argument');
      }
      const tag = await dispatch(s, 'createClaim', { statement: 'x', tags: ['__proto__'] });
      expect(tag.ok).toBe(true); // a tag may be called anything: it is a Map key, never an object key
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(s.store.memory.getTag('__proto__')).toBeDefined();
    });
  });
});

describe('migrations and recovery', () => {
  it('upgrades a shard written by schema 0 (notes were called "comment"; no versions or anchor state) when loading it', async () => {
    const dir = tempDir();
    const { source, quote } = await seeded(dir);
    const shard = join(dir, `sources/${source.id}.json`);
    const data = JSON.parse(readFileSync(shard, 'utf8'));
    data.schemaVersion = 0;
    delete data.source.versions;
    data.quotes = data.quotes.map(({ note: _n, anchor: _a, origin: _o, ...q }: Record<string, unknown>) => ({ ...q, comment: 'old note' }));
    writeFileSync(shard, JSON.stringify(data));
    const store = await open(dir);
    stores.push(store);
    expect(store.memory.getQuote(quote.id)).toEqual({ ...quote, note: 'old note' });
    expect(store.memory.getSource(source.id)?.versions).toEqual([]);
  });

  it('replays acknowledged edits from the write-ahead log when the process died before folding them into the shards', async () => {
    const dir = tempDir();
    const { source } = await seeded(dir);
    const store = await open(dir);
    const s = new NotebookService(store);
    const q = await call(s, 'createQuote', { sourceId: source.id, exact: '1,800 tonnes' });
    // Simulate a crash: the lock is dropped but close() (which compacts) never runs.
    await (store as any).lock.release();
    expect(readFileSync(join(dir, `sources/${source.id}.json`), 'utf8')).not.toContain(q.id);
    expect(readFileSync(join(dir, 'wal.log'), 'utf8')).toContain(q.id);
    const reopened = await open(dir);
    stores.push(reopened);
    expect(reopened.memory.getQuote(q.id)).toEqual(q);
  });

  it('creates no log file for a session that changes nothing (a copied notebook stays byte-identical)', async () => {
    const dir = tempDir();
    const { source } = await seeded(dir);
    rmSync(join(dir, 'wal.log'));
    const before = folderHash(dir);
    await withService(dir, async (s) => {
      const r = await dispatch(s, 'createQuote', { sourceId: source.id, exact: 'not in the text' });
      expect(!r.ok && r.error.code).toBe('not_in_source');
    });
    expect(folderHash(dir)).toBe(before);
  });

  it('removes temp files left by a write that a crash cut short', async () => {
    const dir = tempDir();
    await seeded(dir);
    writeFileSync(join(dir, 'sources/.stray.json.0badcafe.tmp'), 'half a file');
    stores.push(await open(dir));
    expect(existsSync(join(dir, 'sources/.stray.json.0badcafe.tmp'))).toBe(false);
  });

  it('keeps a small ring of backups: record files copied, texts hard-linked', async () => {
    const dir = tempDir();
    await seeded(dir);
    for (let i = 0; i < 7; i++) await snapshot(dir, new Date(Date.UTC(2026, 0, 1, 0, i)));
    const ring = readdirSync(join(dir, '.backups'));
    expect(ring).toHaveLength(5);
    const newest = join(dir, '.backups', ring.sort().at(-1)!);
    expect(readFileSync(join(newest, 'notebook.json'), 'utf8')).toBe(readFileSync(join(dir, 'notebook.json'), 'utf8'));
    expect(statSync(join(newest, 'notebook.json')).ino).not.toBe(statSync(join(dir, 'notebook.json')).ino);
    const text = readdirSync(join(dir, 'texts'))[0]!;
    expect(statSync(join(newest, 'texts', text)).ino).toBe(statSync(join(dir, 'texts', text)).ino);
  });
});
