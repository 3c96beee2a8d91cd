/**
 * The Briefing view's rules, kept pure so they are unit-tested in node: what
 * the researcher chose (scope, style, title, format) becomes the exportBriefing
 * arguments, and a hand-picked claim list is reordered here rather than in the
 * component.
 */
// Type-only imports: the contract's runtime side would pull zod into the page bundle.
import type { ApiArgs, CITATION_LOCALES, CITATION_STYLES, CitationStyleInfo, EXPORT_FORMATS } from '../../shared/api/contract.ts';

export type BuiltInStyle = (typeof CITATION_STYLES)[number];
/** A built-in style, or `csl:<sha256>`: a style file kept in the notebook. */
export type CitationStyle = BuiltInStyle | `csl:${string}`;
export type CitationLocale = (typeof CITATION_LOCALES)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const STYLE_LIST = ['apa', 'chicago', 'mla', 'harvard', 'vancouver'] as const satisfies readonly BuiltInStyle[];
export const STYLE_LABELS: Record<BuiltInStyle, string> = { apa: 'APA', chicago: 'Chicago (author-date)', mla: 'MLA', harvard: 'Harvard', vancouver: 'Vancouver' };
export const LOCALE_LIST = ['en-US', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL'] as const satisfies readonly CitationLocale[];
export const LOCALE_LABELS: Record<CitationLocale, string> = { 'en-US': 'English (US)', 'de-DE': 'Deutsch', 'es-ES': 'Español', 'fr-FR': 'Français', 'nl-NL': 'Nederlands' };

/** A kept style file's line under the style choice: its title and licence, as the file states them. */
export function styleLicence(s: CitationStyleInfo): string {
  return s.rights ? `${s.title} — licence: ${s.rights}` : `${s.title} — the file states no licence`;
}
export const FORMAT_LIST = ['md', 'html', 'docx', 'evidence-csv', 'evidence-xlsx', 'obsidian', 'annotations', 'csl', 'bibtex'] as const satisfies readonly ExportFormat[];

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  md: 'Markdown briefing (.md)',
  html: 'Web page (.html)',
  annotations: 'W3C Web Annotations (.jsonld)',
  csl: 'CSL-JSON bibliography (.json)',
  bibtex: 'BibTeX bibliography (.bib)',
  docx: 'Word document (.docx)',
  obsidian: 'Obsidian vault (.zip)',
  'evidence-csv': 'Evidence table (.csv)',
  'evidence-xlsx': 'Evidence table, Excel (.xlsx)',
};

export interface BriefingChoice {
  scope: 'all' | 'tags' | 'claims';
  tags: string[];
  /** Hand-picked claims, in the order the briefing lists them. */
  claimIds: string[];
  style: CitationStyle;
  /** The style's language for terms and dates. */
  locale: CitationLocale;
  format: ExportFormat;
  title: string;
  includeUnverified: boolean;
  /** Each quote's tags and note under it. */
  quoteNotes: boolean;
  /** The appendix a checker verifies quotes with (files, dates, SHA-256). */
  provenance: boolean;
}

export const initialBriefing: BriefingChoice = {
  scope: 'all',
  tags: [],
  claimIds: [],
  style: 'apa',
  locale: 'en-US',
  format: 'md',
  title: 'Briefing',
  includeUnverified: false,
  quoteNotes: false,
  provenance: true,
};

/**
 * Arguments for exportBriefing. The preview always asks for Markdown, so what
 * is shown is exactly the .md file; an empty tag or claim choice means "nothing
 * chosen yet" and is sent as an empty list rather than silently widening to all.
 */
export function briefingArgs(c: BriefingChoice, format: ExportFormat): ApiArgs<'exportBriefing'> {
  const args: ApiArgs<'exportBriefing'> = { format, style: c.style, includeUnverified: c.includeUnverified, quoteNotes: c.quoteNotes, provenance: c.provenance };
  if (c.locale !== 'en-US') args.locale = c.locale;
  const title = c.title.trim();
  if (title) args.title = title.slice(0, 300);
  if (c.scope === 'tags') args.tags = c.tags;
  if (c.scope === 'claims') args.claimIds = c.claimIds as never;
  return args;
}

/** Whether the scope selects anything at all (an empty tag or claim pick is not exported). */
export function scopeIsEmpty(c: BriefingChoice): boolean {
  return (c.scope === 'tags' && c.tags.length === 0) || (c.scope === 'claims' && c.claimIds.length === 0);
}

/** Moves one picked claim up (-1) or down (+1); out-of-range moves leave the list unchanged. */
export function moveClaim(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const i = ids.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ids.length) return [...ids];
  const out = [...ids];
  [out[i], out[j]] = [out[j] as string, out[i] as string];
  return out;
}

/** Adds or removes a value, keeping the order in which values were added. */
export function toggle(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
