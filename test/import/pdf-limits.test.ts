/**
 * The size limit for PDFs (100 MB: a 2,000-page PDF at 50 KB a page) against the
 * 20 MB of the other formats, checked on the open file before it is read.
 */
import { closeSync, openSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFromDisk } from '../../electron/import/read-paths.ts';
import { readSourceFile } from '../../electron/import/importer.ts';
import { MAX_IMPORT_BYTES, MAX_PDF_IMPORT_BYTES } from '../../shared/api/contract.ts';
import { tempDir } from '../support/notebook.ts';

/** A sparse file of `bytes` bytes (no disk space used). */
function sparse(path: string, bytes: number): string {
  closeSync(openSync(path, 'w'));
  truncateSync(path, bytes);
  return path;
}

describe('PDF size limit', () => {
  it('sends a 25 MB PDF, refuses a PDF over 100 MB and a text over 20 MB, naming each limit', async () => {
    const dir = tempDir();
    const sent: string[] = [];
    const outcomes = await importFromDisk(
      [sparse(join(dir, 'big.pdf'), 25 * 1048576), sparse(join(dir, 'huge.pdf'), MAX_PDF_IMPORT_BYTES + 1), sparse(join(dir, 'long.txt'), MAX_IMPORT_BYTES + 1)],
      async (files) => {
        sent.push(...files.map((f) => `${f.fileName} ${Buffer.from(f.dataBase64, 'base64').length}`));
        return { files: files.map((f) => ({ fileName: f.fileName, status: 'refused', code: 'unsupported_file', reason: 'stand-in' }) as never) };
      },
      { nameOf: (p) => p.split('/').pop()! },
    );
    expect(sent).toEqual([`big.pdf ${25 * 1048576}`]);
    expect(outcomes.map((o) => (o.status === 'refused' ? o.reason : o.status))).toEqual([
      'stand-in',
      'huge.pdf: the file is 100.0 MB; the limit is 100 MB',
      'long.txt: the file is 20.0 MB; the limit is 20 MB',
    ]);
    await expect(readSourceFile('x.pdf', new Uint8Array(MAX_PDF_IMPORT_BYTES + 1))).rejects.toThrow(/^x\.pdf: the file is 100\.0 MB; the limit is 100 MB$/);
  });
});
