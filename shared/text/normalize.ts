/**
 * Text normalization: the one canonical form every source text is stored in.
 *
 * A source is normalized exactly once, at import, and every offset in the notebook
 * (quote selectors, search positions, figure spans) counts into that normalized
 * string. Offsets are **UTF-16 code units** (JavaScript string indices), because
 * that is what every consumer (DOM Ranges, String.slice, JSON) counts natively.
 * Code units alone could split a surrogate pair (emoji) or separate a base letter
 * from its combining mark, so every boundary a user or program proposes is snapped
 * to an extended grapheme cluster boundary (see graphemes.ts) before it is stored.
 *
 * The canonical form: no BOM, LF line endings, Unicode NFC, no trailing spaces at
 * line ends, no leading/trailing blank lines. NFC matters for offsets: "é" typed as
 * e + U+0301 and as U+00E9 must be one and the same text.
 */

/** Normalizes raw decoded text into the canonical stored form. Idempotent. */
export function normalizeText(raw: string): string {
  let text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n');
  text = text.normalize('NFC');
  text = text.replace(/[ \t\u00A0]+$/gm, '');
  // Collapse runs of 3+ newlines to one blank line: paragraph structure survives,
  // accidental vertical whitespace from scrapes does not.
  text = text.replace(/\n{3,}/g, '\n\n');
  return text.replace(/^\n+/, '').replace(/\s+$/, '');
}

/** True when `text` is already in canonical form. */
export function isNormalized(text: string): boolean {
  return normalizeText(text) === text;
}
