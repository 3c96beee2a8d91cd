/**
 * Reference import (importRefs, `notebook import-refs`): BibTeX, RIS and CSL-JSON
 * entries matched to sources by DOI, URL, then title and year; the plan changes
 * nothing; applied, matched sources get only the fields they lack and the rest
 * become source stubs that a later file import fills; the same file twice changes
 * nothing; bad files get one line and leave the notebook byte-identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxFile } from '../support/document-files.ts';
import { cli, folderHash, openService, ROOT, tempDir } from '../support/notebook.ts';

const REFS = join(ROOT, 'test/fixtures/refs');
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const LOCK_PAGE = `<!doctype html><html><head><title>Lock Keeping on the Orsk Canal</title><meta name="author" content="Mira Talvik"><link rel="canonical" href="https://journal.example.org/lock-keeping"></head><body><article><p>Keeping the lock at Orsk is a trade learned at the winch: the keeper reads the water before the boats.</p><p>Each spring the gates are greased and the sluices tested before the first barge of the season arrives.</p></article></body></html>`;
const WEIR = 'Weir repairs\n\nThe weir at Salden was closed for nine days of repairs in March.';
const SALT_SENTENCE = 'Salt barges once made up half of the traffic through the Orsk lock.';
const SALT_PAGE = `<!doctype html><html><head><title>Salt and Locks</title><meta name="author" content="Someone Else"></head><body><article><p>${SALT_SENTENCE}</p><p>The salt trade ended when the railway reached the coast and the barges were sold for scrap.</p></article></body></html>`;

async function notebookWithSources() {
  const dir = tempDir();
  const nb = await openService(dir);
  const r = await nb.call('importFiles', {
    files: [
      { fileName: 'lock.html', dataBase64: b64(LOCK_PAGE) },
      { fileName: 'ledger.docx', dataBase64: b64(docxFile()) },
      { fileName: 'weir.txt', dataBase64: b64(WEIR) },
    ],
  });
  const [lock, ledger, weir] = r.files.map((f: any) => f.source.id as string);
  return { dir, nb, lock, ledger, weir };
}

const FILES = ['canal.bib', 'canal.ris', 'canal.json'];
const text = (f: string) => readFileSync(join(REFS, f), 'utf8');

describe('importing references', () => {
  it.each(FILES)('%s: the plan matches by URL and by title and year, lists the new and the repeated entry, and changes nothing', async (file) => {
    const { dir, nb, lock, ledger, weir } = await notebookWithSources();
    await nb.close();
    const before = folderHash(dir);
    const again = await openService(dir);
    try {
      const plan = await again.call('importRefs', { fileName: file, text: text(file) });
      expect(plan.applied).toBe(false);
      expect(plan.entries.map((e: any) => [e.status, e.sourceId, e.matchedBy, e.fills])).toEqual([
        ['matched', lock, 'url', ['publisher', 'published']],
        ['matched', ledger, 'title', ['publisher', 'url']],
        ['matched', weir, 'title', ['authors', 'publisher', 'published']],
        ['new', null, null, []],
        ['duplicate', null, 'doi', []],
      ]);
      expect(plan.counts).toEqual({ matched: 3, new: 1, duplicate: 1, skipped: 0 });
      expect(await again.call('historyState', {})).toMatchObject({ undo: null });
    } finally {
      await again.close();
    }
    expect(folderHash(dir)).toBe(before);
  });

  it('applied: fills only the missing fields, creates one stub, is one undo step, and a second import changes nothing', async () => {
    const { dir, nb, lock, ledger, weir } = await notebookWithSources();
    try {
      const r = await nb.call('importRefs', { fileName: 'canal.bib', text: text('canal.bib'), apply: true });
      expect(r.applied).toBe(true);
      const stubId = r.entries[3].sourceId;
      expect(await nb.call('getSource', { id: lock })).toMatchObject({
        title: 'Lock Keeping on the Orsk Canal',
        authors: ['Mira Talvik'],
        publisher: 'Journal of Inland Waterways',
        published: '2024-05',
        url: 'https://journal.example.org/lock-keeping',
      });
      expect(await nb.call('getSource', { id: ledger })).toMatchObject({
        title: 'Harbour ledger',
        published: '2025-11-04',
        publisher: 'Orsk Canal Trust',
        url: 'https://doi.org/10.5555/orsk.2025.17',
      });
      expect(await nb.call('getSource', { id: weir })).toMatchObject({ authors: ['Lea Kask', 'Joris van der Berg'], publisher: 'Tide Press', published: '2019' });
      expect(await nb.call('getSource', { id: stubId })).toMatchObject({
        title: 'Salt and Locks',
        authors: ['Anton Ruus'],
        published: '2021-03-05',
        url: 'https://doi.org/10.5555/salt.21',
        length: 0,
        text: '',
      });
      expect(await nb.call('listSources', {})).toHaveLength(4);

      await nb.close();
      const applied = folderHash(dir);
      const again = await openService(dir);
      for (const file of FILES) {
        const twice = await again.call('importRefs', { fileName: file, text: text(file), apply: true });
        expect(twice.applied).toBe(false);
        expect(twice.entries.map((e: any) => e.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
        expect(twice.entries[3]).toMatchObject({ sourceId: stubId, matchedBy: 'doi' });
      }
      expect(await again.call('listSources', {})).toHaveLength(4);
      await again.close();
      expect(folderHash(dir)).toBe(applied);

      const third = await openService(dir);
      try {
        const r2 = await third.call('importRefs', { fileName: 'canal.ris', text: text('canal.ris'), apply: true });
        expect(r2.applied).toBe(false);
      } finally {
        await third.close();
      }
    } finally {
      await nb.close().catch(() => {});
    }
  });

  it('is undone in one step', async () => {
    const { nb, lock } = await notebookWithSources();
    try {
      await nb.call('importRefs', { fileName: 'canal.json', text: text('canal.json'), apply: true });
      expect((await nb.call('undo', {})).label).toBe('import of references from canal.json');
      expect(await nb.call('listSources', {})).toHaveLength(3);
      expect(await nb.call('getSource', { id: lock })).toMatchObject({ publisher: null, published: null });
    } finally {
      await nb.close();
    }
  });

  it('a later import of the file fills the stub as its first version, keeping the reference’s details', async () => {
    const { nb } = await notebookWithSources();
    try {
      const r = await nb.call('importRefs', { fileName: 'canal.ris', text: text('canal.ris'), apply: true });
      const stubId = r.entries[3].sourceId;
      const filled = await nb.call('importFiles', { files: [{ fileName: 'salt.html', dataBase64: b64(SALT_PAGE) }] });
      expect(filled.files[0]).toMatchObject({ status: 'new-version', newVersion: { of: stubId } });
      const s = await nb.call('getSource', { id: stubId });
      expect(s).toMatchObject({ format: 'html', fileName: 'salt.html', authors: ['Anton Ruus'], publisher: 'Canal Studies', published: '2021-03-05', url: 'https://doi.org/10.5555/salt.21' });
      expect(s.text).toContain(SALT_SENTENCE);
      expect(s.accessed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((await nb.call('historyState', {})).undo).toBe('new version of “Salt and Locks”');
      await nb.call('undo', {});
      expect(await nb.call('getSource', { id: stubId })).toMatchObject({ format: 'txt', accessed: null, length: 0, text: '' });
      await nb.call('redo', {});
      expect(await nb.call('listSources', {})).toHaveLength(4);
      const q = await nb.call('createQuote', { sourceId: stubId, exact: 'half of the traffic' });
      expect(q.anchor.status).toBe('exact');
    } finally {
      await nb.close();
    }
  });

  it.each([
    ['refs.txt', 'some words', /unsupported reference file type \.txt; import \.bib \(BibTeX\), \.ris \(RIS\) or \.json \(CSL-JSON\) files/],
    ['cut.bib', '@article{x, title = {Cut', /not a readable BibTeX file/],
    ['empty.bib', '% nothing here\n', /no references found in the BibTeX file/],
    ['bad.json', '[{"title": "x"', /not valid JSON/],
    ['list.json', '[1, 2]', /not a CSL-JSON file/],
  ])('refuses %s in one line and leaves the notebook byte-identical', async (fileName, body, reason) => {
    const { dir, nb } = await notebookWithSources();
    await nb.close();
    const before = folderHash(dir);
    const again = await openService(dir);
    try {
      const e = await again.call('importRefs', { fileName, text: body, apply: true }).then(
        () => null,
        (x: Error) => x,
      );
      expect(e?.message).toMatch(reason);
      expect(e?.message).toMatch(new RegExp(`unsupported_file: ${fileName.replace('.', '\\.')}: `));
      expect(e?.message).not.toContain('\n');
    } finally {
      await again.close();
    }
    expect(folderHash(dir)).toBe(before);
  });

  it('notebook import-refs shows the plan and changes nothing; --apply applies it', async () => {
    const { dir, nb } = await notebookWithSources();
    await nb.close();
    const before = folderHash(dir);
    const file = join(REFS, 'canal.bib');
    const plan = await cli(dir, ['import-refs', file]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^matches {2}talvik2024lock {2}Lock Keeping on the Orsk Canal {2}→ s_\S+ \(by URL\): would fill publisher, published$/m);
    expect(plan.stdout).toMatch(/^new {2}ruus2021salt {2}Salt and Locks: would become a source stub$/m);
    expect(plan.stdout).toMatch(/^already in notebook {2}ruus2021saltcopy .*\(the same reference appears earlier in the file\)$/m);
    expect(plan.stdout).toMatch(/3 matched, 1 new, 1 already in the notebook; nothing was changed: run again with --apply to apply/);
    expect(folderHash(dir)).toBe(before);
    const applied = await cli(dir, ['import-refs', file, '--apply']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^new {2}ruus2021salt {2}Salt and Locks: source stub s_\S+ created$/m);
    expect(applied.stdout).toMatch(/applied: 3 matched, 1 new, 1 already in the notebook \(one undo step\)/);
    const json = await cli(dir, ['import-refs', file, '--apply', '--json']);
    expect(json.json).toMatchObject({ applied: false, counts: { matched: 0, new: 0, duplicate: 5 } });
    const missing = await cli(dir, ['import-refs', join(dir, 'nope.bib')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.bib: no such file/);
  });
});
