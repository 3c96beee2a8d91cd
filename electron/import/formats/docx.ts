/**
 * DOCX: mammoth turns the document into HTML (headings, lists, tables, footnotes
 * and endnotes), which becomes text with the notes after the body (blocks.ts);
 * title, authors and date come from docProps/core.xml. The zip is proved safe
 * (zip.ts) before mammoth reads it.
 */
import { NotebookError } from '../../../shared/result.ts';
import { lazy, linkedom } from '../lazy.ts';
import type { BinaryReader } from '../importer.ts';
import { collectBlocks, withNotes } from './blocks.ts';
import type { Node } from './blocks.ts';
import { dublinCore, parseXml } from './metadata.ts';
import { openZip } from './zip.ts';

const mammoth = lazy<typeof import('mammoth')>('mammoth');

/** A footnote or endnote item of mammoth's output (`<li id="footnote-3">`): its number. */
function noteNumber(el: Node): string | null {
  const id = el.getAttribute?.('id') ?? '';
  const m = /^(?:footnote|endnote)-(\d+)$/.exec(id);
  return m && el.tagName?.toUpperCase() === 'LI' ? m[1]! : null;
}

export const readDocx: BinaryReader = async (bytes, fileName) => {
  const zip = openZip(bytes, fileName, 'DOCX');
  if (!zip.has('word/document.xml')) throw new NotebookError('unsupported_file', `${fileName}: not a Word document (the archive has no word/document.xml)`);
  zip.checkAll();
  const m = mammoth();
  let html: string;
  try {
    const r = await m.convertToHtml({ buffer: Buffer.from(bytes) }, { externalFileAccess: false, convertImage: m.images.imgElement(async () => ({ src: '' })) });
    html = r.value;
  } catch (e) {
    throw new NotebookError(
      'unsupported_file',
      `${fileName}: the Word document could not be read (${String((e as Error).message ?? e)
        .split('\n')[0]!
        .slice(0, 120)})`,
    );
  }
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // The notes' "↑" links back to the body are not text.
  document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]').forEach((a: { remove(): void }) => a.remove());
  const collected = collectBlocks(document.body as unknown as Node, noteNumber);
  const meta = dublinCore(zip.has('docProps/core.xml') ? parseXml(zip.xml('docProps/core.xml')) : null);
  return { ...meta, text: withNotes(collected) };
};
