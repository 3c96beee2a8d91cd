/**
 * `notebook undo` and `notebook redo` with no app or `notebook serve` running: the
 * command opens the notebook afresh, so there is no earlier edit to reach; it says
 * so in one line, exits non-zero and changes nothing. (With a host running they
 * reach the notebook's last edit: test/host.)
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
    expect(undo.stderr).toMatch(/^notebook: Nothing to undo: no app or `notebook serve` has this notebook open, and a command that opens it afresh has no earlier edit to undo$/m);
    const redo = await cli(dir, ['redo']);
    expect(redo.code).toBe(1);
    expect(redo.stderr).toMatch(/^notebook: Nothing to redo:/);
    expect(folderHash(dir)).toBe(before);
  });

  it('explain in the help text whose edits they reach', async () => {
    const help = await cli(tempDir(), ['undo', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Undo reaches the notebook's last edit, whoever made it/);
    expect(help.stdout).toMatch(/With neither running, each command opens the notebook afresh/);
  });
});
