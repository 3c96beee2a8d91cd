/**
 * Citations and bibliographies from a real CSL processor: citation-js with its CSL
 * plugin (citeproc-js inside). APA, Vancouver and Harvard ship with the plugin;
 * Chicago author-date (17th ed.) and MLA (9th ed.) are the official Citation Style
 * Language styles (CC BY-SA 3.0, authors credited inside each file), taken from the
 * rehype-citation package and committed as .csl files in ./styles because the style
 * repository itself cannot be downloaded here. They are located with `new URL(…,
 * import.meta.url)`, which works from the sources and, after Vite bundles the main
 * process, as data: URLs holding the file (see readStyle).
 *
 * citeproc renders HTML; the briefing wants Markdown, so the HTML is parsed (linkedom,
 * the Node side's one DOM) and rewritten as escaped Markdown text with `*italics*`
 * kept — never raw HTML. citation-js and linkedom load at the first citation (see
 * ../import/lazy.ts), never at start-up.
 */
import { readFileSync } from 'node:fs';
import { lazy, linkedom } from '../import/lazy.ts';
import { pageKey, paragraphKey } from '../../shared/export/briefing.ts';
import { toCslJson } from '../../shared/export/csl.ts';
import type { CslItem } from '../../shared/export/csl.ts';
import { escapeLineStart, escapeSpecialsWithLinks } from '../../shared/export/escape.ts';
import type { SourceId, SourceMeta } from '../../shared/model/records.ts';

const core = lazy<typeof import('@citation-js/core')>('@citation-js/core');
const cslPlugin = lazy<unknown>('@citation-js/plugin-csl');
const bibtexPlugin = lazy<unknown>('@citation-js/plugin-bibtex');
/** citation-js with the CSL and BibTeX plugins registered (they register themselves on load). */
function citationJs(): typeof import('@citation-js/core') {
  const c = core();
  cslPlugin();
  bibtexPlugin();
  return c;
}

export type BuiltInStyle = 'apa' | 'chicago' | 'mla' | 'harvard' | 'vancouver';
/** A CSL style file the user added (see csl-style.ts): its id (the SHA-256 of the XML) and the XML. */
export interface UserStyle {
  id: string;
  xml: string;
}
export type CitationStyle = BuiltInStyle | UserStyle;
export interface FormattedCitation {
  /** The style's in-text citation, as escaped Markdown, e.g. `(Lopez & Okafor, 2024)`. */
  inline: string;
  /** The style's bibliography entry, as escaped Markdown (italics as `*…*`). */
  bibliography: string;
  /** The entry's place in the style's own bibliography order (a numbered style: the citation number order). */
  order?: number;
}

/** Style files registered at first use. Only these paths change when official styles are installed. */
export const STYLE_FILES: Record<'chicago' | 'mla', URL> = {
  chicago: new URL('./styles/chicago-author-date.csl', import.meta.url),
  mla: new URL('./styles/mla.csl', import.meta.url),
};

/** A style file's XML, from a file: URL (sources) or a data: URL (the bundled app). */
export function readStyle(url: URL): string {
  if (url.protocol !== 'data:') return readFileSync(url, 'utf8');
  const m = /^data:([^,]*),(.*)$/s.exec(url.href);
  if (!m) throw new Error('malformed data: URL for a citation style');
  return m[1]!.endsWith(';base64') ? Buffer.from(m[2]!, 'base64').toString('utf8') : decodeURIComponent(m[2]!);
}

/** citation-js template names; the custom ones are prefixed so they never shadow a bundled style. */
const TEMPLATE: Record<BuiltInStyle, string> = {
  apa: 'apa',
  vancouver: 'vancouver',
  harvard: 'harvard1',
  chicago: 'notebook-chicago',
  mla: 'notebook-mla',
};
/** The locale when none is chosen; the others bundled with plugin-csl are in CITATION_LOCALES (contract). */
export const DEFAULT_LOCALE = 'en-US';

interface TemplateRegister {
  has(name: string): boolean;
  add(name: string, xml: string): void;
}

function ensureTemplate(style: CitationStyle): string {
  const templates = (): TemplateRegister => (citationJs().plugins.config.get('@csl') as { styles: TemplateRegister }).styles;
  if (typeof style === 'object') {
    // Named by content: citation-js caches one engine per name and locale, so a changed file is a new name.
    const name = `notebook-user-${style.id}`;
    if (!templates().has(name)) templates().add(name, style.xml);
    return name;
  }
  const name = TEMPLATE[style];
  if (style === 'chicago' || style === 'mla') {
    if (!templates().has(name)) templates().add(name, readStyle(STYLE_FILES[style]));
  }
  return name;
}

/** Converts citeproc's HTML output to escaped single-line Markdown. */
export function cslHtmlToMarkdown(html: string): string {
  const { document } = linkedom().parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root');
  if (!root) return '';
  const md = nodeToMarkdown(root).replace(/\s+/g, ' ').trim();
  return escapeLineStart(md);
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

function nodeToMarkdown(node: DomNode): string {
  if (node.nodeType === 3) return escapeSpecialsWithLinks(node.textContent ?? '');
  if (node.nodeType !== 1) return '';
  let inner = '';
  for (let i = 0; i < node.childNodes.length; i++) inner += nodeToMarkdown(node.childNodes[i]!);
  const tag = node.nodeName.toLowerCase();
  const cls = node.getAttribute?.('class') ?? '';
  if (tag === 'i' || tag === 'em') return wrap(inner, '*');
  if (tag === 'b' || tag === 'strong') return wrap(inner, '**');
  // Numbered styles (Vancouver) put the number in its own block; keep it on the entry's line.
  if (cls.includes('csl-left-margin')) return inner.trim() + ' ';
  if (tag === 'div') return inner.trim() + (cls.includes('csl-entry') ? '\n' : '');
  return inner;
}

/** Emphasis markers must hug the text (`* x*` is not emphasis), so surrounding spaces move outside. */
function wrap(inner: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
  if (!m || m[2] === '') return inner;
  return `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
}

/** The slice of citeproc-js's Engine used here. */
interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  makeCitationCluster(items: { id: string; locator?: string; label?: string }[]): string;
}
type EngineFactory = (data: CslItem[], style: string, lang: string, format: string) => CiteprocEngine;

/**
 * A citeproc engine loaded with the sources. citation-js caches one engine per style
 * and locale (parsing a style costs about a second); its Cite.format('citation') would
 * rebuild the processor state for every call, so the engine is driven directly:
 * makeCitationCluster is stateless and fast enough for thousands of footnotes.
 */
function engineFor(sources: readonly SourceMeta[], style: CitationStyle, locale: string): CiteprocEngine {
  const template = ensureTemplate(style);
  const factory = (citationJs().plugins.config.get('@csl') as { engine: EngineFactory }).engine;
  const engine = factory(sources.map(toCslJson), template, locale, 'html');
  engine.updateItems(sources.map((s) => s.id));
  return engine;
}

/** A request for an in-text citation of one source at one place ("para. 4"). */
export interface LocatedCitationRequest {
  sourceId: SourceId;
  /** The paragraph number, printed by the style ("para. 4"). */
  paragraph: number;
  /** For a paged source, the page or pages ("14", "83–84"), cited instead of the paragraph ("p. 14"; key pageKey). */
  page?: string;
}

/** A number no real paragraph count reaches, and that no style abbreviates or ranges. */
const LOCATOR_PLACEHOLDER = '987654321';

export interface CitationFormatter {
  /** In-text citation and bibliography entry per source (see formatCitations). */
  citations(locators?: ReadonlyMap<SourceId, string>): Map<SourceId, FormattedCitation>;
  /** In-text citations with paragraph locators, keyed by paragraphKey (see formatLocatedCitations). */
  located(requests: Iterable<LocatedCitationRequest>): Map<string, string>;
}

/**
 * One citeproc engine loaded with the sources, for both kinds of output: loading
 * items (updateItems) is the expensive step with hundreds of sources, so it is done once.
 */
export function createCitationFormatter(sources: readonly SourceMeta[], style: CitationStyle, locale: string = DEFAULT_LOCALE): CitationFormatter {
  let engine: CiteprocEngine | undefined;
  const get = (): CiteprocEngine => (engine ??= engineFor(sources, style, locale));
  const known = new Set<string>(sources.map((s) => s.id));
  return {
    citations(locators) {
      const out = new Map<SourceId, FormattedCitation>();
      if (sources.length === 0) return out;
      const e = get();
      const entries = new Map<string, { text: string; order: number }>();
      const bib = e.makeBibliography();
      if (bib) bib[0].entry_ids.forEach((ids, i) => entries.set(ids[0]!, { text: cslHtmlToMarkdown(bib[1][i] ?? ''), order: i }));
      for (const s of sources) {
        const locator = locators?.get(s.id);
        const item = locator ? { id: s.id, locator, label: 'paragraph' } : { id: s.id };
        const entry = entries.get(s.id);
        out.set(s.id, { inline: cslHtmlToMarkdown(e.makeCitationCluster([item])), bibliography: entry?.text ?? '', ...(entry ? { order: entry.order } : {}) });
      }
      return out;
    },
    located(requests) {
      const out = new Map<string, string>();
      // citeproc takes about a millisecond per cluster, and a briefing can cite thousands
      // of (source, paragraph) pairs. Paragraph locators are printed verbatim, so each
      // source is formatted once with a placeholder number that is then replaced — and
      // formatted for real whenever the placeholder does not come back exactly once.
      const templates = new Map<SourceId, string | null>();
      const noLocator = new Set<SourceId>();
      const noPage = new Set<SourceId>();
      for (const r of requests) {
        if (!known.has(r.sourceId)) continue;
        if (r.page !== undefined) {
          // Styles print pages their own way ("p." or none, ranges shortened or not): each one is formatted for real,
          // unless the style prints no page at all (Vancouver): then the briefing adds ", p. N" itself.
          const key = pageKey(r.sourceId, r.page);
          if (out.has(key) || noPage.has(r.sourceId)) continue;
          if (!cslHtmlToMarkdown(get().makeCitationCluster([{ id: r.sourceId, locator: LOCATOR_PLACEHOLDER, label: 'page' }])).includes(LOCATOR_PLACEHOLDER)) {
            noPage.add(r.sourceId);
            continue;
          }
          out.set(key, cslHtmlToMarkdown(get().makeCitationCluster([{ id: r.sourceId, locator: r.page, label: 'page' }])));
          continue;
        }
        const key = paragraphKey(r.sourceId, r.paragraph);
        if (out.has(key)) continue;
        let template = templates.get(r.sourceId);
        if (template === undefined) {
          const probe = cslHtmlToMarkdown(get().makeCitationCluster([{ id: r.sourceId, locator: LOCATOR_PLACEHOLDER, label: 'paragraph' }]));
          template = probe.split(LOCATOR_PLACEHOLDER).length === 2 ? probe : null;
          templates.set(r.sourceId, template);
          // A style that prints no locator (Vancouver: "(2)"): left out, so the briefing adds ", para. N" itself.
          if (!probe.includes(LOCATOR_PLACEHOLDER)) noLocator.add(r.sourceId);
        }
        if (noLocator.has(r.sourceId)) continue;
        out.set(
          key,
          template !== null
            ? template.replace(LOCATOR_PLACEHOLDER, String(r.paragraph))
            : cslHtmlToMarkdown(get().makeCitationCluster([{ id: r.sourceId, locator: String(r.paragraph), label: 'paragraph' }])),
        );
      }
      return out;
    },
  };
}

/**
 * Formats the in-text citation and bibliography entry of each source. `locators`
 * (e.g. paragraph "4") go into the in-text citation through CSL, where the style
 * decides how to print them ("para. 4").
 */
export function formatCitations(sources: readonly SourceMeta[], style: CitationStyle, locators?: ReadonlyMap<SourceId, string>): Map<SourceId, FormattedCitation> {
  return createCitationFormatter(sources, style).citations(locators);
}

/**
 * In-text citations with a paragraph locator, formatted by the style itself — APA
 * "(Okafor & Rietveld, 2025, para. 3)", Chicago "(Okafor and Rietveld 2025, para. 3)".
 * Keys are paragraphKey(sourceId, paragraph); each distinct pair is formatted once.
 */
export function formatLocatedCitations(sources: readonly SourceMeta[], style: CitationStyle, requests: Iterable<LocatedCitationRequest>): Map<string, string> {
  return createCitationFormatter(sources, style).located(requests);
}

/** CSL-JSON items for the sources, in the given order. */
export function toCslItems(sources: readonly SourceMeta[]): CslItem[] {
  return sources.map(toCslJson);
}

export { toCslJsonString } from '../../shared/export/csl.ts';

/** The sources as BibTeX, through citation-js's BibTeX plugin. */
export function toBibtex(sources: readonly SourceMeta[]): string {
  if (sources.length === 0) return '';
  return (new (citationJs().Cite)(toCslItems(sources)).format('bibtex', { format: 'text' }) as string).trimEnd() + '\n';
}
