/**
 * ODT (OpenDocument Text): content.xml walked into text — headings and paragraphs,
 * list items ("• "), table rows (cells joined by " | "), footnotes and endnotes
 * kept apart after the body (marked "[n]" at their place) — and meta.xml's title,
 * author and date.
 */
import { NotebookError } from '../../../shared/result.ts';
import type { BinaryReader } from '../importer.ts';
import { withNotes } from './blocks.ts';
import type { Collected } from './blocks.ts';
import { dublinCore, elements, parseXml } from './metadata.ts';
import type { XmlElement } from './metadata.ts';
import { openZip } from './zip.ts';

const kids = (n: XmlElement) => Array.from(n.childNodes) as XmlElement[];

/** The text of an ODT paragraph: spaces (text:s), tabs, line breaks, note citations; notes go to `notes`. */
function inline(n: XmlElement, out: Collected): string {
  let s = '';
  for (const c of kids(n)) {
    if (c.nodeType === 3) s += c.textContent ?? '';
    if (c.nodeType !== 1) continue;
    const tag = c.tagName;
    if (tag === 'text:s') s += ' '.repeat(Math.min(100, Number(c.getAttribute?.('text:c') ?? 1) || 1));
    else if (tag === 'text:tab' || tag === 'text:line-break') s += ' ';
    else if (tag === 'text:note') {
      const label = elements(c, 'text:note-citation')[0]?.textContent?.trim() || String(out.notes.length + 1);
      const body = elements(c, 'text:note-body')[0];
      const inner: Collected = { paragraphs: [], notes: out.notes };
      if (body) blocks(body, inner);
      s += `[${label}]`;
      out.notes.push(`[${label}] ${inner.paragraphs.join(' ')}`);
    } else if (tag !== 'office:annotation' && tag !== 'text:bookmark-ref') s += inline(c, out);
  }
  return s;
}

function blocks(n: XmlElement, out: Collected, marker = ''): void {
  const push = (t: string) => {
    const line = t.replace(/\s+/g, ' ').trim();
    if (line) out.paragraphs.push(line);
  };
  for (const c of kids(n)) {
    if (c.nodeType !== 1) continue;
    const tag = c.tagName;
    if (tag === 'text:h' || tag === 'text:p') push(marker + inline(c, out));
    else if (tag === 'text:list') {
      for (const item of kids(c)) if (item.tagName === 'text:list-item' || item.tagName === 'text:list-header') blocks(item, out, '• ');
    } else if (tag === 'table:table-row') {
      const cells = kids(c).filter((x) => x.tagName === 'table:table-cell');
      push(
        cells
          .map((cell) => {
            const inner: Collected = { paragraphs: [], notes: out.notes };
            blocks(cell, inner);
            return inner.paragraphs.join(' ');
          })
          .join(' | '),
      );
    } else if (!/^(office:annotation|text:tracked-changes|text:sequence-decls|text:variable-decls|table:table-columns?|office:forms)$/.test(tag ?? '')) blocks(c, out, marker);
  }
}

export const readOdt: BinaryReader = async (bytes, fileName) => {
  const zip = openZip(bytes, fileName, 'ODT');
  if (!zip.has('content.xml')) throw new NotebookError('unsupported_file', `${fileName}: not an OpenDocument text (the archive has no content.xml)`);
  const mime = zip.has('mimetype') ? Buffer.from(zip.bytes('mimetype')).toString('utf8').trim() : null;
  if (mime && mime !== 'application/vnd.oasis.opendocument.text')
    throw new NotebookError('unsupported_file', `${fileName}: an OpenDocument file of another kind (${mime.slice(0, 80)}), not a text document`);
  const content = parseXml(zip.xml('content.xml'));
  const body = elements(content, 'office:text')[0];
  const out: Collected = { paragraphs: [], notes: [] };
  if (body) blocks(body, out);
  const meta = dublinCore(zip.has('meta.xml') ? parseXml(zip.xml('meta.xml')) : null);
  return { ...meta, text: withNotes(out) };
};
