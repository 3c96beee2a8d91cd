/**
 * The contract's importFiles: every file is checked first, then the good ones are
 * imported and each bad one gets its one-line reason; the whole call is one undo
 * step, and a call with only bad files changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { importBatches } from '../../shared/api/import-batches.ts';
import { folderHash, openService, tempDir } from '../support/notebook.ts';

const b64 = (text: string | Buffer) => (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');
const FERRY = 'Ferry notes\n\nThe ferry ran 14 crossings a day in August, up from 11 a year earlier.';
const WEIR = 'Weir repairs\n\nThe weir at Salden was closed for nine days of repairs in March.';
const KILN = '# Kiln restart\n\nThe brickworks relit its second kiln after a pause of about six weeks.';

describe('importFiles', () => {
  it('imports the good files, gives each bad one its reason, and is one undo step', async () => {
    const nb = await openService(tempDir());
    try {
      const r = await nb.call('importFiles', {
        files: [
          { fileName: 'ferry.txt', dataBase64: b64(FERRY) },
          { fileName: 'scan.png', dataBase64: b64(Buffer.from('89504e470d0a1a0a', 'hex')) },
          { fileName: 'weir.txt', dataBase64: b64(WEIR) },
          { fileName: 'empty.txt', dataBase64: '' },
          { fileName: 'again.txt', dataBase64: b64(FERRY) },
        ],
      });
      expect(r.files.map((f: any) => [f.fileName, f.status])).toEqual([
        ['ferry.txt', 'imported'],
        ['scan.png', 'refused'],
        ['weir.txt', 'imported'],
        ['empty.txt', 'refused'],
        ['again.txt', 'duplicate'],
      ]);
      for (const f of r.files.filter((x: any) => x.status === 'refused')) {
        expect(f.reason).toMatch(new RegExp(`^${f.fileName.replace('.', '\\.')}: `));
        expect(f.reason.split('\n')).toHaveLength(1);
      }
      expect(r.files[4].source.id).toBe(r.files[0].source.id);
      expect((await nb.call('listSources', {})).map((s: any) => s.title)).toEqual(['Ferry notes', 'Weir repairs']);
      expect(await nb.call('historyState', {})).toMatchObject({ undo: 'import of 2 files' });
      expect((await nb.call('undo', {})).label).toBe('import of 2 files');
      expect(await nb.call('listSources', {})).toEqual([]);
      expect((await nb.call('redo', {})).label).toBe('import of 2 files');
      expect(await nb.call('listSources', {})).toHaveLength(2);
    } finally {
      await nb.close();
    }
  });

  it('names a one-file import by its title and a new version by its source', async () => {
    const nb = await openService(tempDir());
    try {
      const one = await nb.call('importFiles', {
        files: [
          { fileName: 'kiln.md', dataBase64: b64(KILN) },
          { fileName: 'x.pdf', dataBase64: b64('%PDF') },
        ],
      });
      expect((await nb.call('historyState', {})).undo).toBe('import of “Kiln restart”');
      const id = one.files[0].source.id;
      const v2 = await nb.call('importFiles', { files: [{ fileName: 'kiln.md', dataBase64: b64(KILN.replace('six', 'seven')), newVersionOf: id }] });
      expect(v2.files[0]).toMatchObject({ status: 'new-version', newVersion: { of: id } });
      expect((await nb.call('historyState', {})).undo).toBe('new version of “Kiln restart”');
    } finally {
      await nb.close();
    }
  });

  it('refuses a new version of a source that does not exist, and with only bad files changes nothing', async () => {
    const dir = tempDir();
    const nb = await openService(dir);
    await nb.call('importFiles', { files: [{ fileName: 'weir.txt', dataBase64: b64(WEIR) }] });
    await nb.close();
    const before = folderHash(dir);
    const again = await openService(dir);
    try {
      const r = await again.call('importFiles', {
        files: [
          { fileName: 'ferry.txt', dataBase64: b64(FERRY), newVersionOf: 's_aaaaaaaaaa' },
          { fileName: 'bad.txt', dataBase64: b64(Buffer.from([0x41, 0x8d, 0x42])) },
        ],
      });
      expect(r.files.map((f: any) => f.status)).toEqual(['refused', 'refused']);
      expect(r.files[0].reason).toMatch(/^ferry\.txt: there is no source s_aaaaaaaaaa/);
      expect((await again.call('historyState', {})).undo).toBeNull();
    } finally {
      await again.close();
    }
    expect(folderHash(dir)).toBe(before);
  });
});

describe('importBatches', () => {
  it('keeps the order, stays within the budget and sends an oversized file alone', () => {
    const sizes = [4, 3, 5, 12, 1, 1, 9];
    const batches = importBatches(sizes, (n) => n, 10);
    expect(batches).toEqual([[4, 3], [5], [12], [1, 1], [9]]);
    expect(batches.flat()).toEqual(sizes);
    expect(importBatches([1, 1, 1], (n) => n, 10, 2)).toEqual([[1, 1], [1]]);
    expect(importBatches([], (n: number) => n, 10)).toEqual([]);
  });
});
