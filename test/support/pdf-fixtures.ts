/**
 * Generated PDF fixtures (made-up words only): a 300-page book with roman then arabic
 * page labels and running headers, a journal article printed from page 1647 without
 * labels, a two-column page, and a file with an image-only page.
 */
import { wordMaker, writePdf } from './pdf-writer.ts';
import type { PdfPage, PdfText } from './pdf-writer.ts';

const LINE = 14;
const TOP = 720;
const LINES_PER_PAGE = 40;
const roman = (n: number): string => ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][n - 1]!;

export interface Book {
  bytes: Uint8Array;
  /** Planted quotes with the page labels they lie on (first, last). */
  quotes: { exact: string; first: string; last: string }[];
  labels: string[];
}

/**
 * 300 pages: i–xii, then 1–288. Each page has a running header "The Kalomi Ledger — label",
 * 40 lines of body text in paragraphs (indented first lines), a footnote on every
 * 25th page, and paragraphs running over page breaks. Two words are hyphenated at a
 * line end: "zanbrofel" (which also occurs whole) and "kesta-lomber" (which does not).
 */
export function book300(): Book {
  const word = wordMaker(300);
  const labels = Array.from({ length: 300 }, (_x, i) => (i < 12 ? roman(i + 1) : String(i - 11)));
  const pages: PdfPage[] = [];
  const quotes: Book['quotes'] = [];
  let paraLeft = 5; // lines left in the current paragraph
  const lineText = (n: number, first: boolean, last: boolean): string => {
    const ws = Array.from({ length: n }, word);
    if (first) ws[0] = ws[0]![0]!.toUpperCase() + ws[0]!.slice(1);
    return ws.join(' ') + (last ? '.' : '');
  };
  for (let p = 0; p < 300; p++) {
    const texts: PdfText[] = [{ x: 72, y: 760, text: `The Kalomi Ledger \u2014 ${labels[p]}`, size: 9 }];
    const lines: { text: string; first: boolean }[] = [];
    for (let l = 0; l < LINES_PER_PAGE; l++) {
      const first = paraLeft === 0;
      if (first) paraLeft = 4 + ((p * 7 + l) % 9);
      paraLeft--;
      lines.push({ text: lineText(9, first, paraLeft === 0), first });
    }
    // Plants: "zanbrofel" whole on page 4, hyphenated on page 61; "kesta-lomber" (never whole) on page 91.
    const runOn = lines.findIndex((x, l) => l >= 10 && !x.text.endsWith('.') && !lines[l + 1]!.first);
    if (p === 3) lines[5]!.text = lines[5]!.text.replace(/ \S+ /, ' zanbrofel ');
    const split = p === 60 ? ['zanbro', 'fel'] : p === 90 ? ['kesta', 'lomber'] : null;
    if (split) {
      lines[runOn]!.text = `${lines[runOn]!.text} ${split[0]}-`;
      lines[runOn + 1]!.text = `${split[1]} ${lines[runOn + 1]!.text}`;
    }
    lines.forEach((x, l) => texts.push({ x: x.first ? 90 : 72, y: TOP - l * LINE, text: x.text, size: 10 }));
    if (p % 25 === 24) texts.push({ x: 72, y: 60, text: `1 Footnote of page ${labels[p]}: ${lineText(6, false, true)}`, size: 7 });
    pages.push({ texts });
    // A quote in the middle of the page: words 2–6 of line 20.
    quotes.push({ exact: lines[20]!.text.split(' ').slice(1, 6).join(' '), first: labels[p]!, last: labels[p]! });
  }
  // Quotes across a page break, where a paragraph runs on: the last words of a page and the first of the next.
  const pageLines = pages.map((pg) => pg.texts.filter((t) => t.size === 10).map((t) => t.text));
  let crossing = 0;
  for (let p = 20; p < 299 && crossing < 12; p += 23) {
    const last = pageLines[p]!.at(-1)!;
    const next = pageLines[p + 1]![0]!;
    if (last.endsWith('.') || /^[A-Z]/.test(next)) continue;
    quotes[p] = { exact: `${last.split(' ').slice(-3).join(' ')} ${next.split(' ').slice(0, 3).join(' ')}`, first: labels[p]!, last: labels[p + 1]! };
    crossing++;
  }
  const bytes = writePdf(pages, {
    labels: [
      { startIndex: 0, style: 'r' },
      { startIndex: 12, style: 'D' },
    ],
    info: { title: 'The Kalomi Ledger', author: 'Ines Varo; Tomas Lind' },
  });
  return { bytes, quotes, labels };
}

/** A six-page article printed as pages 1647–1652 of a journal issue, without /PageLabels. */
export function journal(): { bytes: Uint8Array; sentences: string[] } {
  const word = wordMaker(1647);
  const pages: PdfPage[] = [];
  const sentences: string[] = [];
  for (let p = 0; p < 6; p++) {
    const texts: PdfText[] = [];
    if (p === 0) texts.push({ x: 300, y: 40, text: '1647', size: 9 });
    else texts.push({ x: 72, y: 760, text: 'Journal of Kalomi Studies 12 (3)', size: 9 }, { x: 520, y: 760, text: String(1647 + p), size: 9 });
    for (let l = 0; l < 30; l++) {
      const s = Array.from({ length: 8 }, word).join(' ');
      const text = `${s[0]!.toUpperCase()}${s.slice(1)}.`;
      if (l === 15) sentences.push(text);
      texts.push({ x: l % 5 === 0 ? 90 : 72, y: TOP - l * LINE, text, size: 10 });
    }
    pages.push({ texts });
  }
  return { bytes: writePdf(pages), sentences };
}

/** One page: a full-width title, then two columns of 30 lines each. */
export function twoColumns(): { bytes: Uint8Array; title: string; left: string[]; right: string[] } {
  const word = wordMaker(2);
  const title = 'Two Columns of Kalomi';
  const col = () => Array.from({ length: 30 }, () => Array.from({ length: 4 }, word).join(' '));
  const left = col();
  const right = col();
  const texts: PdfText[] = [{ x: 200, y: 750, text: title, size: 16 }];
  left.forEach((t, i) => texts.push({ x: 72, y: 700 - i * 13, text: t, size: 10 }));
  right.forEach((t, i) => texts.push({ x: 330, y: 700 - i * 13, text: t, size: 10 }));
  return { bytes: writePdf([{ texts }]), title, left, right };
}

/** Three pages, the second a scanned image with no text layer. */
export function withImagePage(): Uint8Array {
  const word = wordMaker(3);
  const page = (): PdfPage => ({ texts: Array.from({ length: 10 }, (_x, i) => ({ x: 72, y: 700 - i * 14, text: `${Array.from({ length: 8 }, word).join(' ')}.`, size: 10 })) });
  return writePdf([page(), { texts: [], image: true }, page()]);
}
