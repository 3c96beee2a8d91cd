/**
 * EPUB: the chapters in spine order (container.xml → the OPF package → its spine),
 * each chapter's XHTML read into paragraphs, list items and table rows (blocks.ts),
 * footnotes and endnotes (epub:type or role doc-footnote/doc-endnote) kept apart
 * after the body; title, creators, date, publisher and DOI from the OPF metadata.
 * A page list (nav epub:type="page-list") is counted and reported: the notebook
 * has no page map to keep its page numbers in yet.
 */
import { NotebookError } from '../../../shared/api/result.ts';
import type { BinaryReader } from '../importer.ts';
import { collectBlocks, withNotes } from './blocks.ts';
import type { Collected, Node } from './blocks.ts';
import { dublinCore, elements, parseXml } from './metadata.ts';
import { openZip, resolveIn } from './zip.ts';

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
  const spine = elements(opf, 'itemref').map((r) => manifest.get(r.getAttribute?.('idref') ?? '')).filter((m) => m && /html/.test(m.type) && zip.has(m.href));
  if (!spine.length) throw fail('the EPUB has no chapters in its spine');
  const out: Collected = { paragraphs: [], notes: [] };
  for (const chapter of spine) {
    const doc = parseXml(zip.xml(chapter!.href));
    const body = elements(doc, 'body')[0];
    // A note's mark in the text reads "[1]", as the note itself does after the body.
    for (const ref of elements(doc, 'a')) if (/\bnoteref\b/.test(ref.getAttribute?.('epub:type') ?? '') && !/^\[.*\]$/.test(ref.textContent?.trim() ?? '')) ref.textContent = `[${ref.textContent?.trim()}]`;
    if (body) collectBlocks(body, epubNote, out);
  }
  const notes: string[] = [];
  const nav = [...manifest.values()].find((m) => /\bnav\b/.test(m.props) && zip.has(m.href));
  if (nav) {
    const pageList = elements(parseXml(zip.xml(nav.href)), 'nav').find((n) => /\bpage-list\b/.test(n.getAttribute?.('epub:type') ?? ''));
    const pages = pageList ? elements(pageList, 'a').length : 0;
    if (pages) notes.push(`the book's page list (${pages} pages) is not kept yet: quotes are cited by paragraph`);
  }
  return { ...dublinCore(elements(opf, 'metadata')[0] ?? null), text: withNotes(out), notes };
};
