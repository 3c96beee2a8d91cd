/**
 * DOCX, EPUB, ODT, MHTML and WARC through the import pipeline: structure kept as
 * text (headings, list items, table rows, footnotes after the body), metadata read,
 * and every planted sentence quoted exactly and exported with verified integrity.
 */
import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../electron/import/importer.ts';
import { pageSpan } from '../../shared/model/pages.ts';
import { CAPTURED, docxFile, epubFile, epubParts, META, mhtmlFile, odtFile, PAGE_URL, PLANTED, warcFile, zipOf } from '../support/document-files.ts';
import { openService, tempDir } from '../support/notebook.ts';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const DOCUMENTS = [
  ['ledger.docx', docxFile],
  ['ledger.odt', odtFile],
  ['ledger.epub', epubFile],
] as const;
const PAGES = [
  ['ledger.mhtml', mhtmlFile],
  ['ledger.warc', warcFile],
] as const;

describe('document formats', () => {
  it.each(DOCUMENTS)('%s: headings, list items and table rows as paragraphs, the footnote after the body', async (name, make) => {
    const r = await readSourceFile(name, make());
    const paragraphs = r.text.split('\n\n');
    expect(paragraphs[0]).toBe(PLANTED.heading);
    expect(paragraphs[1]).toBe(`${PLANTED.body}[1]`);
    expect(paragraphs).toContain(`• ${PLANTED.listItem}`);
    expect(paragraphs).toContain('Gate | Barges');
    expect(paragraphs).toContain(`${PLANTED.tableCell} | 412`);
    expect(paragraphs.slice(-2)).toEqual(['Notes', `[1] ${PLANTED.note}`]);
    // The note is not in the body: only once, after "Notes".
    expect(r.text.split(PLANTED.note)).toHaveLength(2);
    expect(r).toMatchObject({ format: name.split('.')[1], title: META.title, authors: [META.author], published: META.date });
  });

  it('EPUB: chapters in spine order (not manifest order), OPF publisher and DOI, the page list reported', async () => {
    const r = await readSourceFile('ledger.epub', epubFile());
    expect(r.text.indexOf(PLANTED.second)).toBeLessThan(r.text.indexOf(PLANTED.chapter2));
    expect(r.text.indexOf(PLANTED.chapter2)).toBeLessThan(r.text.indexOf('Notes'));
    expect(r).toMatchObject({ publisher: META.publisher, url: `https://doi.org/${META.doi}` });
    expect(r.notes).toEqual([]);
  });

  it('EPUB: the page-break markers become the page map, so each planted sentence has its page', async () => {
    const r = await readSourceFile('ledger.epub', epubFile());
    expect(r.pages).toMatchObject({ labels: ['1', '2', '3'], pages: [1, 2, 3], origin: 'labels' });
    const pageOf = (exact: string) => {
      const at = r.text.indexOf(exact);
      return pageSpan(r.pages, at, at + exact.length);
    };
    expect(pageOf(PLANTED.heading)).toMatchObject({ firstLabel: '1', lastLabel: '1' });
    expect(pageOf(PLANTED.body)).toMatchObject({ firstLabel: '1', lastLabel: '1' });
    // The second break sits before the table: the table and the paragraph after it are on page 2.
    expect(r.pages!.starts[1]).toBe(r.text.indexOf('Gate | Barges'));
    expect(pageOf(PLANTED.second)).toMatchObject({ firstLabel: '2', lastLabel: '2' });
    expect(r.pages!.starts[2]).toBe(r.text.indexOf('Winter'));
    expect(pageOf(PLANTED.chapter2)).toMatchObject({ firstLabel: '3', lastLabel: '3' });
    expect(pageOf(`${PLANTED.second}\n\nWinter`)).toMatchObject({ firstLabel: '2', lastLabel: '3' });
    expect(r.text).not.toMatch(/[\uE000\uE001]/);
  });

  it('EPUB: a mark inside a paragraph leaves one space and starts its page at the next word', async () => {
    const parts = epubParts();
    parts['OEBPS/text/two.xhtml'] = parts['OEBPS/text/two.xhtml']!.replace('ice closed the canal', 'ice closed <span epub:type="pagebreak" role="doc-pagebreak" title="xiv"/> the canal');
    const r = await readSourceFile('ledger.epub', zipOf(parts));
    expect(r.text).toContain(PLANTED.chapter2);
    expect(r.pages!.labels).toEqual(['1', '2', '3', 'xiv']);
    expect(r.text.slice(r.pages!.starts[3]!)).toMatch(/^the canal/);
  });

  it('ODT: the first author and creation date, not the last editor’s', async () => {
    const r = await readSourceFile('ledger.odt', odtFile());
    expect(r.authors).toEqual([META.author]);
    expect(r.published).toBe(META.date);
  });

  it.each(PAGES)('%s: the archived article, its original address and the capture time as accessed date', async (name, make) => {
    const r = await readSourceFile(name, make());
    expect(r.text).toContain(PLANTED.body);
    expect(r.text).toContain(PLANTED.chapter2);
    expect(r.text).not.toMatch(/Home|all rights reserved|margin/);
    expect(r).toMatchObject({ title: PLANTED.heading, authors: [META.author], publisher: 'Canal News', published: META.date, url: PAGE_URL, accessed: CAPTURED.date });
  });

  it.each([...DOCUMENTS, ...PAGES])('%s: planted quotes anchor exactly and export with verified integrity', async (name, make) => {
    const nb = await openService(tempDir());
    try {
      const r = await nb.call('importFiles', { files: [{ fileName: name, dataBase64: b64(make()) }] });
      expect(r.files[0].status).toBe('imported');
      const source = r.files[0].source;
      if (name.endsWith('.warc') || name.endsWith('.mhtml')) expect(source).toMatchObject({ url: PAGE_URL, accessed: CAPTURED.date });
      if (name.endsWith('.epub')) expect(source.pages).toMatchObject({ labels: ['1', '2', '3'] });
      const planted = name.match(/\.(mhtml|warc)$/) ? [PLANTED.body, PLANTED.second, PLANTED.chapter2] : [PLANTED.heading, PLANTED.body, PLANTED.listItem, PLANTED.second, PLANTED.note];
      const text = (await nb.call('getSource', { id: source.id })).text as string;
      const quoteIds: string[] = [];
      for (const exact of planted) {
        const q = await nb.call('createQuote', { sourceId: source.id, exact });
        const [pos, quote] = q.selectors;
        expect(text.slice(pos.start, pos.end)).toBe(exact);
        expect(quote.exact).toBe(exact);
        expect(q.exact).toBe(exact);
        expect(q.anchor.status).toBe('exact');
        quoteIds.push(q.id);
      }
      await nb.call('createClaim', { statement: 'The Orsk lock had its busiest month in June.', evidence: quoteIds.map((quoteId) => ({ quoteId, relation: 'supports' })) });
      const out = await nb.call('exportBriefing', { format: 'md' });
      expect(out.problems).toEqual([]);
      expect(out.stopped).toBe(false);
      for (const exact of planted) expect(out.content).toContain(exact);
      expect(out.content).toContain(source.sha256);
    } finally {
      await nb.close();
    }
  });
});
