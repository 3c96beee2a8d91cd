/**
 * exportNotebook: the one Node-side entry point the service calls. It chooses the
 * claims in scope (by tag, nested tags included; by id; or all), gathers their
 * evidence quotes and sources, reads and hashes the source texts, checks every quote
 * against them, and only then formats — so a briefing never prints a quote that no
 * longer matches its source unless the user asked for unverified quotes, which are
 * then marked in the text.
 */
import { briefingParts, citationOrder, joinParts, quoteParagraphs } from '../../shared/export/briefing.ts';
import { markParts } from '../../shared/export/reexport.ts';
import type { ClaimConflict } from '../../shared/export/briefing.ts';
import { toAnnotationCollection } from '../../shared/export/annotations.ts';
import { checkQuotes } from '../../shared/export/integrity.ts';
import type { Problem } from '../../shared/export/integrity.ts';
import { toCslJsonString } from '../../shared/export/csl.ts';
import { isTagWithin } from '../../shared/model/tags.ts';
import type { Claim, ClaimId, Quote, QuoteId, SourceId, SourceMeta } from '../../shared/model/records.ts';
import type { NotebookView } from '../../shared/model/view.ts';
import { createCitationFormatter, toBibtex } from './citations.ts';
import { renderHtmlDocument } from './html.ts';
import { evidenceRows, toCsv } from '../../shared/export/evidence.ts';
import { toXlsx } from './spreadsheet.ts';
import { renderDocx } from './docx.ts';
import { buildVault } from '../../shared/export/obsidian.ts';
import { zipVault } from './vault.ts';
import { pageLocator, quotePageSpan } from '../../shared/model/pages.ts';

export type ExportFormat = 'md' | 'html' | 'annotations' | 'csl' | 'bibtex' | 'evidence-csv' | 'evidence-xlsx' | 'docx' | 'obsidian';
/** Formats that export what the claims in scope cite (the others carry a whole notebook's quotes or sources). */
const CLAIM_FORMATS: ReadonlySet<ExportFormat> = new Set(['md', 'html', 'evidence-csv', 'evidence-xlsx', 'docx', 'obsidian']);
export type { CitationStyle as ExportStyle } from './citations.ts';
import type { CitationStyle } from './citations.ts';

export interface ExportParams {
  view: NotebookView;
  getText(sourceId: SourceId): Promise<string>;
  sha256(text: string): string;
  format: ExportFormat;
  style: CitationStyle;
  /** The CSL locale (terms, dates); default en-US. */
  locale?: string;
  /** Claims carrying any of these tags or a tag nested below one. */
  tags?: string[];
  /** These claims, in this order (takes precedence over tags). */
  claimIds?: string[];
  includeUnverified: boolean;
  /** Quotes' tags and notes under each quote; the provenance appendix (see BriefingInput). */
  quoteNotes?: boolean;
  provenance?: boolean;
  title?: string;
  /** YYYY-MM-DD printed in the briefing. */
  date: string;
  /** Default: by first tag, or the given order when claimIds are listed. */
  groupBy?: 'tag' | 'order';
  /** Figure conflicts between claims, listed under "Conflicting evidence". */
  conflicts?: ClaimConflict[];
  /** Anchor status per quote ('fuzzy' and 'orphaned' are integrity problems); default: each quote's anchor.status. */
  anchorStatus?: ReadonlyMap<QuoteId, string>;
}

export type ExportResult = { ok: true; content: string; problems: Problem[] } | { ok: false; problems: Problem[] };

export class ExportScopeError extends Error {
  override readonly name = 'ExportScopeError';
}

export const DEFAULT_TITLE = 'Research briefing';

export async function exportNotebook(params: ExportParams): Promise<ExportResult> {
  const { view } = params;
  const scoped = (params.claimIds?.length ?? 0) > 0 || (params.tags?.length ?? 0) > 0;
  const claims = selectClaims(view, params);
  const quotes = new Map<QuoteId, Quote>();
  // Annotation and reference exports of a whole notebook carry every quote and source,
  // not only those cited by claims: a highlight nobody has used yet is still worth keeping.
  if (!scoped && !CLAIM_FORMATS.has(params.format)) for (const q of view.quotes()) quotes.set(q.id, q);
  for (const c of claims) {
    for (const e of c.evidence) {
      const q = view.getQuote(e.quoteId);
      if (q) quotes.set(q.id, q);
    }
  }
  const sources = new Map<SourceId, SourceMeta>();
  for (const q of quotes.values()) {
    const s = view.getSource(q.sourceId);
    if (s) sources.set(s.id, s);
  }
  if (!scoped && (params.format === 'csl' || params.format === 'bibtex')) for (const s of view.sources()) sources.set(s.id, s);
  const sourceList = [...sources.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  if (params.format === 'csl') return { ok: true, content: toCslJsonString(sourceList), problems: [] };
  if (params.format === 'bibtex') return { ok: true, content: toBibtex(sourceList), problems: [] };

  const texts = new Map<SourceId, string>();
  const hashes = new Map<SourceId, string>();
  for (const s of sourceList) {
    try {
      const text = await params.getText(s.id);
      texts.set(s.id, text);
      hashes.set(s.id, params.sha256(text));
    } catch {
      // An unreadable text is reported per quote by checkQuotes.
    }
  }
  // The quote's own anchor state counts unless the caller overrides it: an unreviewed
  // fuzzy or orphaned anchor, or one pinned to an older version, is not verified
  // against the text this briefing cites; an accepted or re-selected one is exact again.
  const anchorStatus = params.anchorStatus ?? new Map([...quotes.values()].map((q) => [q.id, q.anchor.review === 'pinned' ? 'pinned' : q.anchor.status]));
  const problems = checkQuotes(quotes.values(), sources, texts, hashes, anchorStatus);
  if (problems.length > 0 && !params.includeUnverified) return { ok: false, problems };

  if (params.format === 'annotations') {
    return { ok: true, content: JSON.stringify(toAnnotationCollection(quotes.values(), sources), null, 2) + '\n', problems };
  }
  const paragraphs = quoteParagraphs(quotes.values(), texts);
  if (params.format === 'evidence-csv' || params.format === 'evidence-xlsx') {
    const rows = evidenceRows({ claims, quotes, sources, paragraphs, unverified: new Set(problems.map((p) => p.quoteId)) });
    // XLSX is binary: its bytes travel as base64 (EXPORT_FILES marks the format).
    const content = params.format === 'evidence-csv' ? toCsv(rows) : (await toXlsx(rows)).toString('base64');
    return { ok: true, content, problems };
  }
  const title = params.title?.trim() || DEFAULT_TITLE;
  const requests = [...quotes.values()].flatMap((q) => {
    const span = quotePageSpan(sources.get(q.sourceId), q);
    if (span) return [{ sourceId: q.sourceId, paragraph: 0, page: pageLocator(span) }];
    const paragraph = paragraphs.get(q.id);
    return paragraph === undefined ? [] : [{ sourceId: q.sourceId, paragraph }];
  });
  const groupBy = params.groupBy ?? (params.claimIds?.length ? 'order' : 'tag');
  // Registered in the order of first citation, so a numbered style numbers them as the reader meets them.
  const firstCited = citationOrder(claims, quotes, groupBy).map((id) => sources.get(id)!);
  const registered = new Set(firstCited);
  const citations = createCitationFormatter([...firstCited, ...sourceList.filter((s) => !registered.has(s))], params.style, params.locale);
  if (params.format === 'obsidian') {
    const plain = new Map([...citations.citations()].map(([id, c]) => [id, c.bibliography.replace(/\\([\\`*_[\]<>#|~&!$@.:+=-])/g, '$1').replace(/\*/g, '')]));
    return { ok: true, content: Buffer.from(zipVault(buildVault({ title, claims, quotes, sources, citations: plain, paragraphs }))).toString('base64'), problems };
  }
  const parts = briefingParts({
    title,
    date: params.date,
    scope: describeScope(params, claims.length),
    groupBy,
    claims,
    quotes,
    sources,
    texts,
    citations: citations.citations(),
    locatedCitations: citations.located(requests),
    unverified: new Set(problems.map((p) => p.quoteId)),
    conflicts: params.conflicts ?? [],
    quoteNotes: params.quoteNotes ?? false,
    provenance: params.provenance ?? true,
  });
  // The .md file carries each part's marks, so a later export onto it can update it in place (reexport.ts).
  const content = params.format === 'html' ? renderHtmlDocument(joinParts(parts), title) : params.format === 'docx' ? (await renderDocx(joinParts(parts), title)).toString('base64') : markParts(parts);
  return { ok: true, content, problems };
}

function selectClaims(view: NotebookView, params: ExportParams): Claim[] {
  if (params.claimIds?.length) {
    const seen = new Set<string>();
    const out: Claim[] = [];
    for (const id of params.claimIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      const c = view.getClaim(id as ClaimId);
      if (!c) throw new ExportScopeError(`no claim ${id}`);
      out.push(c);
    }
    return out;
  }
  const all = [...view.claims()];
  const tags = params.tags ?? [];
  if (tags.length === 0) return all;
  return all.filter((c) => c.tags.some((t) => tags.some((wanted) => isTagWithin(t, wanted))));
}

function describeScope(params: ExportParams, count: number): string {
  if (params.claimIds?.length) return `${count} selected ${count === 1 ? 'claim' : 'claims'}`;
  if (params.tags?.length) return `${params.tags.length === 1 ? 'tag' : 'tags'}: ${params.tags.join(', ')} (with nested tags)`;
  return 'all claims';
}
