/**
 * Markdown escaping for text that comes from sources, notes and metadata. Quotes are
 * arbitrary text (a quote may contain `#`, `*`, `[^1]`, `<script>`, a leading `1.`),
 * and a briefing must show them literally, never let them become headings, links,
 * footnotes or raw HTML. CommonMark lets any ASCII punctuation be backslash-escaped,
 * so the rule is simple and safe: escape every character that can start or close an
 * inline construct anywhere, and the block markers (`>`, `-`, `+`, `=`, `1.`) where
 * they open a line. Leading and trailing spaces are written as `&#32;` because
 * Markdown strips them (and two trailing spaces would become a line break).
 */

/** Characters that open or close an inline construct (emphasis, code, links, HTML, entities, tables, strikethrough, email autolinks). */
const INLINE_SPECIAL = /[\\`*_[\]<>#|~&!$@]/g;

/**
 * Escapes the inline specials only: for a fragment that will be placed inside a line.
 * GFM turns bare `https://…` and `www.…` into links, and inside such a link backslash
 * escapes are NOT processed (`a\_b` would show its backslash), so those are broken up
 * with an escaped `:` or `.` — the text reads the same and stays text.
 */
export function escapeSpecials(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (ch) => '\\' + ch)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.');
}

/** A URL that can be written as a CommonMark autolink `<…>` (no spaces, angle brackets or controls). */
const AUTOLINKABLE = /^https?:\/\/[^\s<>\u0000-\u001f\u007f]{1,2000}$/i;

/**
 * Like escapeSpecials, but http(s) URLs become autolinks `<https://…>`, so a
 * bibliography entry keeps working links (trailing sentence punctuation stays outside).
 */
export function escapeSpecialsWithLinks(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>]+/gi)) {
    const url = m[0].replace(/[.,;:!?)\]"'’”]+$/, '');
    if (!AUTOLINKABLE.test(url)) continue;
    out += escapeSpecials(text.slice(last, m.index)) + `<${url}>`;
    last = m.index + url.length;
  }
  return out + escapeSpecials(text.slice(last));
}

/**
 * Escapes the block markers that matter only where a line starts: list bullets,
 * setext underlines, ordered-list numbers ("1." / "1)"), and thematic breaks built from them.
 */
export function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
}

/** Escapes one line of text so that it renders as exactly that text. */
function escapeLine(line: string): string {
  let out = escapeLineStart(escapeSpecials(line));
  // Preserve leading/trailing whitespace, which Markdown would otherwise drop or turn into a hard break.
  out = out.replace(/^[ \t]+/, (ws) => ws.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
  out = out.replace(/[ \t]+$/, (ws) => ws.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
  return out;
}

/**
 * Escapes text for a Markdown paragraph. Newlines are kept as soft line breaks; runs
 * of blank lines collapse into a single paragraph break (Markdown cannot tell one
 * blank line from three), and the result never starts or ends with a blank line.
 */
export function escapeMarkdown(text: string): string {
  return splitParagraphs(text)
    .map((para) => para.map(escapeLine).join('\n'))
    .join('\n\n');
}

/** Escapes text for a single-line context (a heading, a list item, a footnote): newlines become spaces. */
export function escapeInline(text: string): string {
  return escapeLine(text.replace(/\s*\n\s*/g, ' ').trim());
}

/**
 * Writes text as a Markdown blockquote: every line prefixed with `> `, paragraph
 * breaks as a bare `>`. `suffix` (a footnote reference) is appended to the last line.
 */
export function blockquote(text: string, suffix = ''): string {
  const paras = splitParagraphs(text);
  if (paras.length === 0) return '> ' + suffix;
  const lines = paras.map((para) => para.map((l) => '> ' + escapeLine(l)).join('\n')).join('\n>\n');
  return lines + suffix;
}

/** Splits text into paragraphs (arrays of lines), dropping blank lines at the edges. */
function splitParagraphs(text: string): string[][] {
  const paras: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (/^[ \t]*$/.test(line)) {
      if (current.length) paras.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) paras.push(current);
  return paras;
}

/** Text as HTML text or a double- or single-quoted attribute value: the one HTML escaper (export, page, briefing title). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
