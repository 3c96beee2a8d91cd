import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportPathError, suggestFileName, writeExport } from '../../electron/export/write.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'export-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeExport', () => {
  it('writes exactly the chosen file, resolved to an absolute path, and nothing else', async () => {
    const target = join(dir, 'briefing.md');
    const written = await writeExport(relative(process.cwd(), target), '# Briefing\n');
    expect(written).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('# Briefing\n');
    expect(readdirSync(dir)).toEqual(['briefing.md']);
  });

  it('replaces an existing file whole and leaves no temp file behind', async () => {
    const target = join(dir, 'out.html');
    writeFileSync(target, 'old content that is longer than the new one');
    await writeExport(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.html']);
  });

  it('refuses a path that is a folder', async () => {
    mkdirSync(join(dir, 'folder'));
    await expect(writeExport(join(dir, 'folder'), 'x')).rejects.toThrow(ExportPathError);
    await expect(writeExport(join(dir, 'folder') + '/', 'x')).rejects.toThrow(/is a folder/);
    expect(readdirSync(join(dir, 'folder'))).toEqual([]);
  });

  it('refuses a file in a folder that does not exist instead of creating folders', async () => {
    await expect(writeExport(join(dir, 'missing', 'deeper', 'b.md'), 'x')).rejects.toThrow(/does not exist/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('refuses an empty path', async () => {
    await expect(writeExport('  ', 'x')).rejects.toThrow(ExportPathError);
  });
});

describe('suggestFileName', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd.md'],
    ['..\\..\\windows\\system32', 'windows-system32.md'],
    ['CON', 'briefing-CON.md'],
    ['nul.txt', 'briefing-nul.txt.md'],
    ['', 'briefing.md'],
    ['...', 'briefing.md'],
    ['.hidden', 'hidden.md'],
    ['Energy: Q3 <draft> *final*?', 'Energy- Q3 -draft- -final.md'],
    ['Kupfer-Förderung 2025', 'Kupfer-Förderung 2025.md'],
  ])('turns the title %j into the safe name %j', (title, expected) => {
    expect(suggestFileName(title, 'md')).toBe(expected);
  });

  it('never yields a path separator, a leading dot or more than 80 characters before the extension', () => {
    const name = suggestFileName('/'.repeat(10) + 'a'.repeat(200) + '/..', 'html');
    expect(name).not.toMatch(/[/\\]/);
    expect(name.startsWith('.')).toBe(false);
    expect(name.length).toBeLessThanOrEqual(80 + '.html'.length);
  });
});
