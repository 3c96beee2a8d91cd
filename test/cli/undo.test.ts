/**
 * `notebook undo` and `notebook redo`: the CLI opens the notebook afresh for each
 * command, so its undo has no edit of its own to reach; it says so in one line,
 * exits non-zero and changes nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, folderHash, tempDir } from '../support/notebook.ts';

describe('notebook undo and redo', () => {
  it('say clearly that a fresh command has nothing to undo or redo, and change nothing', async () => {
    const dir = tempDir();
    const file = join(tempDir(), 'weir.txt');
    writeFileSync(file, 'Weir repairs\n\nThe weir at Salden was closed for nine days of repairs.');
    expect((await cli(dir, ['import', file])).code).toBe(0);
    const before = folderHash(dir);
    const undo = await cli(dir, ['undo']);
    expect(undo.code).toBe(1);
    expect(undo.stdout).toBe('');
    expect(undo.stderr.trim().split('\n')).toHaveLength(1);
    expect(undo.stderr).toMatch(/^notebook: Nothing to undo: this command opened the notebook afresh/);
    expect(undo.stderr).toMatch(/in the app \(Ctrl\+Z\)/);
    const redo = await cli(dir, ['redo']);
    expect(redo.code).toBe(1);
    expect(redo.stderr).toMatch(/^notebook: Nothing to redo:/);
    expect(folderHash(dir)).toBe(before);
  });

  it('explain in the help text whose edits they reach', async () => {
    const help = await cli(tempDir(), ['undo', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/opens the notebook\s+afresh/);
    expect(help.stdout).toMatch(/Once the app\s+hosts the notebook/);
  });
});
