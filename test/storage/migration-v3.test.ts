/**
 * Opening a notebook written by the previous version (schema 2, checked in under
 * test/fixtures/notebook-v2 as that version wrote it): its claims' quantities gain
 * bands, and nothing else changes. A schema-2 write-ahead-log line (a crash just
 * before the upgrade) reads the same way instead of being quarantined.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NotebookStore } from '../../electron/storage/store.ts';
import { encodeEntry, WAL_FILE } from '../../electron/storage/wal.ts';
import type { Change } from '../../shared/model/view.ts';
import { tempDir } from '../support/notebook.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/notebook-v2/', import.meta.url));

type Json = Record<string, any>;
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8'));
const v2Claims = (): Json[] => readdirSync(join(FIXTURE, 'claims')).flatMap((f) => readJson(join(FIXTURE, 'claims', f)).claims);

function copyOfFixture(): string {
  const dir = join(tempDir(), 'notebook');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('a notebook written by schema 2', () => {
  it('opens; near hedges gain their band; every other field of every record is unchanged', async () => {
    const dir = copyOfFixture();
    const store = await NotebookStore.open(dir, { write: 'required' });
    try {
      const before = new Map(v2Claims().map((c) => [c.id, c]));
      const after = [...store.memory.claims()];
      expect(after.map((c) => c.id).sort()).toEqual([...before.keys()].sort());
      for (const claim of after) {
        const old = before.get(claim.id)!;
        const { quantity, ...rest } = claim;
        const { quantity: oldQuantity, ...oldRest } = old;
        expect(rest).toEqual(oldRest);
        if (oldQuantity === null) expect(quantity).toBeNull();
        else expect(quantity).toEqual({ ...oldQuantity, ...bandOf(oldQuantity), kind: 'level', asOf: null, reading: null });
      }
      const almost = after.find((c) => c.quantity?.raw === 'almost 70%')!.quantity!;
      expect(almost).toMatchObject({ bound: 'near-below', lower: 63, upper: 70 });
      const moreThan = after.find((c) => c.quantity?.raw === 'more than 1,200')!.quantity!;
      expect(moreThan).toMatchObject({ bound: 'lower', lower: 1200, upper: null });
      // sources, quotes and tags are as schema 2 wrote them
      const shard = readJson(join(FIXTURE, 'sources', readdirSync(join(FIXTURE, 'sources'))[0]!));
      expect(store.memory.getSource(shard.source.id)).toEqual(shard.source);
      expect([...store.memory.quotesOf(shard.source.id)].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...shard.quotes].sort((a, b) => a.id.localeCompare(b.id)));
      expect([...store.memory.tags()]).toEqual(readJson(join(FIXTURE, 'tags.json')).tags);
    } finally {
      await store.close();
    }
  });

  it('reads a figure’s time from a statement that holds it, where the date needs no source to resolve', async () => {
    const dir = copyOfFixture();
    const shardPath = join(dir, 'claims', readdirSync(join(dir, 'claims'))[0]!);
    const shard = readJson(shardPath);
    const claim = shard.claims.find((c: Json) => c.quantity !== null);
    claim.statement = `Members stood at ${claim.quantity.raw} in September 2019`;
    writeFileSync(shardPath, JSON.stringify(shard));
    const store = await NotebookStore.open(dir, { write: 'required' });
    try {
      expect(store.memory.getClaim(claim.id)!.quantity!.asOf).toMatchObject({ from: '2019-09-01', to: '2019-09-30' });
    } finally {
      await store.close();
    }
  });

  it('replays a schema-2 log line left by a crash, upgrading its quantity instead of quarantining the log', async () => {
    const dir = copyOfFixture();
    const claim: Json = { ...v2Claims().find((c) => c.quantity?.raw === 'almost 70%')!, note: 'written just before the crash' };
    writeFileSync(join(dir, WAL_FILE), encodeEntry([{ kind: 'claim', op: 'put', record: claim } as unknown as Change]));
    const store = await NotebookStore.open(dir, { write: 'required' });
    try {
      const got = store.memory.getClaim(claim.id)!;
      expect(got.note).toBe('written just before the crash');
      expect(got.quantity).toMatchObject({ bound: 'near-below', lower: 63, upper: 70, kind: 'level' });
    } finally {
      await store.close();
    }
  });
});

/** What schema 3 adds to a schema-2 quantity: near hedges get a band, open ones keep theirs. */
function bandOf(q: Json): Json {
  if (q.hedge === 'almost' && q.bound === 'upper') return { bound: 'near-below', lower: 63, upper: 70 };
  return {};
}
