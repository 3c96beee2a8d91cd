/**
 * Sharing a notebook through git: `share init`, the record-by-record merge driver
 * under real `git merge`, deletions against edits, clashes kept for review, links
 * settled after a merge, Syncthing's conflict copies merged on open, the pre-commit
 * check, and bad input to the driver.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseNotebook } from '../core/history-support.ts';
import { cliProcess, folderHash, tempDir } from '../support/notebook.ts';
import { audit, git, mergeInto, shareCopy, sharedFiles, tempCopy, withCopy } from './support.ts';

type Ids = Record<'harbour' | 'orchard' | 'berth' | 'grain' | 'apples' | 'c1' | 'c2' | 'c3', string>;

/** A shared notebook (the invented base content) and a clone of it. */
async function twoCopies() {
  const nb = await baseNotebook();
  await nb.close();
  shareCopy(nb.dir);
  const b = tempCopy('b');
  shareCopy(b, nb.dir);
  return { a: nb.dir, b, ids: nb.ids as Ids };
}

const edit = async (dir: string, fn: (call: (m: string, args: unknown) => Promise<any>) => Promise<unknown>, message = 'edit') => {
  await withCopy(dir, (nb) => fn(nb.call));
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', message);
};
const quoteOf = (dir: string, id: string) => audit(dir).records.get(id) as any;

describe('notebook share', () => {
  it('init keeps machine-local files out of git and registers the driver and hooks', async () => {
    const { a } = await twoCopies();
    expect(readFileSync(join(a, '.gitignore'), 'utf8')).toContain('/wal.log');
    expect(git(a, 'config', 'merge.notebook.driver')).toMatch(/notebook\.mjs' share merge-file %O %A %B %P/);
    expect(git(a, 'check-attr', 'merge', 'sources/x.json', 'claims/a.json', 'tags.json', 'trash/y.json').match(/: merge: notebook/g)).toHaveLength(4);
    const tracked = git(a, 'ls-files').split('\n');
    expect(tracked).toContain('notebook.json');
    expect(tracked.filter((p) => /^(wal\.log|notebook\.lock|\.backups|quarantine|\.index|\.host\.json)/.test(p))).toEqual([]);
    // A second init changes nothing.
    const before = folderHash(join(a, '.git', 'hooks')) + readFileSync(join(a, '.gitignore'), 'utf8');
    expect(cliProcess(a, ['share', 'init']).code).toBe(0);
    expect(folderHash(join(a, '.git', 'hooks')) + readFileSync(join(a, '.gitignore'), 'utf8')).toBe(before);
  });

  it('independent edits to different quotes of the same source merge with 0 git conflicts', async () => {
    const { a, b, ids } = await twoCopies();
    await edit(a, (call) => call('updateQuote', { id: ids.berth, patch: { note: 'from A' } }));
    let added = '';
    await edit(b, async (call) => {
      await call('updateQuote', { id: ids.grain, patch: { color: 'blue' } });
      added = (await call('createQuote', { sourceId: ids.harbour, exact: 'the night shifts were the busiest' })).id;
    });
    const m = mergeInto(a, b);
    expect(m.conflicts).toEqual([]);
    expect(quoteOf(a, ids.berth).note).toBe('from A');
    expect(quoteOf(a, ids.grain).color).toBe('blue');
    expect(quoteOf(a, added)).toBeDefined();
    expect(quoteOf(a, ids.berth).mergeClashes).toBeUndefined();
    expect(audit(a)).toMatchObject({ invalid: [], dangling: [] });
    mergeInto(b, a);
    expect(sharedFiles(b)).toEqual(sharedFiles(a));
  });

  it('a field both copies changed keeps one value, lists both, and reads back through the service', async () => {
    const { a, b, ids } = await twoCopies();
    await edit(a, (call) => call('updateQuote', { id: ids.berth, patch: { note: 'A says spring' } }));
    await edit(b, (call) => call('updateQuote', { id: ids.berth, patch: { note: 'B says summer' } }));
    expect(mergeInto(a, b).conflicts).toEqual([]);
    const q = quoteOf(a, ids.berth);
    expect(['A says spring', 'B says summer']).toContain(q.note);
    expect(q.mergeClashes).toHaveLength(1);
    expect(q.mergeClashes[0].field).toBe('note');
    expect(new Set([JSON.parse(q.mergeClashes[0].kept).note, JSON.parse(q.mergeClashes[0].other).note])).toEqual(new Set(['A says spring', 'B says summer']));
    expect(JSON.parse(q.mergeClashes[0].kept).note).toBe(q.note);
    // The other merge order keeps the same value.
    mergeInto(b, a);
    expect(quoteOf(b, ids.berth)).toEqual(q);
    await withCopy(a, async (nb) => expect((await nb.call('listQuotes', {})).find((x: any) => x.id === ids.berth).mergeClashes).toHaveLength(1));
    const listed = cliProcess(a, ['share', 'clashes', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.json.clashes).toEqual([{ id: ids.berth, clashes: q.mergeClashes }]);
    const human = cliProcess(a, ['share', 'clashes']).stdout.trim();
    expect(human).toBe(`${ids.berth}  note: kept ${q.mergeClashes[0].kept}, other copy had ${q.mergeClashes[0].other}`);
  });

  it('a deletion wins over an unchanged record; an edited one is kept and flagged', async () => {
    const { a, b, ids } = await twoCopies();
    await edit(a, async (call) => {
      await call('deleteQuote', { id: ids.berth });
      await call('deleteClaim', { id: ids.c3 });
    });
    await edit(b, (call) => call('updateQuote', { id: ids.berth, patch: { note: 'still needed' } }));
    expect(mergeInto(a, b).conflicts).toEqual([]);
    const files = audit(a);
    expect(files.ids.has(ids.c3)).toBe(false);
    expect(quoteOf(a, ids.berth).note).toBe('still needed');
    expect(quoteOf(a, ids.berth).mergeClashes).toEqual([{ field: 'deleted', kept: '"changed"', other: '"deleted"' }]);
    expect(files).toMatchObject({ invalid: [], dangling: [] });
  });

  it('a source deleted in one copy and given a quote in the other stays live; git stops and share resolve finishes', async () => {
    const { a, b, ids } = await twoCopies();
    await edit(a, (call) => call('deleteSource', { id: ids.orchard }));
    let added = '';
    await edit(b, async (call) => (added = (await call('createQuote', { sourceId: ids.orchard, exact: 'Pear yields stayed flat' })).id));
    const m = mergeInto(a, b);
    expect(m.conflicts).toEqual([`sources/${ids.orchard}.json`]);
    expect(existsSync(join(a, `trash/${ids.orchard}.json`))).toBe(false);
    expect(quoteOf(a, added)).toBeDefined();
    expect(quoteOf(a, ids.apples)).toBeDefined();
    expect(audit(a)).toMatchObject({ invalid: [], dangling: [] });
    expect(git(a, 'status', '--porcelain')).toBe('');
  });

  it('a quote added just before its source was deleted survives a merge with a copy that changed the source', async () => {
    const { a, b, ids } = await twoCopies();
    let added = '';
    await edit(a, async (call) => {
      added = (await call('createQuote', { sourceId: ids.orchard, exact: 'Pear yields stayed flat' })).id;
      await call('deleteSource', { id: ids.orchard });
    });
    await edit(b, (call) => call('updateSource', { id: ids.orchard, patch: { title: 'Orchards, corrected' } }));
    mergeInto(a, b);
    const files = audit(a);
    expect(files).toMatchObject({ invalid: [], dangling: [] });
    expect(existsSync(join(a, `sources/${ids.orchard}.json`))).toBe(true);
    expect(quoteOf(a, added)).toBeDefined();
    expect((files.records.get(ids.orchard) as any).title).toBe('Orchards, corrected');
    expect((files.records.get(ids.orchard) as any).mergeClashes).toEqual([{ field: 'deleted', kept: '"changed"', other: '"deleted"' }]);
  });

  it('a source both copies deleted, each after adding a quote, keeps both quotes in the trash', async () => {
    const { a, b, ids } = await twoCopies();
    const added: string[] = [];
    for (const [dir, exact] of [
      [a, 'Pear yields stayed flat'],
      [b, 'Apple growers in the Merrow valley'],
    ] as const) {
      await edit(dir, async (call) => {
        added.push((await call('createQuote', { sourceId: ids.orchard, exact })).id);
        await call('deleteSource', { id: ids.orchard });
      });
    }
    expect(mergeInto(a, b).conflicts).toEqual([]);
    const entry = JSON.parse(readFileSync(join(a, `trash/${ids.orchard}.json`), 'utf8'));
    expect(entry.quotes.map((q: any) => q.id)).toEqual(expect.arrayContaining([...added, ids.apples]));
    expect(audit(a)).toMatchObject({ invalid: [], dangling: [] });
    // Restored, the source comes back with the quotes of both copies.
    await withCopy(a, async (nb) => {
      await nb.call('restoreSource', { id: ids.orchard });
      expect((await nb.call('listQuotes', {})).map((q: any) => q.id)).toEqual(expect.arrayContaining(added));
    });
  });

  it('evidence citing a quote deleted in the other copy is removed after the merge (post-merge hook)', async () => {
    const { a, b, ids } = await twoCopies();
    await edit(a, (call) => call('deleteQuote', { id: ids.apples }));
    await edit(b, (call) => call('linkEvidence', { claimId: ids.c3, quoteId: ids.apples, relation: 'context' }));
    expect(mergeInto(a, b).conflicts).toEqual([]);
    expect(audit(a)).toMatchObject({ invalid: [], dangling: [] });
    expect(git(a, 'log', '-1', '--format=%s')).toBe('notebook: links settled after the merge\n');
    expect(git(a, 'log', '-1', '--format=%P').trim().split(' ')).toHaveLength(1);
    expect(git(a, 'status', '--porcelain')).toBe('');
  });

  it('a tag renamed in one copy and used in the other keeps a tag record for every tag in use', async () => {
    const { a, b, ids } = await twoCopies();
    await edit(a, (call) => call('renameTag', { from: 'ports', to: 'harbours' }));
    await edit(b, (call) => call('createQuote', { sourceId: ids.harbour, exact: 'Dock workers said', tags: ['ports'] }));
    mergeInto(a, b);
    expect(audit(a)).toMatchObject({ invalid: [], dangling: [] });
  });

  it('the pre-commit hook refuses while the log holds changes; share flush writes them', async () => {
    const { a, ids } = await twoCopies();
    const { openService } = await import('../support/notebook.ts');
    const nb = await openService(a);
    await nb.call('updateQuote', { id: ids.berth, patch: { note: 'in the log' } });
    // Leave the log as a crash would: the lock goes, the log stays.
    await (nb.store as any).lock.release();
    git(a, 'add', '-A');
    const r = cliProcess(a, ['share', 'pre-commit']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/log holds 1 change not yet written/);
    expect(cliProcess(a, ['share', 'flush']).code).toBe(0);
    expect(cliProcess(a, ['share', 'pre-commit']).code).toBe(0);
  });

  it('the driver refuses a file it cannot read in one line and leaves OURS as it was', async () => {
    const { a } = await twoCopies();
    const dir = tempDir('nb-driver-');
    const src = readdirSync(join(a, 'sources'))[0]!;
    const ours = join(dir, 'ours');
    writeFileSync(join(dir, 'base'), readFileSync(join(a, 'sources', src)));
    writeFileSync(ours, readFileSync(join(a, 'sources', src)));
    writeFileSync(join(dir, 'theirs'), '{"schemaVersion": 3, "source": 1');
    const before = readFileSync(ours, 'utf8');
    const r = cliProcess(a, ['share', 'merge-file', join(dir, 'base'), ours, join(dir, 'theirs'), `sources/${src}`]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/their version is not a notebook source file/);
    expect(readFileSync(ours, 'utf8')).toBe(before);
  });
});

describe('Syncthing conflict copies', () => {
  it('are merged into the file they conflict with on open, and kept in quarantine', async () => {
    const nb = await baseNotebook();
    const ids = nb.ids as Ids;
    await nb.close();
    const rel = `sources/${ids.harbour}.json`;
    const before = readFileSync(join(nb.dir, rel), 'utf8');
    // The other machine's edit: a new note on one quote; this machine's: another quote's colour.
    let added = '';
    await withCopy(nb.dir, async (s) => {
      await s.call('updateQuote', { id: ids.berth, patch: { note: 'other machine' } });
      added = (await s.call('createQuote', { sourceId: ids.harbour, exact: 'Dock workers said' })).id;
    });
    const theirs = readFileSync(join(nb.dir, rel), 'utf8');
    writeFileSync(join(nb.dir, rel), before);
    await withCopy(nb.dir, (s) => s.call('updateQuote', { id: ids.grain, patch: { color: 'pink' } }));
    const copy = `sources/${ids.harbour}.sync-conflict-20260101-120000-ABCDEFG.json`;
    writeFileSync(join(nb.dir, copy), theirs);
    await withCopy(nb.dir, async (s) => {
      const info = await s.call('getInfo', {});
      expect(JSON.stringify(info)).toMatch(/conflict copy of sources\//);
      const quotes = await s.call('listQuotes', {});
      expect(quotes.find((q: any) => q.id === ids.berth).note).toBe('other machine');
      expect(quotes.find((q: any) => q.id === ids.grain).color).toBe('pink');
      expect(quotes.find((q: any) => q.id === added)).toBeDefined();
    });
    expect(existsSync(join(nb.dir, copy))).toBe(false);
    expect(readdirSync(join(nb.dir, 'quarantine')).some((n) => n.includes('sync-conflict'))).toBe(true);
    expect(audit(nb.dir)).toMatchObject({ invalid: [], dangling: [] });
  });
});
