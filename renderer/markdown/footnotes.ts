/**
 * GFM footnotes for the one Marked instance in render.ts (marked has none of its
 * own): `[^1]` becomes a superscript reference and a run of `[^1]: text`
 * definitions becomes a "Footnotes" list. Briefings put every citation in a
 * footnote, so without this the preview would show raw `[^1]` markers, or worse,
 * marked would read the definitions as link references and turn citations into links.
 *
 * Labels are shown as written (briefings number them 1, 2, 3…) and no ids or
 * in-page links are emitted: the sanitizer strips ids and non-http hrefs, and
 * several previews may be on screen at once, so ids could collide anyway.
 */
import type { MarkedExtension, Tokens } from 'marked';

interface FootnoteRef extends Tokens.Generic {
  type: 'footnoteRef';
  label: string;
}
interface FootnoteDef {
  label: string;
  tokens: Tokens.Generic[];
}
interface FootnoteList extends Tokens.Generic {
  type: 'footnotes';
  items: FootnoteDef[];
}

const DEF_LINE = /^\[\^([^\]\s]+)\]:[ \t]*([^\n]*)/;
// One or more definitions, each on its own line, blank lines allowed between them.
const DEF_RUN = /^(?:\[\^[^\]\s]+\]:[^\n]*(?:\n+|$))+/;

export const footnotes: MarkedExtension = {
  extensions: [
    {
      name: 'footnotes',
      level: 'block',
      start: (src: string) => src.match(/^\[\^/m)?.index,
      tokenizer(src) {
        const run = DEF_RUN.exec(src);
        if (!run) return undefined;
        const items: FootnoteDef[] = [];
        for (const line of run[0].split('\n')) {
          const m = DEF_LINE.exec(line);
          if (m) items.push({ label: m[1] ?? '', tokens: this.lexer.inlineTokens(m[2] ?? '') });
        }
        const token: FootnoteList = { type: 'footnotes', raw: run[0], items };
        return token;
      },
      renderer(token) {
        const t = token as FootnoteList;
        const items = t.items.map((d) => `<li><span>${escapeLabel(d.label)}.</span> ${this.parser.parseInline(d.tokens)}</li>`).join('');
        return `<section aria-label="Footnotes"><hr><ol>${items}</ol></section>`;
      },
    },
    {
      name: 'footnoteRef',
      level: 'inline',
      start: (src: string) => src.indexOf('[^'),
      tokenizer(src) {
        const m = /^\[\^([^\]\s]+)\](?!:)/.exec(src);
        if (!m) return undefined;
        const token: FootnoteRef = { type: 'footnoteRef', raw: m[0], label: m[1] ?? '' };
        return token;
      },
      renderer(token) {
        return `<sup>${escapeLabel((token as FootnoteRef).label)}</sup>`;
      },
    },
  ],
};

function escapeLabel(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
