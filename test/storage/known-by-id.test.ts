/**
 * Records are known by their id, not their file name: a source shard under another
 * name (a sync tool's conflict copy) or a claim in another bucket is reported and
 * resolved once, and a deletion afterwards is final — the record never comes back.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { tempDir } from '../support/notebook.ts';

const open = (dir: string, load: 'all' | 'lazy' = 'all') => NotebookStore.open(dir, { write: 'required', load });

async function call(s: NotebookService, method: string, args: unknown) {
  const r = await dispatch(s, method, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as any;
}

async function withService<T>(dir: string, fn: (s: NotebookService, store: NotebookStore) => Promise<T>, load: 'all' | 'lazy' = 'all'): Promise<T> {
  const store = await open(dir, load);
  try {
    return await fn(new NotebookService(store), store);
  } finally {
    await store.close();
  }
}

async function seeded() {
  const dir = tempDir();
  const made = await withService(dir, async (s) => {
    const { source } = await call(s, 'importText', { text: 'Output fell by almost 12% in March.', title: 'Salt flats' });
    const claim = await call(s, 'createClaim', { statement: 'Output fell' });
    return { source, claim };
  });
  return { dir, ...made };
}

describe('a source shard under another name', () => {
  for (const load of ['all', 'lazy'] as const) {
    it(`beside the real one (${load}): the copy is moved aside and reported, and deleting the source is final`, async () => {
      const { dir, source } = await seeded();
      const conflict = `sources/${source.id}.sync-conflict-20260101.json`;
      copyFileSync(join(dir, `sources/${source.id}.json`), join(dir, conflict));
      await withService(
        dir,
        async (s, store) => {
          expect(store.recovery).toHaveLength(1);
          expect(store.recovery[0]).toMatch(
            new RegExp(
              `^${conflict.replace(/\./g, '\\.')} is a second copy of source ${source.id}, which the notebook keeps in sources/${source.id}\\.json; the copy was moved to quarantine/\\S+ and is not used$`,
            ),
          );
          expect((await call(s, 'listSources', {})).map((x: any) => x.id)).toEqual([source.id]);
          await call(s, 'deleteSource', { id: source.id });
        },
        load,
      );
      expect(existsSync(join(dir, conflict))).toBe(false);
      await withService(dir, async (s, store) => {
        expect(store.recovery).toEqual([]);
        expect(await call(s, 'listSources', {})).toEqual([]);
      });
    });
  }

  it('alone: it is renamed to the name the notebook knows it by, once, and deleting it is final', async () => {
    const { dir, source } = await seeded();
    const conflict = `sources/${source.id} (1).json`;
    renameSync(join(dir, `sources/${source.id}.json`), join(dir, conflict));
    await withService(dir, async (s, store) => {
      expect(store.recovery).toEqual([`${conflict} holds source ${source.id}; it was renamed sources/${source.id}.json, the name the notebook knows it by`]);
      await call(s, 'deleteSource', { id: source.id });
    });
    expect(readdirSync(join(dir, 'sources'))).toEqual([]);
    await withService(dir, async (s) => expect(await call(s, 'listSources', {})).toEqual([]));
  });

  it('under another valid id is refused and moved aside, never read as that id', async () => {
    const { dir, source } = await seeded();
    const other = `s_${'b'.repeat(10)}`;
    copyFileSync(join(dir, `sources/${source.id}.json`), join(dir, `sources/${other}.json`));
    await expect(open(dir)).rejects.toThrow(new RegExp(`sources/${other}\\.json could not be read \\(it holds source ${source.id}, not ${other}\\)`));
  });
});

describe('a claim in another bucket', () => {
  it('is reported, moved to its own bucket, and deleting it is final', async () => {
    const { dir, claim } = await seeded();
    const own = `claims/${claim.id.slice(-1)}.json`;
    const wrong = `claims/${claim.id.slice(-1) === 'z' ? 'y' : 'z'}.json`;
    renameSync(join(dir, own), join(dir, wrong));
    const before = readFileSync(join(dir, wrong), 'utf8');
    await withService(dir, async (s, store) => {
      expect((await call(s, 'getClaim', { id: claim.id })).claim.id).toBe(claim.id);
      expect(store.recovery[0]).toMatch(
        new RegExp(`^${wrong} held claim ${claim.id} of another bucket; they are moved to their own when the notebook closes \\(a copy of ${wrong} as it was is at quarantine/(\\S+)\\)$`),
      );
      const kept = /quarantine\/(\S+)\)$/.exec(store.recovery[0]!)![1]!;
      expect(readFileSync(join(dir, 'quarantine', kept), 'utf8')).toBe(before);
    });
    expect(existsSync(join(dir, wrong))).toBe(false);
    expect(existsSync(join(dir, own))).toBe(true);
    await withService(dir, async (s, store) => {
      expect(store.recovery).toEqual([]);
      await call(s, 'deleteClaim', { id: claim.id });
    });
    await withService(dir, async (s) => expect(await call(s, 'listClaims', {})).toEqual([]));
  });

  it('twice, in its own bucket and another, is loaded once from its own', async () => {
    const { dir, claim } = await seeded();
    const own = `claims/${claim.id.slice(-1)}.json`;
    const wrong = `claims/${claim.id.slice(-1) === 'z' ? 'y' : 'z'}.json`;
    const stale = readFileSync(join(dir, own), 'utf8').replace('Output fell', 'A stale copy');
    writeFileSync(join(dir, wrong), stale);
    await withService(dir, async (s) => {
      expect((await call(s, 'getClaim', { id: claim.id })).claim.statement).toBe('Output fell');
      await call(s, 'deleteClaim', { id: claim.id });
    });
    expect(existsSync(join(dir, wrong))).toBe(false);
    await withService(dir, async (s) => expect(await call(s, 'listClaims', {})).toEqual([]));
  });
});
