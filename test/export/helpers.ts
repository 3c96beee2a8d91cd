/**
 * Helpers for reading a rendered briefing back: what a reader sees is the HTML's text,
 * so round-trip checks compare the text content of marked's output with the original.
 */
import { parseHTML } from 'linkedom';
import { renderBriefingHtml } from '../../electron/export/html.ts';

interface TextNode {
  textContent: string | null;
}
interface ElementLike extends TextNode {
  querySelectorAll(selector: string): Iterable<ElementLike>;
  remove(): void;
}

function parse(html: string): ElementLike {
  const { document } = parseHTML(`<!doctype html><html><body><div id="r">${html}</div></body></html>`);
  return document.getElementById('r') as unknown as ElementLike;
}

/** The text a reader sees: paragraphs joined by a blank line, footnote markers removed. */
function paragraphsText(el: ElementLike): string {
  for (const ref of el.querySelectorAll('sup')) ref.remove();
  return [...el.querySelectorAll('p')].map((p) => p.textContent ?? '').join('\n\n');
}

/** Renders Markdown with the briefing renderer and returns its visible text. */
export function renderedText(markdown: string): string {
  return paragraphsText(parse(renderBriefingHtml(markdown)));
}

/** The visible text of every blockquote in rendered Markdown, in document order. */
export function blockquoteTexts(markdown: string): string[] {
  return [...parse(renderBriefingHtml(markdown)).querySelectorAll('blockquote')].map(paragraphsText);
}

/** How text looks after Markdown: runs of blank lines become one paragraph break; edges trimmed of blank lines. */
export function asParagraphs(text: string): string {
  return text
    .split(/\n(?:[ \t]*\n)+/)
    .map((p) => p.replace(/^(?:[ \t]*\n)+|(?:\n[ \t]*)+$/g, ''))
    .filter((p) => !/^[ \t]*$/.test(p))
    .join('\n\n');
}
