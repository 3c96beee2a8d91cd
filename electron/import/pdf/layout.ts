/**
 * A PDF page's text items in reading order: items grouped into lines by baseline,
 * lines into columns (a gutter no body line crosses) and the columns read left then
 * right between the full-width lines that divide the page.
 */

/** One positioned run of text, as pdfjs gives it (x, y: baseline start; size: font height). */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** One line of a page: its runs joined, with its extent and font size. */
export interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Whitespace runs inside a line become one space (PDF spacing is layout, not text). */
const clean = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\s\u00A0\u2028\u2029]+/g, ' ')
    // Control characters a font's encoding can leave in the text (NUL, BEL, C1 codes) carry no words.
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

/**
 * Runs on one baseline, left to right, split where the horizontal gap is wider than
 * twice the font size (the gutter between two columns), so each column's part of a
 * baseline is its own line.
 */
export function linesOf(runs: readonly TextRun[]): Line[] {
  const items = runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const r of items) {
    const row = rows.at(-1);
    // Half the larger size: a superscript footnote mark (raised a third of the body size) stays on its line.
    if (row && Math.abs(row[0]!.y - r.y) <= Math.max(1, 0.5 * Math.max(row[0]!.size, r.size))) row.push(r);
    else rows.push([r]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let cur: Line | null = null;
    for (const r of row) {
      const gap = cur ? r.x - cur.x1 : 0;
      if (cur && gap <= 2 * Math.max(cur.size, r.size)) {
        const space = gap > 0.15 * r.size && !cur.text.endsWith(' ') && !r.str.startsWith(' ') ? ' ' : '';
        cur.text += space + r.str;
        cur.x1 = Math.max(cur.x1, r.x + r.width);
        if (r.size > cur.size) [cur.size, cur.y] = [r.size, r.y];
      } else {
        if (cur) lines.push(cur);
        cur = { text: r.str, x0: r.x, x1: r.x + r.width, y: r.y, size: r.size };
      }
    }
    if (cur) lines.push(cur);
  }
  for (const l of lines) l.text = clean(l.text).trim();
  return lines.filter((l) => l.text !== '');
}

/**
 * The x range of a gutter between two columns, or null: the widest vertical strip in
 * the middle of the text area that at most a few lines cross, provided both sides
 * hold several lines.
 */
export function findGutter(lines: readonly Line[]): { from: number; to: number } | null {
  if (lines.length < 6) return null;
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const span = right - left;
  if (span <= 0) return null;
  const bins = Math.ceil(span);
  const cover = new Int32Array(bins + 1);
  for (const l of lines) {
    const a = Math.max(0, Math.floor(l.x0 - left));
    const b = Math.min(bins, Math.ceil(l.x1 - left));
    cover[a]! += 1;
    if (b + 1 <= bins) cover[b + 1]! -= 1;
  }
  for (let i = 1; i <= bins; i++) cover[i]! += cover[i - 1]!;
  const allowed = Math.max(1, Math.floor(lines.length * 0.1));
  let best: { from: number; to: number } | null = null;
  let runStart = -1;
  for (let i = Math.floor(bins * 0.2); i <= Math.ceil(bins * 0.8) + 1; i++) {
    const open = i <= bins && cover[i]! <= allowed;
    if (open && runStart < 0) runStart = i;
    if (!open && runStart >= 0) {
      if (!best || i - runStart > best.to - best.from) best = { from: left + runStart, to: left + i };
      runStart = -1;
    }
  }
  const medianSize = [...lines.map((l) => l.size)].sort((a, b) => a - b)[lines.length >> 1]!;
  if (!best || best.to - best.from < Math.max(6, 0.8 * medianSize)) return null;
  const g = best;
  const leftCount = lines.filter((l) => l.x1 <= g.to && l.x0 < g.from).length;
  const rightCount = lines.filter((l) => l.x0 >= g.from && l.x1 > g.to).length;
  return leftCount >= 3 && rightCount >= 3 ? best : null;
}

/**
 * The lines in reading order: with a gutter, the page is cut into bands at each
 * line that spans it (a title, a figure caption spanning both columns), and each
 * band is read left column first, then the right one; without, top to bottom.
 */
export function readingOrder(lines: readonly Line[]): Line[] {
  const byY = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const gutter = findGutter(byY);
  if (!gutter) return byY;
  const out: Line[] = [];
  let leftCol: Line[] = [];
  let rightCol: Line[] = [];
  const flush = () => {
    out.push(...leftCol, ...rightCol);
    leftCol = [];
    rightCol = [];
  };
  const middle = (gutter.from + gutter.to) / 2;
  for (const l of byY) {
    if (l.x0 < gutter.from && l.x1 > gutter.to) {
      flush();
      out.push(l);
    } else if (l.x0 < middle) leftCol.push(l);
    else rightCol.push(l);
  }
  flush();
  return out;
}

/** The most common line spacing among consecutive lines of the same column, or 1.2 × size. */
function typicalSpacing(lines: readonly Line[]): number {
  const gaps = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const d = Math.round((lines[i - 1]!.y - lines[i]!.y) * 2) / 2;
    if (d > 0) gaps.set(d, (gaps.get(d) ?? 0) + 1);
  }
  let best = 0;
  let count = 0;
  for (const [d, n] of gaps) if (n > count || (n === count && d < best)) [best, count] = [d, n];
  return best || 1.2 * (lines[0]?.size ?? 10);
}

/**
 * Lines (in reading order) grouped into paragraphs: a new paragraph where the gap to
 * the previous line is clearly wider than the usual spacing, where the line jumps
 * up (the next column), where the font size changes, or where an indented line
 * follows a line that ends a sentence.
 */
export function paragraphsOf(lines: readonly Line[]): Line[][] {
  const spacing = typicalSpacing(lines);
  const out: Line[][] = [];
  let left = Infinity;
  for (const l of lines) {
    const block = out.at(-1);
    const prev = block?.at(-1);
    let fresh = !prev;
    if (prev && block) {
      const gap = prev.y - l.y;
      const sizeChange = Math.abs(prev.size - l.size) > 0.15 * Math.max(prev.size, l.size);
      const indented = l.x0 - left > 1.5 * l.size && /[.!?:"”)]$/.test(prev.text);
      fresh = gap <= 0 || gap > 1.45 * spacing || sizeChange || indented;
    }
    if (fresh) {
      out.push([l]);
      left = l.x0;
    } else {
      block!.push(l);
      left = Math.min(left, l.x0);
    }
  }
  return out;
}
