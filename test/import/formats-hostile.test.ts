/**
 * Bad and hostile DOCX, EPUB, ODT, MHTML and WARC files: each is refused with one
 * line naming the file, and the notebook's folder is byte-identical afterwards.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFile, docxParts, epubFile, epubParts, mhtmlFile, odtParts, warcFile, withDeclaredSize, zipOf } from '../support/document-files.ts';
import { folderHash, openService, tempDir } from '../support/notebook.ts';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const BOMB_ENTRY = 'word/media/filler.bin';
const ENTITIES =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>';

/** A DOCX holding 8 MB of zeros (a few KB compressed) that declares them as 1,000 bytes. */
function lyingDocx(): Uint8Array {
  const files = Object.fromEntries(Object.entries(docxParts()).map(([k, v]) => [k, strToU8(v)]));
  return withDeclaredSize(zipSync({ ...files, [BOMB_ENTRY]: new Uint8Array(8 * 1024 * 1024) }), BOMB_ENTRY, 1000);
}

const CASES: [string, string, () => Uint8Array<ArrayBufferLike>, RegExp][] = [
  ['a truncated DOCX', 'cut.docx', () => docxFile().slice(0, Math.floor(docxFile().length / 2)), /damaged or cut short/],
  ['a truncated EPUB', 'cut.epub', () => epubFile().slice(0, epubFile().length - 30), /damaged or cut short/],
  ['a file that is no zip at all', 'plain.docx', () => strToU8('just some words in a file named .docx'), /not a DOCX file \(it is not a zip archive\)/],
  ['a zip bomb: an entry inflating past its declared size', 'bomb.docx', lyingDocx, /unpacks to more than it declares \(a zip bomb\)/],
  ['a zip bomb: an entry declaring 3 GB', 'huge.odt', () => withDeclaredSize(zipOf(odtParts()), 'content.xml', 3 * 1024 ** 3), /content\.xml" in the archive unpacks to 3072 MB; the limit is 64 MB/],
  [
    'a zip bomb: entries declaring 240 MB together',
    'many.epub',
    () => {
      let z: Uint8Array = zipOf({ ...epubParts(), 'a.bin': 'a', 'b.bin': 'b', 'c.bin': 'c', 'd.bin': 'd' });
      for (const n of ['a.bin', 'b.bin', 'c.bin', 'd.bin']) z = withDeclaredSize(z, n, 60 * 1024 * 1024);
      return z;
    },
    /unpacks to more than 200 MB/,
  ],
  ['XML entity expansion in a DOCX', 'lol.docx', () => zipOf(docxParts({ 'word/document.xml': ENTITIES })), /declares XML entities/],
  ['XML entity expansion in an ODT', 'lol.odt', () => zipOf(odtParts({ 'content.xml': ENTITIES })), /declares XML entities/],
  ['XML entity expansion in an EPUB package', 'lol.epub', () => zipOf(epubParts({ 'OEBPS/content.opf': ENTITIES })), /declares XML entities/],
  ['a name climbing out of the archive', 'climb.docx', () => zipOf({ ...docxParts(), '../../.bashrc': 'echo hi' }), /points outside it/],
  ['an absolute name', 'abs.epub', () => zipOf({ ...epubParts(), '/etc/passwd': 'x' }), /points outside it/],
  ['an ODT renamed .docx', 'odt.docx', () => zipOf(odtParts()), /not a Word document/],
  ['an EPUB without its container', 'bare.epub', () => zipOf({ mimetype: 'application/epub+zip' }), /no META-INF\/container\.xml/],
  ['a WARC without a response record', 'nopage.warc', () => warcFile({ response: false }), /holds no archived web page/],
  ['a WARC cut inside a record', 'cut.warc', () => warcFile().slice(0, 700), /(no archived web page|not a readable WARC)/],
  [
    'an MHTML holding only a style sheet',
    'style.mhtml',
    () => strToU8(Buffer.from(mhtmlFile()).toString('utf8').replace('Content-Type: text/html\r\n', 'Content-Type: text/css\r\n')),
    /no archived page/,
  ],
];

describe('hostile document files', () => {
  it.each(CASES)('refuses %s in one line and leaves the notebook byte-identical', async (_what, fileName, make, reason) => {
    const dir = tempDir();
    const nb = await openService(dir);
    await nb.call('importFiles', { files: [{ fileName: 'kept.docx', dataBase64: b64(docxFile()) }] });
    await nb.close();
    const before = folderHash(dir);
    const again = await openService(dir);
    try {
      const r = await again.call('importFiles', { files: [{ fileName, dataBase64: b64(make()) }] });
      expect(r.files[0].status).toBe('refused');
      expect(r.files[0].reason).toMatch(reason);
      expect(r.files[0].reason.startsWith(`${fileName}: `)).toBe(true);
      expect(r.files[0].reason).not.toContain('\n');
      expect(r.files[0].reason.length).toBeLessThan(300);
      expect(await again.call('listSources', {})).toHaveLength(1);
    } finally {
      await again.close();
    }
    expect(folderHash(dir)).toBe(before);
  });
});
