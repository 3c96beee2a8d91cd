/**
 * The configuration of the one Markdown renderer for briefings: marked with GFM plus
 * a small footnote extension. The instance itself is made on the Node side, where
 * marked loads at the first HTML export (electron/export/html.ts: briefingMarked). marked 18 does not render GFM footnotes itself and no footnote
 * extension (marked-footnote) is installed, so `[^label]` references and `[^label]: …`
 * definitions are tokenized here: references become superscript links, and the run of
 * definitions becomes one numbered "Notes" section, the way GitHub renders them.
 * Raw HTML in the Markdown is never passed through: briefing text is escaped before it
 * gets here, and as a second line of defence any HTML token is printed as text.
 */
import type { MarkedExtension, TokenizerAndRendererExtension, Tokens } from 'marked';
import { escapeHtml } from './escape.ts';

const LABEL = '[A-Za-z0-9_-]{1,64}';
const DEF_LINE = new RegExp(`^\\[\\^(${LABEL})\\]:[ \\t]*([^\\n]*)(?:\\n|$)`);
const REF = new RegExp(`^\\[\\^(${LABEL})\\]`);

export interface FootnoteItem {
  label: string;
  tokens: Tokens.Generic[];
}
export interface FootnotesToken extends Tokens.Generic {
  type: 'footnotes';
  items: FootnoteItem[];
}
export interface FootnoteRefToken extends Tokens.Generic {
  type: 'footnoteRef';
  label: string;
}

/**
 * Index of the first unescaped `[^` (an escaped `\[^1]` is literal text, never a
 * footnote). For block starts only the text up to the next blank line matters (a
 * paragraph ends there anyway); scanning the whole rest of the document for every
 * paragraph would make a long briefing quadratic.
 */
function firstFootnoteMarker(whole: string, lineStart: boolean): number | undefined {
  const blank = lineStart ? whole.indexOf('\n\n') : -1;
  const src = blank < 0 ? whole : whole.slice(0, blank + 1);
  const re = lineStart ? /(^|\n)\[\^/g : /\[\^/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const at = m.index + (lineStart && m[0].startsWith('\n') ? 1 : 0);
    let slashes = 0;
    for (let i = at - 1; i >= 0 && src[i] === '\\'; i--) slashes++;
    if (slashes % 2 === 0) return at;
  }
  return undefined;
}

const footnoteDefinitions: TokenizerAndRendererExtension = {
  name: 'footnotes',
  level: 'block',
  start: (src) => firstFootnoteMarker(src, true),
  tokenizer(src) {
    const items: FootnoteItem[] = [];
    let raw = '';
    let rest = src;
    for (let m = DEF_LINE.exec(rest); m; m = DEF_LINE.exec(rest)) {
      items.push({ label: m[1]!, tokens: this.lexer.inlineTokens(m[2]!.trim()) });
      raw += m[0];
      rest = rest.slice(m[0].length);
    }
    if (items.length === 0) return undefined;
    const token: FootnotesToken = { type: 'footnotes', raw, items };
    return token;
  },
  renderer(token) {
    const items = (token as FootnotesToken).items
      .map((it) => `<li id="fn-${it.label}"><p>${this.parser.parseInline(it.tokens)} <a href="#fnref-${it.label}" class="footnote-back" aria-label="Back to reference ${it.label}">↩</a></p></li>\n`)
      .join('');
    return `<section class="footnotes">\n<h2>Notes</h2>\n<ol>\n${items}</ol>\n</section>\n`;
  },
};

const footnoteReference: TokenizerAndRendererExtension = {
  name: 'footnoteRef',
  level: 'inline',
  start: (src) => firstFootnoteMarker(src, false),
  tokenizer(src) {
    const m = REF.exec(src);
    if (!m) return undefined;
    const token: FootnoteRefToken = { type: 'footnoteRef', raw: m[0], label: m[1]! };
    return token;
  },
  renderer(token) {
    const label = (token as FootnoteRefToken).label;
    return `<sup><a id="fnref-${label}" href="#fn-${label}" class="footnote-ref">${label}</a></sup>`;
  },
};

/** The options of the briefing renderer: `new Marked(BRIEFING_MARKED)`. */
export const BRIEFING_MARKED: MarkedExtension = {
  gfm: true,
  breaks: false,
  extensions: [footnoteDefinitions, footnoteReference],
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
};
