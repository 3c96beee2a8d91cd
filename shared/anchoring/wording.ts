/**
 * Word-level checks on a fuzzy candidate: how many of the quote's words it keeps,
 * in order, and whether it keeps them only by reordering phrases.
 *
 * Character similarity (anchor.ts, MIN_QUOTE_SIMILARITY) overrates a rewritten
 * sentence that happens to share letters with the quote ("A vintage tractor
 * parade follows" / "Vintage tractors will parade"), and a reordered sentence
 * costs characters without losing any word ("Our top pick remains X" / "X remains
 * our top pick"). Words tell both apart from copy edits.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function words(s: string): string[] {
  return (s.match(WORD) ?? []).map((w) => w.toLowerCase());
}

export interface Wording {
  /** Share of the quote's words that the candidate keeps, in order (0..1). */
  kept: number;
  /** A phrase of two or more words was taken out in one place and put back in another. */
  reordered: boolean;
}

/** Beyond this many cells the comparison is skipped (kept 1, not reordered): quotes are sentences. */
const MAX_CELLS = 250_000;

export function compareWording(quote: string, candidate: string): Wording {
  const a = words(quote);
  const b = words(candidate);
  if (a.length === 0) return { kept: 1, reordered: false };
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) return { kept: 1, reordered: false };
  // L[i][j]: longest common subsequence of a[i..] and b[j..].
  const w = m + 1;
  const L = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) L[i * w + j] = a[i] === b[j] ? L[(i + 1) * w + j + 1]! + 1 : Math.max(L[(i + 1) * w + j]!, L[i * w + j + 1]!);
  }
  // Walk the alignment, collecting the runs of words deleted from the quote and
  // inserted into the candidate.
  const deleted: string[][] = [];
  const inserted: string[][] = [];
  let del: string[] = [];
  let ins: string[] = [];
  const flush = (): void => {
    if (del.length) deleted.push(del);
    if (ins.length) inserted.push(ins);
    del = [];
    ins = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (i < n && (j === m || L[(i + 1) * w + j]! >= L[i * w + j + 1]!)) del.push(a[i++]!);
    else ins.push(b[j++]!);
  }
  flush();
  const pairs = (runs: string[][]): Set<string> => {
    const out = new Set<string>();
    for (const r of runs) for (let k = 0; k + 1 < r.length; k++) out.add(`${r[k]} ${r[k + 1]}`);
    return out;
  };
  const taken = pairs(deleted);
  let reordered = false;
  for (const p of pairs(inserted)) if (taken.has(p)) reordered = true;
  return { kept: L[0]! / n, reordered };
}

/** True when `at` falls between two letters or digits of `text`: inside a word. */
export function insideWord(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  return isWordUnit(text.charCodeAt(at - 1)) && isWordUnit(text.charCodeAt(at));
}

/** A letter, digit or mark (ASCII answered without a regular expression). */
function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c));
}
