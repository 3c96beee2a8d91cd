/**
 * Page-true quotes and page citations: a PDF's quotes cite "p. N" / "pp. a–b" in the
 * briefing in every style, carry a FragmentSelector in the W3C export, search hits
 * carry their page, pages stay right on a corrected version, the page offset
 * (contract and CLI) relabels them, and a source without a page map still reads.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceSchema } from '../../shared/model/records.ts';
import { book300 } from '../support/pdf-fixtures.ts';
import { wordMaker, writePdf } from '../support/pdf-writer.ts';
import type { PdfPage } from '../support/pdf-writer.ts';
import { cli, openService, tempDir } from '../support/notebook.ts';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** `count` pages of ten sentences; page n's fifth sentence begins "Marker n". */
function pagesOf(count: number, insertAfter?: number): PdfPage[] {
  const word = wordMaker(11);
  const out: PdfPage[] = [];
  for (let p = 1; p <= count; p++) {
    const lines = Array.from({ length: 10 }, (_x, l) => `${l === 4 ? `Marker ${p} ` : 'Then '}${Array.from({ length: 7 }, word).join(' ')}.`);
    out.push({ texts: lines.map((text, l) => ({ x: 72, y: 700 - l * 14, text, size: 10 })) });
    if (p === insertAfter) out.push({ texts: [{ x: 72, y: 700, text: 'Errata: a page added to the corrected edition.', size: 10 }] });
  }
  return out;
}

describe('PDF pages in quotes, citations and search', () => {
  it('cites quotes of the 300-page book by page (p. / pp.) in every style, with page selectors and paged search hits', async () => {
    const book = book300();
    const nb = await openService(tempDir());
    try {
      const r = await nb.call('importFiles', { files: [{ fileName: 'ledger.pdf', dataBase64: b64(book.bytes) }] });
      const source = r.files[0].source;
      expect((await nb.call('getSource', { id: source.id })).pages.labels.slice(10, 14)).toEqual(['xi', 'xii', '1', '2']);
      const single = book.quotes[40]!; // page 29
      const crossing = book.quotes.find((q) => q.first !== q.last)!;
      const ids: string[] = [];
      for (const q of [single, crossing]) ids.push((await nb.call('createQuote', { sourceId: source.id, exact: q.exact })).id);
      await nb.call('createClaim', { statement: 'The ledger counts kalomi.', evidence: ids.map((quoteId) => ({ quoteId, relation: 'supports' })) });
      const footnotes = async (style: string) => (await nb.call('exportBriefing', { format: 'md', style })).content.split('\n').filter((l: string) => /^\[\^\d\]:/.test(l));
      const apa = await footnotes('apa');
      expect(apa[0]).toMatch(new RegExp(`^\\[\\^1\\]: \\(Varo \\\\& Lind, n\\.d\\., p\\. ${single.first}\\)\\.$`));
      expect(apa[1]).toMatch(new RegExp(`^\\[\\^2\\]: \\(Varo \\\\& Lind, n\\.d\\., pp\\. ${crossing.first}–${crossing.last}\\)\\.$`));
      // Vancouver prints no locator: the briefing adds the page itself.
      expect(await footnotes('vancouver')).toEqual([`[^1]: (1), p. ${single.first}.`, `[^2]: (1), pp. ${crossing.first}–${crossing.last}.`]);
      for (const style of ['chicago', 'mla', 'harvard']) {
        const f = await footnotes(style);
        expect(f[0], style).toMatch(new RegExp(`\\b${single.first}\\)\\.$`));
        expect(f[1], style).toMatch(new RegExp(`\\b${crossing.first}–${crossing.last}\\)\\.$`));
        expect(f.join('\n'), style).not.toMatch(/para\./);
      }
      const table = (await nb.call('exportBriefing', { format: 'evidence-csv' })).content;
      expect(table).toContain(`,p. ${single.first},`);
      expect(table).toContain(`,pp. ${crossing.first}–${crossing.last},`);
      const annotations = JSON.parse((await nb.call('exportBriefing', { format: 'annotations' })).content);
      const fileIndex = (label: string) => book.labels.indexOf(label) + 1;
      const selectors = [
        { at: fileIndex(single.first), value: `page=${fileIndex(single.first)}` },
        { at: fileIndex(crossing.first), value: `page=${fileIndex(crossing.first)}-${fileIndex(crossing.last)}` },
      ].sort((a, b) => a.at - b.at); // the collection is in text order
      expect(annotations.items.map((a: any) => a.target.selector[2])).toEqual(selectors.map((x) => ({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: x.value })));
      const hits = (await nb.call('search', { query: `"${single.exact}"` })).hits;
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.page).toBe(single.first);
    } finally {
      await nb.close();
    }
  });

  it('keeps pages right when a corrected PDF with an added page is imported as a new version', async () => {
    const nb = await openService(tempDir());
    try {
      const v1 = (await nb.call('importFiles', { files: [{ fileName: 'report.pdf', dataBase64: b64(writePdf(pagesOf(10))) }] })).files[0].source;
      const q = await nb.call('createQuote', { sourceId: v1.id, exact: 'Marker 7' });
      await nb.call('createClaim', { statement: 'Seven.', evidence: [{ quoteId: q.id, relation: 'supports' }] });
      const cite = async () => (await nb.call('exportBriefing', { format: 'md', style: 'apa' })).content.split('\n').find((l: string) => l.startsWith('[^1]:'));
      expect(await cite()).toMatch(/, p\. 7\)\.$/);
      const v2 = await nb.call('importFiles', { files: [{ fileName: 'report.pdf', dataBase64: b64(writePdf(pagesOf(10, 3))), newVersionOf: v1.id }] });
      expect(v2.files[0]).toMatchObject({ status: 'new-version', newVersion: { counts: { exact: 0, moved: 1 } } });
      expect(await cite()).toMatch(/, p\. 8\)\.$/);
      const source = await nb.call('getSource', { id: v1.id });
      expect(source.pages.labels).toHaveLength(11);
      expect(source.versions[0].pages.labels).toHaveLength(10);
    } finally {
      await nb.close();
    }
  });

  it('relabels pages with a page offset (contract and CLI), goes back to the labels, and refuses it for a source without pages', async () => {
    const dir = tempDir();
    const pdf = join(tempDir(), 'article.pdf');
    writeFileSync(pdf, writePdf(pagesOf(4)));
    const imported = await cli(dir, ['import', pdf, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.json.results[0].source.id;
    const edited = await cli(dir, ['edit', id, '--page-offset', '1646', '--json']);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.json.source.pages.offset).toBe(1646);
    expect((await cli(dir, ['show', id])).stdout).toContain('pages      4 pages, cited 1647 … 1650 (page k cited as k + 1646)\n');
    expect((await cli(dir, ['search', '"Marker 2"'])).stdout).toMatch(/— Article, p\. 1648\b/);
    const bad = await cli(dir, ['edit', id, '--page-offset', 'two']);
    expect(bad.stderr.trim()).toBe('notebook: "two" is not a page offset: give a whole number (page k of the PDF is cited as k + N) or "labels"');
    const nb = await openService(dir);
    try {
      const q = await nb.call('createQuote', { sourceId: id, exact: 'Marker 3' });
      await nb.call('createClaim', { statement: 'Three.', evidence: [{ quoteId: q.id, relation: 'supports' }] });
      const cite = async () => (await nb.call('exportBriefing', { format: 'md', style: 'apa' })).content.split('\n').find((l: string) => l.startsWith('[^1]:'));
      expect(await cite()).toMatch(/, p\. 1649\)\.$/);
      await nb.call('updateSource', { id, patch: { pageOffset: null } });
      expect(await cite()).toMatch(/, p\. 3\)\.$/);
      const txt = await nb.call('importText', { text: 'Plain notes\n\nNo pages here.' });
      await expect(nb.call('updateSource', { id: txt.source.id, patch: { pageOffset: 2 } })).rejects.toThrow(/: “Plain notes” has no pages: a page offset applies to a PDF's pages$/);
    } finally {
      await nb.close();
    }
  });

  it('answers a request sent while a 300-page PDF is being read, and keeps the page map when reopened', async () => {
    const dir = tempDir();
    const nb = await openService(dir);
    const seen: string[] = [];
    let imported: any;
    try {
      // The cheap request starts one loop turn after the import (as a request arriving meanwhile would).
      const slow = nb.call('importFiles', { files: [{ fileName: 'ledger.pdf', dataBase64: b64(book300().bytes) }] }).then((r) => {
        imported = r.files[0].source;
        seen.push('import');
      });
      const cheap = new Promise((r) => setImmediate(r)).then(() => nb.call('listSources', {})).then(() => seen.push('listSources'));
      await Promise.all([slow, cheap]);
    } finally {
      await nb.close();
    }
    expect(seen).toEqual(['listSources', 'import']);
    const again = await openService(dir);
    try {
      expect((await again.call('getSource', { id: imported.id })).pages).toEqual(imported.pages);
    } finally {
      await again.close();
    }
  });

  it('reads a source record of the previous version (no page map) unchanged', () => {
    const old = {
      id: 's_aaaaaaaaaa',
      title: 'Old',
      authors: [],
      publisher: null,
      published: null,
      url: null,
      accessed: '2025-01-02',
      fileName: 'old.txt',
      format: 'txt',
      encoding: 'utf-8',
      sha256: 'a'.repeat(64),
      length: 10,
      importedAt: '2025-01-02T00:00:00.000Z',
      updatedAt: '2025-01-02T00:00:00.000Z',
      versions: [],
      suggestions: { accepted: [], dismissed: [] },
    };
    expect(SourceSchema.parse(old)).toEqual(old);
  });
});
