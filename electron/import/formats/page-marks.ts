/**
 * Page breaks of a reflowable book (EPUB page-list markers) carried through text
 * extraction as private-use marks — MARK_OPEN, the break's number, MARK_CLOSE —
 * then taken out of the text, each leaving the offset where its page starts: the
 * page map (shared/model/pages.ts) of the stored text.
 */
import type { PageMap } from '../../../shared/model/pages.ts';
import { MAX_PAGES } from '../../../shared/model/pages.ts';

export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/y;

export const pageMark = (i: number) => `${MARK_OPEN}${i}${MARK_CLOSE}`;

/**
 * The paragraphs joined by blank lines without their marks, and where each mark was:
 * a mark alone in its paragraph starts the next one; a mark between two spaces
 * leaves one; one at a paragraph's edge leaves none.
 */
export function takeMarks(paragraphs: readonly string[]): { text: string; marks: { at: number; index: number }[] } {
  const marks: { at: number; index: number }[] = [];
  const out: string[] = [];
  let length = 0;
  let pending: number[] = [];
  for (const p of paragraphs) {
    let s = '';
    const here: { at: number; index: number }[] = [];
    for (let i = 0; i < p.length; ) {
      MARK.lastIndex = i;
      const m = MARK.exec(p);
      if (!m) {
        s += p[i];
        i++;
        continue;
      }
      here.push({ at: s.length, index: Number(m[1]) });
      i = MARK.lastIndex;
      if (p[i] === ' ' && (s === '' || s.endsWith(' '))) i++;
    }
    const start = s.length - s.trimStart().length;
    s = s.trim();
    if (!s) {
      pending.push(...here.map((h) => h.index));
      continue;
    }
    const base = length + (out.length ? 2 : 0);
    for (const index of pending) marks.push({ at: base, index });
    pending = [];
    for (const h of here) marks.push({ at: base + Math.min(s.length, Math.max(0, h.at - start)), index: h.index });
    out.push(s);
    length = base + s.length;
  }
  for (const index of pending) marks.push({ at: length, index });
  return { text: out.join('\n\n'), marks };
}

/** The page map of the marks found, labelled as the book labels its pages; null without marks. */
export function pageMapOf(marks: readonly { at: number; index: number }[], labels: readonly string[]): PageMap | null {
  if (!marks.length) return null;
  const kept = marks.slice(0, MAX_PAGES);
  return {
    starts: kept.map((m, i) => (i === 0 ? 0 : m.at)),
    pages: kept.map((_m, i) => i + 1),
    labels: kept.map((m) => (labels[m.index] ?? String(m.index + 1)).slice(0, 40)),
    origin: 'labels',
  };
}
