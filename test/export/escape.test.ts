import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockquote, escapeInline, escapeMarkdown } from '../../shared/export/escape.ts';
import { briefingMarked, renderBriefingHtml } from '../../electron/export/html.ts';
import { asParagraphs, blockquoteTexts, renderedText } from './helpers.ts';

const HOSTILE = [
  '# Not a heading',
  '## also not ##',
  'Prices *rose* by _15%_ and **fell**',
  '[click me](javascript:alert(1)) and [^1] and ![img](x.png)',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'Use `rm -rf /` or ```fenced```',
  '<script>alert("x")</script>',
  '<img src=x onerror="alert(1)">',
  '> not a quote',
  '- not a list',
  '+ not a list either',
  '1. not numbered',
  '2) nor this',
  'Setext\n===',
  'Setext\n---',
  '***',
  '    four spaces are not code',
  'trailing two spaces  \nstay',
  'ends with a backslash\\',
  'entities &amp; &#65; &copy; stay literal',
  '~~not struck~~ and ~tilde~',
  '[ref]: https://example.com "title"',
  'www.example.com and https://example.com/a_b_c',
  'write to first_last@example.com or WWW.EXAMPLE.ORG/x_y',
  'a <b>bold</b> tag and <!-- comment -->',
  '\\*already escaped\\*',
  '$x$ and \\(math\\)',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('keeps %j literal when rendered by marked', (text) => {
    expect(renderedText(escapeMarkdown(text))).toBe(asParagraphs(text));
  });

  it('never lets hostile text produce HTML elements, links or headings', () => {
    for (const text of HOSTILE) {
      const html = renderBriefingHtml(escapeMarkdown(text));
      expect(html).not.toMatch(/<(script|img|a|h\d|table|code|pre|ul|ol|em|strong|del|hr|b)\b/);
    }
  });

  it('round-trips arbitrary text full of Markdown punctuation through marked', () => {
    const chars = fc.constantFrom(...'abc XYZ 019#*_[]()|`<>!&;\\-+=.:~$^"\'/{}\n\n\t é中😀'.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { minLength: 1, maxLength: 60 }).map((a) => a.join('')),
        (text) => {
          expect(renderedText(escapeMarkdown(text))).toBe(asParagraphs(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('turns newlines into spaces for single-line contexts such as headings', () => {
    const md = `### ${escapeInline('# Flooding *closed*\nshaft [2]')}`;
    const tokens = briefingMarked().lexer(md);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.type).toBe('heading');
    expect(renderedText(`${escapeInline('# Flooding *closed*\nshaft [2]')}`)).toBe('# Flooding *closed* shaft [2]');
  });
});

describe('blockquote', () => {
  it('prefixes every line and writes paragraph breaks as a bare ">"', () => {
    expect(blockquote('first line\nsecond line\n\nnew paragraph', '[^1]')).toBe('> first line\n> second line\n>\n> new paragraph[^1]');
  });

  it('keeps multi-line hostile quotes inside a single blockquote with their text intact', () => {
    const quote = '> nested?\n- item\n\n1. one\n# heading\n<script>x</script>';
    const md = `${blockquote(quote, '[^1]')}\n\n[^1]: Source.\n`;
    const tokens = briefingMarked().lexer(md);
    expect(tokens.filter((t) => t.type === 'blockquote')).toHaveLength(1);
    expect(blockquoteTexts(md)).toEqual([asParagraphs(quote)]);
  });
});
