/**
 * A notebook touches only what is its own: opening a folder that is not a notebook
 * (files, no notebook.json) refuses in one line and writes, moves or removes nothing
 * there — not even a lock or someone's `.thesis.docx.tmp`; inside a notebook, only
 * temp files of exactly the shape the notebook writes are cleaned up; and a symbolic
 * link where a notebook file should be (the log, a shard, a text) is refused, never
 * followed, so the file it points to outside is never read, truncated or written.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotebookStore } from '../../electron/storage/store.ts';
import { cli, folderHash, openService, tempDir } from '../support/notebook.ts';

async function notebookWithQuote() {
  const dir = tempDir('nb-foreign-');
  const nb = await openService(dir);
  const { source } = await nb.call('importText', { text: 'The lock keeper counted 212 barges in May.', title: 'Lock' });
  await nb.call('createQuote', { sourceId: source.id, exact: '212 barges' });
  await nb.close();
  return { dir, sourceId: source.id as string, sha: source.sha256 as string };
}

describe('a folder that is not a notebook', () => {
  it('is refused in one line with nothing in it written, moved or removed', async () => {
    const dir = tempDir('not-a-notebook-');
    writeFileSync(join(dir, 'thesis.docx'), 'chapter one');
    writeFileSync(join(dir, '.thesis.docx.tmp'), 'autosave of chapter one');
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', '.draft.json.tmp'), 'someone else’s');
    const before = folderHash(dir);
    for (const write of ['required', 'prefer', 'never'] as const) {
      await expect(NotebookStore.open(dir, { write })).rejects.toThrow(/is not a notebook folder \(it has no notebook\.json\)/);
    }
    const r = await cli(dir, ['quote', 's_0000000001', '--exact', 'x']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/is not a notebook folder/);
    expect(folderHash(dir)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['.thesis.docx.tmp', 'sources', 'thesis.docx']);
  });

  it('inside a notebook, cleans up only temp files the notebook itself writes', async () => {
    const { dir } = await notebookWithQuote();
    writeFileSync(join(dir, 'sources', '.s_0000000001.json.0a1b2c3d.tmp'), '{"cut short');
    writeFileSync(join(dir, '.thesis.docx.tmp'), 'not ours');
    const nb = await NotebookStore.open(dir, { write: 'required' });
    await nb.close();
    expect(readdirSync(join(dir, 'sources')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(dir, '.thesis.docx.tmp'), 'utf8')).toBe('not ours');
  });
});

describe('symbolic links inside a notebook', () => {
  it('refuses a linked wal.log without truncating or writing the file it points to', async () => {
    const { dir } = await notebookWithQuote();
    const outside = join(tempDir('outside-'), 'precious.txt');
    writeFileSync(outside, 'a file outside the notebook');
    try {
      unlinkSync(join(dir, 'wal.log'));
    } catch {
      // compaction on close may have left no log
    }
    symlinkSync(outside, join(dir, 'wal.log'));
    for (const args of [['sources'], ['quote', 's_0000000001', '--exact', 'x']]) {
      const r = await cli(dir, args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(/wal\.log in the notebook folder is a symbolic link; a notebook never follows links/);
    }
    expect(readFileSync(outside, 'utf8')).toBe('a file outside the notebook');
  });

  it('refuses a shard or a text that is a link, never reading what it points to', async () => {
    const { dir, sourceId, sha } = await notebookWithQuote();
    const elsewhere = tempDir('elsewhere-');
    // A shard replaced by a link to a copy of itself elsewhere: still refused, because it is a link.
    const shard = join(dir, 'sources', `${sourceId}.json`);
    writeFileSync(join(elsewhere, 'copy.json'), readFileSync(shard));
    unlinkSync(shard);
    symlinkSync(join(elsewhere, 'copy.json'), shard);
    const listed = await cli(dir, ['sources']);
    expect(listed.code).not.toBe(0);
    expect(listed.stderr).toMatch(new RegExp(`sources/${sourceId}\\.json in the notebook folder is a symbolic link`));
    // The same for a text (a FIFO or /dev/zero behind it would hang a read).
    unlinkSync(shard);
    writeFileSync(shard, readFileSync(join(elsewhere, 'copy.json')));
    const text = join(dir, 'texts', `${sha}.txt`);
    writeFileSync(join(elsewhere, 'text.txt'), readFileSync(text));
    unlinkSync(text);
    symlinkSync('/dev/zero', text);
    const shown = await cli(dir, ['show', sourceId]);
    expect(shown.code).not.toBe(0);
    expect(shown.stderr).toMatch(/texts\/[0-9a-f]{64}\.txt in the notebook folder is a symbolic link/);
  });

  it('refuses a notebook whose sources folder is a link', async () => {
    const { dir } = await notebookWithQuote();
    const moved = join(tempDir('moved-'), 'sources');
    renameSync(join(dir, 'sources'), moved);
    symlinkSync(moved, join(dir, 'sources'));
    await expect(NotebookStore.open(dir, { write: 'required' })).rejects.toThrow(/^sources in the notebook folder is a symbolic link/);
  });
});
