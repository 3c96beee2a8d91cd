/**
 * Word-level diff between a quote as it was and the text it now anchors to, so a
 * reader sees "rose → climbed" rather than a character soup.
 *
 * Tokens are words (letters, digits, marks), single punctuation characters and
 * whitespace runs; the diff is a longest-common-subsequence over tokens, which is
 * plenty for quote-sized strings. Joining the 'equal' and 'delete' parts gives
 * back `a`; joining 'equal' and 'insert' gives `b`.
 */
import type { WordDiffPart } from './types.ts';

const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;
/** Beyond this many LCS cells (tokens × tokens) the middle is reported as replaced. */
const MAX_CELLS = 4_000_000;

function tokenize(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

export function wordDiff(a: string, b: string): WordDiffPart[] {
  const x = tokenize(a);
  const y = tokenize(b);
  const parts: WordDiffPart[] = [];
  const push = (op: WordDiffPart['op'], text: string): void => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  push('equal', x.slice(0, head).join(''));
  const n = xs.length;
  const m = ys.length;
  if (n * m > MAX_CELLS) {
    push('delete', xs.join(''));
    push('insert', ys.join(''));
  } else {
    // L[i][j]: LCS length of xs[i..] and ys[j..], so the walk below runs forwards.
    const L = new Int32Array((n + 1) * (m + 1));
    const w = m + 1;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        L[i * w + j] = xs[i] === ys[j] ? L[(i + 1) * w + j + 1]! + 1 : Math.max(L[(i + 1) * w + j]!, L[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xs[i] === ys[j]) {
        push('equal', xs[i++]!);
        j++;
      } else if (i < n && (j === m || L[(i + 1) * w + j]! >= L[i * w + j + 1]!)) {
        push('delete', xs[i++]!);
      } else {
        push('insert', ys[j++]!);
      }
    }
  }
  push('equal', x.slice(x.length - tail).join(''));
  return parts;
}
