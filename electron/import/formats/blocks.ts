/**
 * A document's DOM (mammoth's HTML of a DOCX, an EPUB chapter) as the notebook's
 * text: one paragraph per heading, paragraph, list item ("• " or "3. ") and table
 * row (cells joined by " | "), and the footnotes kept apart, after the body under
 * "Notes", each as "[n] text". ODT's XML has its own walk (odt.ts) onto the same
 * output (`withNotes`).
 */

export type Node = {
  nodeType: number;
  tagName?: string;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
  getAttribute?(name: string): string | null;
};

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'DD',
  'DT',
  'HEADER',
  'MAIN',
  'ASIDE',
  'NAV',
  'FIGURE',
  'BODY',
  'HR',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'CAPTION',
  'FOOTER',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'HEAD', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'TITLE']);

export const tagOf = (n: Node) => (n.localName ?? n.tagName ?? '').replace(/^.*:/, '').toUpperCase();

export interface Collected {
  paragraphs: string[];
  notes: string[];
}

/**
 * Walks `root`; `noteOf(el)` returns the footnote's number (or '' to number it in
 * order) when `el` is a footnote body to set apart, and null otherwise.
 */
export function collectBlocks(root: Node, noteOf: (el: Node) => string | null = () => null, out: Collected = { paragraphs: [], notes: [] }, childrenOnly = false): Collected {
  let line = '';
  const flush = (into: string[]) => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) into.push(t);
    line = '';
  };
  const walk = (n: Node, into: string[]) => {
    if (n.nodeType === 3) {
      line += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = tagOf(n);
    if (SKIP.has(tag)) return;
    const note = noteOf(n);
    if (note !== null) {
      const saved = line;
      line = '';
      const parts = collectBlocks(n, noteOf, { paragraphs: [], notes: out.notes }, true).paragraphs;
      const label = note || String(out.notes.length + 1);
      const body = parts
        .join(' ')
        .replace(/\s*↑\s*$/, '')
        .trim();
      if (body) out.notes.push(`[${label}] ${body.replace(new RegExp(`^\\[?${escapeRe(label)}\\]?[.)]?\\s+`), '')}`);
      line = saved;
      return;
    }
    if (tag === 'BR') return flush(into);
    if (tag === 'LI') {
      flush(into);
      line = listMarker(n);
      for (const c of Array.from(n.childNodes)) {
        if (tagOf(c) === 'UL' || tagOf(c) === 'OL') {
          flush(into);
          walk(c, into);
        } else if (BLOCK.has(tagOf(c))) {
          // A list item's own paragraph stays on the marker's line.
          for (const g of Array.from(c.childNodes)) walk(g, into);
          line += ' ';
        } else walk(c, into);
      }
      return flush(into);
    }
    if (tag === 'TR') {
      flush(into);
      const cells = Array.from(n.childNodes).filter((c) => tagOf(c) === 'TD' || tagOf(c) === 'TH');
      line = cells.map((c) => collectBlocks(c, noteOf, { paragraphs: [], notes: out.notes }, true).paragraphs.join(' ')).join(' | ');
      return flush(into);
    }
    const block = BLOCK.has(tag);
    if (block) flush(into);
    for (const c of Array.from(n.childNodes)) walk(c, into);
    if (block) flush(into);
  };
  if (childrenOnly) for (const c of Array.from(root.childNodes)) walk(c, out.paragraphs);
  else walk(root, out.paragraphs);
  flush(out.paragraphs);
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "• " in a bulleted list, "n. " in a numbered one (counting the item's earlier siblings and the list's start). */
function listMarker(li: Node & { parentNode?: Node | null }): string {
  const list = li.parentNode;
  if (!list || tagOf(list) !== 'OL') return '• ';
  const start = Number(list.getAttribute?.('start') ?? 1) || 1;
  let i = 0;
  for (const c of Array.from(list.childNodes)) {
    if (c === li) break;
    if (tagOf(c) === 'LI') i++;
  }
  return `${start + i}. `;
}

/** The body's paragraphs, then the notes apart under "Notes". */
export function withNotes({ paragraphs, notes }: Collected): string {
  return [...paragraphs, ...(notes.length ? ['Notes', ...notes] : [])].join('\n\n');
}
