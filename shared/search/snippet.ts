/**
 * Snippets and highlight marks for a hit, computed from the hit's own text.
 *
 * The index keeps only positions, not character offsets (offsets would double the
 * posting size); a hit's text is re-tokenized here instead, which costs microseconds
 * for one paragraph or quote and is only done for the hits actually returned, and
 * without phrases only as far into the text as the snippet reaches (highlight). Phrase
 * marks are found with the same span rules as the index (a joined compound covers
 * its parts), so what is highlighted is exactly what matched.
 */

import { tokenize, Tokenizer, type Token } from './fold.ts';
import { snapRange } from '../text/graphemes.ts';
import type { Snippet } from './types.ts';

/** What to highlight: single terms and phrases (sequences of terms). */
export interface HighlightSpec {
  terms: Set<string>;
  phrases: string[][];
}

/** Sorted, merged [start, end) ranges of every match of `spec` in the tokens. */
export function findMarks(tokens: readonly Token[], spec: HighlightSpec): [number, number][] {
  const marks: [number, number][] = [];
  const byPos = new Map<number, Token[]>();
  for (const t of tokens) {
    if (spec.terms.has(t.term)) marks.push([t.start, t.end]);
    if (spec.phrases.length) {
      const list = byPos.get(t.pos);
      if (list) list.push(t);
      else byPos.set(t.pos, [t]);
    }
  }
  for (const phrase of spec.phrases) {
    const first = phrase[0];
    if (first === undefined) continue;
    const extend = (k: number, at: number): Token | undefined => {
      if (k === phrase.length) return undefined;
      for (const t of byPos.get(at) ?? []) {
        if (t.term !== phrase[k]) continue;
        if (k === phrase.length - 1) return t;
        const last = extend(k + 1, t.pos + t.span);
        if (last) return last;
      }
      return undefined;
    };
    for (const t of tokens) {
      if (t.term !== first) continue;
      const last = phrase.length === 1 ? t : extend(1, t.pos + t.span);
      if (last) marks.push([t.start, last.end]);
    }
  }
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const m of marks) {
    const prev = merged[merged.length - 1];
    if (prev && m[0] <= prev[1]) prev[1] = Math.max(prev[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}

/** Longest snippet shown, in UTF-16 code units (about two lines in the results list). */
export const SNIPPET_LENGTH = 220;
/** How much context to keep before the first match. */
const LEAD = 60;

/** The [start, end) window of `text` a snippet shows, around the first mark. */
export function snippetWindow(text: string, marks: readonly [number, number][], maxLen = SNIPPET_LENGTH): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  if (text.length > maxLen) {
    const anchor = marks[0]?.[0] ?? 0;
    start = Math.max(0, Math.min(anchor - LEAD, text.length - maxLen));
    if (start > 0) {
      const ws = text.slice(start, anchor).search(/\s/);
      start = ws >= 0 ? start + ws + 1 : start;
    }
    end = Math.min(text.length, start + maxLen);
    if (end < text.length) {
      const cut = text.slice(start, end).search(/\s\S*$/);
      if (cut > 0 && start + cut > (marks[0]?.[1] ?? 0)) end = start + cut;
    }
    // A cut right after whitespace and right before whitespace is always a grapheme
    // boundary; only otherwise pay for segmentation (text without spaces, CJK).
    const safe = (i: number): boolean => i === 0 || i === text.length || /\s/.test(text[i - 1]!) || /[\s.,;:!?]/.test(text[i]!);
    if (!safe(start) || !safe(end)) ({ start, end } = snapRange(text, start, end));
  }
  return { start, end };
}

/** A window of `text` around the first mark, whitespace-collapsed, with marks shifted into it. */
export function makeSnippet(text: string, marks: readonly [number, number][], maxLen = SNIPPET_LENGTH, window = snippetWindow(text, marks, maxLen)): Snippet {
  const { start, end } = window;
  const pre = start > 0 ? '\u2026' : '';
  const post = end < text.length ? '\u2026' : '';
  // \s matches single code units, so replacing keeps every offset valid.
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const shift = pre.length - start;
  const out: [number, number][] = [];
  for (const [s, e] of marks) {
    const cs = Math.max(s, start);
    const ce = Math.min(e, end);
    if (cs < ce) out.push([cs + shift, ce + shift]);
  }
  return { text: pre + body + post, marks: out };
}

/**
 * A hit's snippet and its first (merged) mark, tokenizing no further into the text
 * than the snippet needs; the same result as
 * makeSnippet(text, findMarks(tokenize(text), spec)).
 *
 * Without phrases every mark is one token, so the marks of the tokens before `limit`
 * are exactly the full text's marks that start before it (Tokenizer.until). The
 * answer is final once the first mark ends before `limit` (a later mark cannot merge
 * into it) and the window ends by `limit` (later marks fall outside it). A long
 * passage with an early match is then read for about a snippet's length, not to its
 * end. Phrases can reach past any limit, so with phrases the whole text is read.
 */
export function highlight(text: string, spec: HighlightSpec): { snippet: Snippet; first: [number, number] | undefined } {
  let marks: [number, number][];
  let window: { start: number; end: number } | undefined;
  if (spec.phrases.length === 0 && spec.terms.size === 0) marks = [];
  else if (spec.phrases.length === 0 && text.length > SNIPPET_LENGTH) {
    const tk = new Tokenizer(text);
    let limit = SNIPPET_LENGTH;
    for (;;) {
      tk.until(limit);
      marks = findMarks(tk.tokens, spec);
      if (tk.done) {
        window = undefined;
        break;
      }
      const first = marks[0];
      if (first && first[1] < limit) {
        window = snippetWindow(text, marks);
        if (window.end <= limit) break;
        limit = window.end;
      } else limit = first ? first[1] + SNIPPET_LENGTH : limit * 2;
    }
  } else marks = findMarks(tokenize(text), spec);
  return { snippet: makeSnippet(text, marks, SNIPPET_LENGTH, window ?? snippetWindow(text, marks)), first: marks[0] };
}
