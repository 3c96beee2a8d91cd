/**
 * EPUB: the chapters in spine order (container.xml → the OPF package → its spine),
 * each chapter's XHTML read into paragraphs, list items and table rows (blocks.ts),
 * footnotes and endnotes (epub:type or role doc-footnote/doc-endnote) kept apart
 * after the body; title, creators, date, publisher and DOI from the OPF metadata.
 * Page-break markers (epub:type="pagebreak", role="doc-pagebreak") become the
 * text's page map, labelled as the book labels its pages, so quotes cite "p. 12".
 */
import { NotebookError } from '../../../shared/result.ts';
import type { BinaryReader } from '../importer.ts';
import { collectBlocks } from './blocks.ts';
import type { Collected, Node } from './blocks.ts';
import { dublinCore, elements, parseXml } from './metadata.ts';
import { openZip, resolveIn } from './zip.ts';
import { MARK_OPEN, pageMapOf, pageMark, takeMarks } from './page-marks.ts';
import { normalizeText } from '../../../shared/text/normalize.ts';

const isPageBreak = (el: Node) => /\b(doc-)?pagebreak\b/.test(`${el.getAttribute?.('epub:type') ?? ''} ${el.getAttribute?.('role') ?? ''}`);
const unmarked = (s: string) =>
  s
    .replace(/\uE000\d+\uE001/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const NOTE_TYPES = /\b(footnote|endnote|rearnote|doc-footnote|doc-endnote)\b/;

/** A footnote body to set apart ('' = number it in order), or null. */
function epubNote(el: Node): string | null {
  const type = `${el.getAttribute?.('epub:type') ?? ''} ${el.getAttribute?.('role') ?? ''}`;
  if (!NOTE_TYPES.test(type)) return null;
  const tag = (el.tagName ?? '').toUpperCase();
  // A list of endnotes (<section epub:type="endnotes"><ol><li epub:type="endnote">) is walked into; each note is one item.
  return tag === 'SECTION' && /\bendnotes\b/.test(type) ? null : '';
}

export const readEpub: BinaryReader = async (bytes, fileName) => {
  const fail = (why: string) => new NotebookError('unsupported_file', `${fileName}: ${why}`);
  const zip = openZip(bytes, fileName, 'EPUB');
  if (!zip.has('META-INF/container.xml')) throw fail('not an EPUB book (the archive has no META-INF/container.xml)');
  const rootfile = elements(parseXml(zip.xml('META-INF/container.xml')), 'rootfile')[0]?.getAttribute?.('full-path');
  if (!rootfile || !zip.has(rootfile)) throw fail('the EPUB names no package file (OPF) that it holds');
  const opf = parseXml(zip.xml(rootfile));
  const manifest = new Map<string, { href: string; type: string; props: string }>();
  for (const item of elements(opf, 'item')) {
    const id = item.getAttribute?.('id');
    const href = item.getAttribute?.('href');
    if (id && href) manifest.set(id, { href: resolveIn(rootfile, href), type: item.getAttribute?.('media-type') ?? '', props: item.getAttribute?.('properties') ?? '' });
  }
  const spine = elements(opf, 'itemref')
    .map((r) => manifest.get(r.getAttribute?.('idref') ?? ''))
    .filter((m) => m && /html/.test(m.type) && zip.has(m.href));
  if (!spine.length) throw fail('the EPUB has no chapters in its spine');
  const out: Collected = { paragraphs: [], notes: [] };
  const labels: string[] = [];
  for (const chapter of spine) {
    const doc = parseXml(zip.xml(chapter!.href));
    const body = elements(doc, 'body')[0];
    // A note's mark in the text reads "[1]", as the note itself does after the body.
    for (const ref of elements(doc, 'a'))
      if (/\bnoteref\b/.test(ref.getAttribute?.('epub:type') ?? '') && !/^\[.*\]$/.test(ref.textContent?.trim() ?? '')) ref.textContent = `[${ref.textContent?.trim()}]`;
    // Each page break becomes a mark in the text (page-marks.ts), taken out below with its offset.
    for (const el of elements(doc, 'span', 'div', 'a', 'hr', 'p')) {
      if (!isPageBreak(el)) continue;
      labels.push((el.getAttribute?.('title') || el.getAttribute?.('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim() || String(labels.length + 1));
      el.textContent = pageMark(labels.length - 1);
    }
    if (body) collectBlocks(body, epubNote, out);
  }
  const { text: bodyText, marks } = takeMarks(out.paragraphs.map((p) => p.normalize('NFC')));
  const notesText = out.notes.map(unmarked).filter(Boolean);
  let text = [bodyText, ...(notesText.length ? ['Notes', ...notesText] : [])].filter(Boolean).join('\n\n').normalize('NFC');
  let pages = pageMapOf(marks, labels);
  const notes: string[] = [];
  if (text.includes(MARK_OPEN) || normalizeText(text) !== text) {
    // Not expected (the marks are whole and the paragraphs trimmed); the text is kept, its pages are not.
    text = normalizeText(text.replace(/\uE000\d+\uE001/g, ''));
    pages = null;
    notes.push('the page breaks could not be placed in the text: quotes are cited by paragraph');
  }
  return { ...dublinCore(elements(opf, 'metadata')[0] ?? null), text, notes, ...(pages ? { pages } : {}) };
};
