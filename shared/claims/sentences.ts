/**
 * Sentence splitting for figure context and subject hints.
 *
 * A sentence ends at a line break, or at . ! ? (plus any closing quotes or
 * brackets) followed by whitespace and an upper-case letter, digit or opening
 * quote. That alone keeps decimals ("3.5") whole, since no space follows their
 * dot. Abbreviations are the hard part: a dot after a known abbreviation
 * ("Dr.", "Inc.", "approx.") or after a single capital letter or dotted initials
 * ("J.", "U.S.") does not end a sentence. The price is that a sentence really
 * ending in "U.S." runs into the next one; for figure context that is harmless.
 */

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'plc',
  'vs',
  'e.g',
  'i.e',
  'no',
  'nos',
  'fig',
  'approx',
  'est',
  'dept',
  'gov',
  'gen',
  'sen',
  'rep',
  'capt',
  'col',
  'lt',
  'mt',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'art',
  'sec',
  'vol',
  'c',
  'ca',
  'cf',
  'al',
]);

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Splits `text` into sentence spans (UTF-16 offsets, trimmed of surrounding whitespace). */
export function sentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < text.length && /["'”’)\]»]/.test(text[j] ?? '')) j++;
    if (j < text.length && !/[ \t\u00A0]/.test(text[j] ?? '')) continue;
    let k = j;
    while (k < text.length && /[ \t\u00A0]/.test(text[k] ?? '')) k++;
    const next = text[k];
    if (next !== undefined && next !== '\n' && !/[\p{Lu}\p{N}"'“‘([«¿¡$€£¥]/u.test(next)) continue;
    if (ch === '.' && isAbbreviation(text, i)) continue;
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1] ?? '')) s--;
  const word = text.slice(s, dot);
  if (word === '') return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // dotted initials: "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}
