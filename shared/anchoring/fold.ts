/**
 * Character folding for approximate comparison.
 *
 * Approximate matching compares texts after folding each UTF-16 code unit to a
 * canonical one: any whitespace becomes a space, letters become lower case, curly
 * quotes become straight ones and dashes become a hyphen. Re-flowing a paragraph
 * or an editor's house style (“ ” vs " ") then costs nothing, and the edit budget
 * is kept for real changes of words. Folding is strictly one code unit to one code
 * unit, so offsets in a folded text are offsets in the original.
 *
 * Folding only ever feeds scores: whether a result is 'exact'/'moved' or 'fuzzy'
 * is always decided on the unfolded text.
 */

let table: Uint16Array | null = null;

function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const ch = String.fromCharCode(c);
    const lower = c >= 0xd800 && c <= 0xdfff ? ch : ch.toLowerCase();
    t[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  const spaces = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
  for (let c = 0x2000; c <= 0x200a; c++) spaces.push(c);
  for (const c of spaces) t[c] = 0x20;
  for (const c of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x00b4, 0x0060]) t[c] = 0x27; // '
  for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb]) t[c] = 0x22; // "
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]) t[c] = 0x2d; // -
  table = t;
  return t;
}

/** Folded code units of `text`, same length as `text`. */
export function foldCodes(text: string, from = 0, to = text.length): Uint16Array {
  const t = foldTable();
  const out = new Uint16Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) out[i - from] = t[text.charCodeAt(i)]!;
  return out;
}
