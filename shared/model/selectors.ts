/**
 * Locating a quote's text in a source when the user names it by its words
 * (`notebook quote SOURCE --exact "..."`). Selectors are made by anchoring/describe.ts.
 */
import { snapRange } from '../text/graphemes.ts';
import { normalizeText } from '../text/normalize.ts';

export interface Located {
  start: number;
  end: number;
}

/**
 * Every occurrence of `wanted` in `text`. The query is normalized like a source
 * (NFC, LF) and whitespace runs match any whitespace run, so a passage copied
 * across a line break still matches; letters, digits and punctuation must match
 * exactly — "almost 80%" never finds "almost 70%".
 */
export function findOccurrences(text: string, wanted: string): Located[] {
  const needle = normalizeText(wanted).trim();
  if (!needle) return [];
  const pattern = needle
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const out: Located[] = [];
  const re = new RegExp(pattern, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const r = snapRange(text, m.index, m.index + m[0].length);
    // A match that had to be widened would split a character (e.g. the query ends
    // in a base letter that carries a combining mark in the text): not the same words.
    if (r.start === m.index && r.end === m.index + m[0].length) out.push(r);
    re.lastIndex = m.index + 1;
  }
  return out;
}
