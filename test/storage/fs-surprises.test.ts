/**
 * Filesystem surprises get one line naming the path and what to do, never an
 * "unexpected error": a folder where a shard, tags.json or wal.log should be, a
 * file where sources/ should be, a file the user may not read.
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFsError } from '../../electron/storage/fs-errors.ts';
import { cli, tempDir } from '../support/notebook.ts';

/** A notebook with one imported source. */
async function notebook() {
  const dir = tempDir();
  const file = join(tempDir(), 'harbour.txt');
  writeFileSync(file, 'The ferry ran 14 crossings a day.\n');
  const imported = await cli(dir, ['import', file, '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  return dir;
}

const oneLine = (s: string) => expect(s).toMatch(/^notebook: [^\n]+\n$/);

describe('filesystem surprises', () => {
  it('a folder where tags.json, wal.log or a shard should be', async () => {
    for (const target of ['tags.json', 'wal.log', 'shard']) {
      const dir = await notebook();
      const rel = target === 'shard' ? `sources/${readdirSync(join(dir, 'sources'))[0]}` : target;
      rmSync(join(dir, rel), { force: true });
      mkdirSync(join(dir, rel));
      const r = await cli(dir, ['sources']);
      expect(r.code, `${target}: ${r.stderr}`).toBe(1);
      oneLine(r.stderr);
      expect(r.stderr).toContain(`${rel} in the notebook ${dir} is a folder where the notebook expects a file; move that folder out of the notebook folder, then try again`);
    }
  });

  it('a file where sources/ should be', async () => {
    const dir = await notebook();
    renameSync(join(dir, 'sources'), join(dir, 'sources-moved'));
    writeFileSync(join(dir, 'sources'), 'not a folder');
    const r = await cli(dir, ['sources']);
    expect(r.code, r.stderr).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/sources in the notebook .*: part of this path is a file where the notebook expects a folder; move that file out of the notebook folder, then try again/);
  });

  it('permission denied names the path and what to do', () => {
    const e = Object.assign(new Error("EACCES: permission denied, open '/nb/claims/a.json'"), { code: 'EACCES', path: '/nb/claims/a.json' });
    expect(describeFsError(e, '/nb')!.message).toBe(
      'claims/a.json in the notebook /nb: permission denied (EACCES); give your user read and write access to it (or open the notebook read-only for listing), then try again',
    );
    expect(describeFsError(new Error('other'))).toBeNull();
  });
});

describe('a huge write-ahead log', () => {
  it('is refused in one line naming it and what to do, without reading it', async () => {
    const dir = await notebook();
    const fd = openSync(join(dir, 'wal.log'), 'w');
    ftruncateSync(fd, 300 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    const r = await cli(dir, ['sources']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'notebook: wal.log is 300 MB, far larger than the notebook ever writes it, and was not read; move it out of the notebook folder (the notebook then opens without the changes it may hold) and keep it for inspection\n',
    );
  });
});
