/**
 * Test fixtures built in code (no third-party text): DOCX, EPUB and ODT zips made
 * with fflate, an MHTML and a WARC as text, and hostile variants of them (a
 * truncated zip, a zip whose entry inflates past its declared size, entity
 * declarations, a name climbing out of the archive). Every document carries the
 * planted sentences of PLANTED, which the tests quote.
 */
import { strToU8, zipSync } from 'fflate';

export const PLANTED = {
  heading: 'Harbour ledger of the Orsk canal',
  body: 'The lock keeper at Orsk counted 412 barges in June, more than in any month since the lock opened.',
  second: 'Tolls paid in coin fell to a third of the total, as most skippers now settle by card at the upper gate.',
  listItem: 'Dredging of the lower basin, postponed twice',
  tableCell: 'Upper gate',
  note: 'The June count includes eleven barges that passed the lock twice on the same day.',
  chapter2: 'In the second chapter the keeper records that ice closed the canal for nineteen days in January.',
};

export const META = { title: 'Harbour ledger', author: 'Mira Talvik', date: '2025-11-04', publisher: 'Orsk Canal Trust', doi: '10.5555/orsk.2025.17' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const u8 = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]));
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const wp = (text: string, style?: string, num?: number) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${num ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${num}"/></w:numPr>` : ''}</w:pPr><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

export function docxParts(over: Record<string, string> = {}): Record<string, string> {
  const P = PLANTED;
  const body = [
    wp(P.heading, 'Heading1'),
    `<w:p><w:r><w:t xml:space="preserve">${esc(P.body)}</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>`,
    wp(P.listItem, undefined, 1),
    wp('Repainting of the keeper’s house', undefined, 1),
    `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Gate</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Barges</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>${P.tableCell}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>412</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
    wp(P.second),
  ].join('');
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style></w:styles>`,
    'word/numbering.xml': `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    'word/footnotes.xml': `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">${esc(PLANTED.note)}</w:t></w:r></w:p></w:footnote></w:footnotes>`,
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${META.title}</dc:title><dc:creator>${META.author}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${META.date}T09:00:00Z</dcterms:created></cp:coreProperties>`,
    ...over,
  };
}

export const docxFile = (over: Record<string, string> = {}) => zipSync(u8(docxParts(over)));

export function odtParts(over: Record<string, string> = {}): Record<string, string> {
  const P = PLANTED;
  const NS =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';
  return {
    mimetype: 'application/vnd.oasis.opendocument.text',
    'META-INF/manifest.xml': `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    'content.xml':
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:text><text:sequence-decls/>` +
      `<text:h text:outline-level="1">${esc(P.heading)}</text:h>` +
      `<text:p>${esc(P.body).replace('412 ', '412<text:s/>')}<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>${esc(P.note)}</text:p></text:note-body></text:note></text:p>` +
      `<text:list><text:list-item><text:p>${esc(P.listItem)}</text:p></text:list-item><text:list-item><text:p>Repainting of the keeper’s house</text:p></text:list-item></text:list>` +
      `<table:table><table:table-column/><table:table-row><table:table-cell><text:p>Gate</text:p></table:table-cell><table:table-cell><text:p>Barges</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>${P.tableCell}</text:p></table:table-cell><table:table-cell><text:p>412</text:p></table:table-cell></table:table-row></table:table>` +
      `<text:p>${esc(P.second)}</text:p></office:text></office:body></office:document-content>`,
    'meta.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${NS}><office:meta><dc:title>${META.title}</dc:title><meta:initial-creator>${META.author}</meta:initial-creator><dc:creator>Someone Editing Later</dc:creator><meta:creation-date>${META.date}T09:00:00</meta:creation-date><dc:date>2026-01-02T10:00:00</dc:date></office:meta></office:document-meta>`,
    ...over,
  };
}

export const odtFile = (over: Record<string, string> = {}) => zipSync(u8(odtParts(over)));

const xhtml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>c</title></head><body>${body}</body></html>`;

export function epubParts(over: Record<string, string> = {}): Record<string, string> {
  const P = PLANTED;
  return {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    'OEBPS/content.opf':
      `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">doi:${META.doi}</dc:identifier><dc:title>${META.title}</dc:title><dc:creator>${META.author}</dc:creator><dc:date>${META.date}</dc:date><dc:publisher>${META.publisher}</dc:publisher></metadata>` +
      `<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="c2" href="text/two.xhtml" media-type="application/xhtml+xml"/><item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/></manifest>` +
      `<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>`,
    'OEBPS/nav.xhtml': xhtml(
      `<nav epub:type="toc"><ol><li><a href="text/one.xhtml">One</a></li></ol></nav><nav epub:type="page-list"><ol><li><a href="text/one.xhtml#p1">1</a></li><li><a href="text/one.xhtml#p2">2</a></li><li><a href="text/two.xhtml#p3">3</a></li></ol></nav>`,
    ),
    'OEBPS/text/one.xhtml': xhtml(
      `<span epub:type="pagebreak" id="p1" title="1"/><h1>${esc(P.heading)}</h1><p>${esc(P.body)}<a epub:type="noteref" href="#n1">1</a></p><ul><li>${esc(P.listItem)}</li><li>Repainting of the keeper’s house</li></ul><span epub:type="pagebreak" id="p2" title="2"/><table><tr><th>Gate</th><th>Barges</th></tr><tr><td>${P.tableCell}</td><td>412</td></tr></table><p>${esc(P.second)}</p><aside epub:type="footnote" id="n1"><p>${esc(P.note)}</p></aside>`,
    ),
    'OEBPS/text/two.xhtml': xhtml(`<span epub:type="pagebreak" id="p3" title="3"/><h2>Winter</h2><p>${esc(P.chapter2)}</p>`),
    ...over,
  };
}

export const epubFile = (over: Record<string, string> = {}) => zipSync(u8(epubParts(over)));

/** An article page as a browser would have saved it. */
export function articlePage(): string {
  const P = PLANTED;
  return (
    `<!doctype html><html><head><title>${P.heading} | Canal News</title><meta property="og:title" content="${P.heading}"><meta name="author" content="${META.author}"><meta property="article:published_time" content="${META.date}T08:00:00Z"><meta property="og:site_name" content="Canal News"></head>` +
    `<body><nav><a href="/">Home</a> <a href="/boats">Boats</a></nav><article><h1>${P.heading}</h1><p>${P.body} The keeper keeps the ledger in a drawer by the winch and copies it out each Sunday evening.</p><p>${P.second} Card readers were fitted in the spring after two winters of trials.</p><p>${P.chapter2}</p></article><footer>Canal News, all rights reserved</footer></body></html>`
  );
}

export const PAGE_URL = 'https://news.example.org/canal/orsk-ledger';
export const CAPTURED = { iso: '2026-02-14T07:30:00Z', date: '2026-02-14' };

/** Quoted-printable as a browser writes it: "=" escapes, soft line breaks under 76 characters. */
function quotedPrintable(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  let out = '';
  let line = '';
  for (const b of bytes) {
    const c = b === 0x3d || b > 126 || (b < 32 && b !== 10) ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
    if (c === '\n') {
      out += line + '\r\n';
      line = '';
      continue;
    }
    if (line.length + c.length > 75) {
      out += line + '=\r\n';
      line = '';
    }
    line += c;
  }
  return out + line;
}

export function mhtmlFile(html = articlePage()): Uint8Array {
  const b = '----MultipartBoundary--orsk----';
  return strToU8(
    [
      `From: <Saved by Blink>`,
      `Snapshot-Content-Location: ${PAGE_URL}`,
      `Subject: ${PLANTED.heading}`,
      `Date: Sat, 14 Feb 2026 07:30:00 -0000`,
      `MIME-Version: 1.0`,
      `Content-Type: multipart/related;`,
      `\ttype="text/html";`,
      `\tboundary="${b}"`,
      '',
      '',
      `--${b}`,
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      `Content-Location: ${PAGE_URL}`,
      '',
      quotedPrintable(html),
      '',
      `--${b}`,
      'Content-Type: text/css',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://news.example.org/site.css',
      '',
      'body { margin: 0 }',
      '',
      `--${b}--`,
      '',
    ].join('\r\n'),
  );
}

const warcRecord = (type: string, headers: string[], body: string) => {
  const len = Buffer.byteLength(body, 'utf8');
  return `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Record-ID: <urn:uuid:${type}-${len}>\r\nWARC-Date: ${CAPTURED.iso}\r\n${headers.map((h) => h + '\r\n').join('')}Content-Length: ${len}\r\n\r\n${body}\r\n\r\n`;
};

export function warcFile(options: { response?: boolean; html?: string } = {}): Uint8Array {
  const html = options.html ?? articlePage();
  const info = warcRecord('warcinfo', ['Content-Type: application/warc-fields'], 'software: notebook-tests\r\nformat: WARC File Format 1.0\r\n');
  const request = warcRecord('request', [`WARC-Target-URI: ${PAGE_URL}`, 'Content-Type: application/http; msgtype=request'], `GET /canal/orsk-ledger HTTP/1.1\r\nHost: news.example.org\r\n\r\n`);
  const css = warcRecord(
    'response',
    ['WARC-Target-URI: https://news.example.org/site.css', 'Content-Type: application/http; msgtype=response'],
    'HTTP/1.1 200 OK\r\nContent-Type: text/css\r\nContent-Length: 18\r\n\r\nbody { margin: 0 }',
  );
  const page = warcRecord(
    'response',
    [`WARC-Target-URI: ${PAGE_URL}`, 'Content-Type: application/http; msgtype=response'],
    `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(html)}\r\n\r\n${html}`,
  );
  return strToU8(options.response === false ? info + request : info + request + css + page);
}

/** A zip whose entry `name` declares `size` bytes uncompressed (in both its local and central headers), whatever it holds. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = Buffer.from(out.buffer);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i + 46 < view.length; i++) {
    const sig = view.readUInt32LE(i);
    if (sig === 0x04034b50 && view.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes)) view.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && view.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)) view.writeUInt32LE(size, i + 24);
  }
  return out;
}

/** A zip holding `files` as given (any names, including unsafe ones). */
export const zipOf = (files: Record<string, string | Uint8Array>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
