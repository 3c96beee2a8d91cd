/**
 * Page furniture of a PDF: running headers and footers (the same line, but for a
 * page number, at the top or bottom of many pages), the page numbers printed in them,
 * and footnotes (smaller text at the bottom of a page).
 */
import type { Line } from './layout.ts';

/** A small lowercase roman numeral (i … c), as printed on front-matter pages. */
const ROMAN = /^(?=[ivxlc])(c?)(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

export function romanValue(s: string): number | null {
  if (!s || !ROMAN.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** A line's text with every number (arabic, or small roman) replaced by '#': lines equal under this are the same running header. */
export function furnitureKey(text: string): string {
  return text.replace(TOKEN, (t) => (/^\d+$/.test(t) || romanValue(t) !== null ? '#' : t));
}

/** The arabic numbers a line prints. */
const numbersIn = (text: string): number[] => [...text.matchAll(/(?<![\p{L}\p{N}])\d{1,6}(?![\p{L}\p{N}])/gu)].map((m) => Number(m[0]));

/** How many lines at each edge of a page can be furniture. */
const EDGE_LINES = 2;

export interface Furniture {
  /** Per page, the indices (into that page's lines) of its running header and footer lines. */
  removed: Set<number>[];
  /** The distinct running lines found (their first occurrence), for the import note. */
  kinds: { text: string; pages: number }[];
  /** Per page (0-based), the page number printed in its running header/footer, when the document numbers its pages consistently. */
  printed: (number | null)[];
  /** printed[i] = i + 1 + offset where a consistent numbering was found. */
  offset: number | null;
}

/**
 * Finds running headers and footers: among the top and bottom lines of each page,
 * those whose key (furnitureKey) recurs at the same edge of at least 3 pages and
 * either prints a number or recurs on a fifth of the pages. Printed page numbers: the
 * offset between a number in those lines and the page's position that most pages agree on.
 */
export function findFurniture(pages: readonly Line[][]): Furniture {
  const candidates: { page: number; index: number; edge: 'top' | 'bottom'; key: string }[] = [];
  pages.forEach((lines, page) => {
    const order = lines.map((l, i) => ({ l, i })).sort((a, b) => b.l.y - a.l.y);
    const top = order.slice(0, Math.min(EDGE_LINES, order.length));
    const bottom = order.slice(Math.max(top.length, order.length - EDGE_LINES));
    for (const { l, i } of top) candidates.push({ page, index: i, edge: 'top', key: furnitureKey(l.text) });
    for (const { l, i } of bottom) candidates.push({ page, index: i, edge: 'bottom', key: furnitureKey(l.text) });
  });
  const pagesWith = new Map<string, Set<number>>();
  // A bare page number counts wherever it stands (the first page of an article often prints it at the foot, the others at the head).
  const edgeKey = (c: { edge: string; key: string }) => (c.key === '#' ? '#' : `${c.edge}\u0000${c.key}`);
  for (const c of candidates) {
    const k = edgeKey(c);
    let s = pagesWith.get(k);
    if (!s) pagesWith.set(k, (s = new Set()));
    s.add(c.page);
  }
  const isRunning = (k: string, key: string): boolean => {
    const n = pagesWith.get(k)!.size;
    return pages.length >= 3 && n >= 3 && (key.includes('#') || n >= 0.2 * pages.length);
  };
  const removed = pages.map(() => new Set<number>());
  const kinds = new Map<string, { text: string; pages: number }>();
  const votes = new Map<number, number>();
  const numbersOnPage: number[][] = pages.map(() => []);
  for (const c of candidates) {
    const k = edgeKey(c);
    if (!isRunning(k, c.key)) continue;
    removed[c.page]!.add(c.index);
    if (!kinds.has(k)) kinds.set(k, { text: pages[c.page]![c.index]!.text, pages: pagesWith.get(k)!.size });
    numbersOnPage[c.page]!.push(...numbersIn(pages[c.page]![c.index]!.text));
  }
  numbersOnPage.forEach((nums, page) => {
    for (const off of new Set(nums.map((n) => n - (page + 1)))) votes.set(off, (votes.get(off) ?? 0) + 1);
  });
  const numbered = numbersOnPage.filter((n) => n.length > 0).length;
  let offset: number | null = null;
  let best = 0;
  for (const [off, n] of votes) if (n > best || (n === best && offset !== null && Math.abs(off) < Math.abs(offset))) [offset, best] = [off, n];
  if (offset === null || best < Math.max(2, 0.5 * numbered)) offset = null;
  const printed = pages.map((_l, page) => (offset !== null && numbersOnPage[page]!.includes(page + 1 + offset) ? page + 1 + offset : null));
  return { removed, kinds: [...kinds.values()], printed, offset };
}

/**
 * Splits a page's body lines (furniture removed) into body and footnotes: the
 * run of lines at the bottom of the page set clearly smaller than the document's
 * body text, below at least one body-size line.
 */
export function splitFootnotes(lines: readonly Line[], bodySize: number): { body: Line[]; notes: Line[] } {
  const byY = [...lines].sort((a, b) => a.y - b.y);
  let k = 0;
  while (k < byY.length && byY[k]!.size < 0.88 * bodySize) k++;
  if (k === 0 || k === byY.length) return { body: [...lines], notes: [] };
  const notes = new Set(byY.slice(0, k));
  return { body: lines.filter((l) => !notes.has(l)), notes: lines.filter((l) => notes.has(l)) };
}

/** The document's body text size: the font size most of its characters are set in. */
export function bodySizeOf(pages: readonly Line[][]): number {
  const chars = new Map<number, number>();
  for (const lines of pages) for (const l of lines) chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let size = 10;
  let most = -1;
  for (const [s, n] of chars) if (n > most) [size, most] = [s, n];
  return size;
}
