import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { footnotes } from '../../renderer/markdown/footnotes.ts';

function render(md: string): string {
  const m = new Marked({ gfm: true, breaks: true, async: false });
  m.use(footnotes);
  return m.parse(md, { async: false }) as string;
}

const BRIEFING = [
  '# Ore briefing',
  '',
  '> output fell by about 12%[^1]',
  '',
  'Another line cites two sources[^2].',
  '',
  '[^1]: (*Kessel Mining Weekly*, 2026, para. 3).',
  '[^2]: Second note with a [link](https://example.org).',
  '',
].join('\n');

describe('footnotes in the Markdown renderer', () => {
  it('renders references as superscripts and definitions as one labelled list', () => {
    const html = render(BRIEFING);
    expect(html).toContain('fell by about 12%<sup>1</sup>');
    expect(html).toContain('two sources<sup>2</sup>.');
    expect(html.match(/<section aria-label="Footnotes">/g)).toHaveLength(1);
    expect(html).toContain('<li><span>1.</span> (<em>Kessel Mining Weekly</em>, 2026, para. 3).</li>');
    expect(html).toContain('<a href="https://example.org">link</a>');
  });

  it('does not turn footnote definitions into link reference definitions', () => {
    // As a link reference, `[^1]` would become a link to the "URL" and the definition would vanish.
    const html = render('Text[^1].\n\n[^1]: Harbour-Ledger\n');
    expect(html).toContain('<p>Text<sup>1</sup>.</p>');
    expect(html).toContain('<li><span>1.</span> Harbour-Ledger</li>');
    expect(html).not.toContain('<a');
  });

  it('escapes markup inside a footnote label', () => {
    expect(render('x[^<b>]')).not.toContain('<b>');
  });

  it('leaves ordinary links and brackets alone', () => {
    const html = render('A [plain](https://example.org) link and [brackets].');
    expect(html).toContain('<a href="https://example.org">plain</a>');
    expect(html).toContain('[brackets]');
    expect(html).not.toContain('<sup>');
  });
});
