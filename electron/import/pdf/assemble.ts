/**
 * The reading text of a PDF from its pages' paragraphs: lines joined into running
 * text (a word hyphenated at a line end rejoined only when the whole word occurs
 * elsewhere in the document), pages joined where a paragraph runs on, footnotes
 * after the body, and the offset where each page starts (the page map's starts).
 */
import type { Line } from './layout.ts';

export interface PageText {
  /** Body paragraphs in reading order. */
  body: Line[][];
  /** Footnote paragraphs. */
  notes: Line[][];
}

export interface Assembled {
  text: string;
  /** Sorted; page i (0-based) of the file starts at starts[k] where pages[k] = i. */
  starts: number[];
  pages: number[];
  /** How many words hyphenated at a line end were rejoined. */
  rejoined: number;
}

const WORD = /\p{L}+/gu;
const ENDS_SENTENCE = /[.!?:;"”’)\]]$/u;

/** Every word of the document (lowercased), the evidence that a rejoined word exists. */
function vocabulary(pages: readonly PageText[]): Set<string> {
  const words = new Set<string>();
  for (const p of pages) for (const para of [...p.body, ...p.notes]) for (const l of para) for (const m of l.text.matchAll(WORD)) words.add(m[0].toLowerCase());
  return words;
}

/** Text joined so far and the next line: the joint between them (a space, nothing, or a dropped hyphen). */
function joint(before: string, after: string, words: Set<string>): { drop: number; glue: string; rejoined: boolean } {
  const tail = /(\p{L}+)-$/u.exec(before);
  const head = /^(\p{Ll}+)/u.exec(after);
  if (tail && head) {
    const whole = (tail[1]! + head[1]!).toLowerCase();
    return words.has(whole) ? { drop: 1, glue: '', rejoined: true } : { drop: 0, glue: '', rejoined: false };
  }
  return { drop: 0, glue: ' ', rejoined: false };
}

export function assemble(pages: readonly PageText[]): Assembled {
  const words = vocabulary(pages);
  const parts: string[] = []; // the text, piece by piece (joining as we go would copy it for every line)
  let length = 0;
  let rejoined = 0;
  const starts: number[] = [];
  const pageOf: number[] = [];
  let open = false; // the last paragraph may run on to the next page
  const push = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  const append = (line: Line, newParagraph: boolean): number => {
    if (length === 0) {
      push(line.text);
      return 0;
    }
    if (newParagraph) push('\n\n');
    else {
      const j = joint(parts.at(-1)!, line.text, words);
      if (j.rejoined) rejoined++;
      if (j.drop) {
        parts[parts.length - 1] = parts.at(-1)!.slice(0, -j.drop);
        length -= j.drop;
      }
      if (j.glue) push(j.glue);
    }
    const at = length;
    push(line.text);
    return at;
  };
  pages.forEach((page, index) => {
    let first: number | null = null;
    page.body.forEach((para, pi) => {
      para.forEach((line, li) => {
        let fresh = li === 0;
        if (fresh && pi === 0 && open && /^\p{Ll}/u.test(line.text)) fresh = false;
        const at = append(line, fresh);
        first ??= at;
      });
    });
    starts.push(first ?? -1); // a page without text starts where the next one does (set below)
    pageOf.push(index);
    const last = page.body.at(-1)?.at(-1);
    if (last) open = !ENDS_SENTENCE.test(last.text);
  });
  for (let i = starts.length - 1, next = length; i >= 0; i--) next = starts[i] === -1 ? (starts[i] = next) : starts[i]!;
  pages.forEach((page, index) => {
    if (page.notes.length === 0) return;
    let first: number | null = null;
    for (const para of page.notes) {
      para.forEach((line, li) => {
        const at = append(line, li === 0);
        first ??= at;
      });
    }
    starts.push(first!);
    pageOf.push(index);
  });
  return { text: parts.join(''), starts, pages: pageOf, rejoined };
}
