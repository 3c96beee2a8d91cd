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
 *
 * A match whose edge falls inside a character of the text (the query ends in "i"
 * where the text has "i" + U+0307, or in an emoji the text follows with a skin
 * tone) is snapped outward to whole characters (grapheme clusters), because those
 * are the words the researcher typed; such snapped matches are used only when no
 * match lines up with the text's characters as it is.
 */
export function findOccurrences(text: string, wanted: string): Located[] {
  const needle = normalizeText(wanted).trim();
  if (!needle) return [];
  const pattern = needle
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const whole: Located[] = [];
  const snapped: Located[] = [];
  const re = new RegExp(pattern, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const r = snapRange(text, m.index, m.index + m[0].length);
    if (r.start === m.index && r.end === m.index + m[0].length) whole.push(r);
    else if (!snapped.some((x) => x.start === r.start && x.end === r.end)) snapped.push(r);
    re.lastIndex = m.index + 1;
  }
  return whole.length > 0 ? whole : snapped;
}
