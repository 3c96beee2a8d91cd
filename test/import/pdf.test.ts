/**
 * PDF import: reading order, running headers, hyphenation, footnotes, pages without
 * text, metadata, page maps (labels, printed numbers, position) and bad files.
 */
import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../electron/import/importer.ts';
import { findOccurrences } from '../../shared/model/selectors.ts';
import { pageSpan } from '../../shared/model/pages.ts';
import { book300, journal, twoColumns, withImagePage } from '../support/pdf-fixtures.ts';
import { writePdf } from '../support/pdf-writer.ts';
import { folderHash, openService, tempDir } from '../support/notebook.ts';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('PDF import', () => {
  it('reads a 300-page book: labels i–xii then 1–288, headers out, every planted quote on its page', async () => {
    const book = book300();
    const r = await readSourceFile('ledger.pdf', book.bytes);
    expect(r.format).toBe('pdf');
    expect(r.title).toBe('The Kalomi Ledger');
    expect(r.authors).toEqual(['Ines Varo', 'Tomas Lind']);
    expect(r.pages!.origin).toBe('labels');
    expect(r.text).not.toContain('The Kalomi Ledger —');
    expect(r.notes.some((n) => /running headers and footers left out of the text: “The Kalomi Ledger — i” \(300 pages\)/.test(n))).toBe(true);
    // Labels and printed numbers agree: no disagreement note.
    expect(r.notes.some((n) => /disagree/.test(n))).toBe(false);
    let crossing = 0;
    for (const q of book.quotes) {
      const hits = findOccurrences(r.text, q.exact);
      expect(hits, q.exact).toHaveLength(1);
      const span = pageSpan(r.pages, hits[0]!.start, hits[0]!.end)!;
      expect([span.firstLabel, span.lastLabel], q.exact).toEqual([q.first, q.last]);
      if (q.first !== q.last) crossing++;
    }
    expect(book.quotes).toHaveLength(300);
    expect(crossing).toBeGreaterThanOrEqual(8);
  });

  it('rejoins a word hyphenated at a line end only when the whole word occurs elsewhere, and keeps footnotes after the body', async () => {
    const book = book300();
    const r = await readSourceFile('ledger.pdf', book.bytes);
    expect(r.text.match(/zanbrofel/g)).toHaveLength(2);
    expect(r.text).not.toContain('zanbro-');
    expect(r.text).toContain('kesta-lomber');
    const notes = [...r.text.matchAll(/1 Footnote of page (\w+):/g)];
    expect(notes.map((m) => m[1])).toEqual(['13', '38', '63', '88', '113', '138', '163', '188', '213', '238', '263', '288']);
    // Every footnote is after all the body text, and cited with its own page.
    const lastBody = findOccurrences(r.text, book.quotes[299]!.exact)[0]!.start;
    for (const m of notes) {
      expect(m.index!).toBeGreaterThan(lastBody);
      expect(pageSpan(r.pages, m.index!, m.index! + 10)!.firstLabel).toBe(m[1]);
    }
  });

  it('gives a journal article without page labels its printed page numbers, 1647 on', async () => {
    const j = journal();
    const r = await readSourceFile('article.pdf', j.bytes);
    expect(r.pages!.origin).toBe('printed');
    expect(r.pages!.labels).toEqual(['1647', '1648', '1649', '1650', '1651', '1652']);
    j.sentences.forEach((s, i) => {
      const [hit] = findOccurrences(r.text, s);
      expect(pageSpan(r.pages, hit!.start, hit!.end)!.firstLabel).toBe(String(1647 + i));
    });
    expect(r.text).not.toMatch(/Journal of Kalomi Studies|\b16(4[7-9]|5[0-2])\b/);
  });

  it('says when the page labels and the printed numbers disagree, with the offset to set', async () => {
    const j = journal();
    const page = (n: number) => ({
      texts: [
        { x: 72, y: 760, text: `Kalomi Quarterly ${n}`, size: 9 },
        ...['First', 'Second', 'Third', 'Last'].map((w, i) => ({ x: 72, y: 700 - 14 * i, text: `${w} body line of this page with kalo words.`, size: 10 })),
      ],
    });
    const bytes = writePdf(
      [1, 2, 3, 4].map((n) => page(n + 40)),
      { labels: [{ startIndex: 0, style: 'D' }] },
    );
    const r = await readSourceFile('quarterly.pdf', bytes);
    expect(r.pages!.labels).toEqual(['1', '2', '3', '4']);
    expect(r.notes.filter((n) => /disagree/.test(n))).toEqual([
      "the PDF's page labels and its printed page numbers disagree (PDF page 1 is labelled “1” but prints 41); citations use the labels; to cite the printed numbers: notebook edit SOURCE --page-offset 40",
    ]);
    expect(j.bytes.length).toBeGreaterThan(0);
  });

  it('reads a two-column page column by column', async () => {
    const t = twoColumns();
    const r = await readSourceFile('columns.pdf', t.bytes);
    expect(r.text).toBe(`${t.title}\n\n${t.left.join(' ')}\n\n${t.right.join(' ')}`);
    expect(r.pages).toMatchObject({ starts: [0], labels: ['1'], origin: 'position' });
  });

  it('keeps a superscript footnote mark on its line, so the paragraph goes on', async () => {
    const lines = ['The kalomi count rose in the spring', 'and fell again before the autumn tides.'];
    const texts = [
      { x: 72, y: 700, text: lines[0]!, size: 10 },
      { x: 245, y: 703.5, text: '1', size: 6 },
      { x: 72, y: 686, text: lines[1]!, size: 10 },
      { x: 72, y: 60, text: '1 Counted twice.', size: 7 },
    ];
    const r = await readSourceFile('marks.pdf', writePdf([{ texts }]));
    // The mark's place depends on Helvetica's widths: right after the word or one space on.
    expect(r.text).toMatch(/^The kalomi count rose in the spring ?1 and fell again before the autumn tides\.\n\n1 Counted twice\.$/);
  });

  it('reads text set in a CJK font that is not embedded, through the CMaps shipped with pdfjs', async () => {
    const bytes = writePdf([
      {
        texts: [
          { x: 72, y: 700, text: '東京の港', cjk: true, size: 12 },
          { x: 72, y: 680, text: 'Harbour notes.', size: 10 },
        ],
      },
    ]);
    expect((await readSourceFile('tokyo.pdf', bytes)).text).toBe('東京の港\n\nHarbour notes.');
  });

  it('drops control characters a font encoding leaves in the text', async () => {
    const texts = [{ x: 72, y: 700, text: 'The har\u0001bour board\u0007 met on the quay at dawn.', size: 10 }];
    expect((await readSourceFile('controls.pdf', writePdf([{ texts }]))).text).toBe('The harbour board met on the quay at dawn.');
  });

  it('lists a page with no text layer as needing OCR', async () => {
    const r = await readSourceFile('scanned.pdf', withImagePage());
    expect(r.notes).toContain('PDF page 2 (of 3) has no text layer and needs OCR: its text is not imported');
    expect(r.pages!.pages).toEqual([1, 2, 3]);
    expect(r.pages!.starts[1]).toBe(r.pages!.starts[2]);
  });

  it('reads title, authors, date and DOI from the info dictionary and XMP', async () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Tidal Kalomi Counts</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>Ana Ruiz</rdf:li><rdf:li>Bo Lind</rdf:li></rdf:Seq></dc:creator><prism:doi>10.5555/kalomi.2023.17</prism:doi><prism:publicationDate>2023-04-02</prism:publicationDate></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const bytes = writePdf([{ texts: [{ x: 72, y: 700, text: 'Counts of kalomi rose in the spring.', size: 10 }] }], {
      xmp,
      info: { title: 'Info Title', author: 'Someone Else', creationDate: 'D:20240101000000Z' },
    });
    const r = await readSourceFile('counts.pdf', bytes);
    expect([r.title, r.authors, r.published, r.url]).toEqual(['Tidal Kalomi Counts', ['Ana Ruiz', 'Bo Lind'], '2023-04-02', 'https://doi.org/10.5555/kalomi.2023.17']);
    const info = await readSourceFile(
      'info.pdf',
      writePdf([{ texts: [{ x: 72, y: 700, text: 'A line.', size: 10 }] }], { info: { title: 'Info Title', author: 'Ana Ruiz and Bo Lind', creationDate: 'D:20240517120000Z' } }),
    );
    expect([info.title, info.authors, info.published]).toEqual(['Info Title', ['Ana Ruiz', 'Bo Lind'], '2024-05-17']);
  });

  it('refuses encrypted, truncated and garbage PDFs in one line and leaves the notebook byte-identical', async () => {
    const dir = tempDir();
    const first = await openService(dir);
    await first.call('importText', { text: 'Kalomi notes\n\nA first source.' });
    await first.close();
    const before = folderHash(dir);
    const nb = await openService(dir);
    try {
      const good = writePdf([{ texts: [{ x: 72, y: 700, text: 'Some kalomi text.', size: 10 }] }]);
      const files = [
        {
          fileName: 'locked.pdf',
          bytes: writePdf([{ texts: [{ x: 72, y: 700, text: 'Secret kalomi.', size: 10 }] }], { encrypted: true }),
          reason: /^locked\.pdf: the PDF is encrypted with a password; save an unprotected copy/,
        },
        { fileName: 'cut.pdf', bytes: good.slice(0, 40), reason: /^cut\.pdf: (not a readable PDF \(damaged or truncated|no readable text found)/ },
        { fileName: 'noise.pdf', bytes: new Uint8Array(Buffer.from('this is not a PDF at all, only words')), reason: /^noise\.pdf: not a readable PDF \(damaged or truncated: / },
        { fileName: 'scan.pdf', bytes: writePdf([{ texts: [], image: true }]), reason: /^scan\.pdf: the PDF has no text layer on any of its 1 page \(a scan\?\); it needs OCR/ },
      ];
      const r = await nb.call('importFiles', { files: files.map((f) => ({ fileName: f.fileName, dataBase64: b64(f.bytes) })) });
      r.files.forEach((f: any, i: number) => {
        expect(f.status).toBe('refused');
        expect(f.reason).toMatch(files[i]!.reason);
        expect(f.reason.split('\n')).toHaveLength(1);
      });
      expect((await nb.call('historyState', {})).undo).toBeNull();
    } finally {
      await nb.close();
    }
    expect(folderHash(dir)).toBe(before);
  });
});
