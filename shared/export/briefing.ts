/**
 * The Markdown briefing: a pure function from already-resolved records to text, so the
 * app's preview and the exported file are the same bytes. Everything that comes from
 * a source, a note or metadata goes through escape.ts, so hostile text stays literal.
 * Citations arrive pre-formatted (by the CSL processor on the Node side) as escaped
 * Markdown. Output is deterministic: no clock, no locale-dependent sorting — the
 * caller passes the date, and every sort compares code units with an id tiebreak.
 */
import { bandText, formatPeriod } from '../claims/quantity.ts';
import type { Claim, ClaimId, EvidenceRelation, Quote, QuoteId, SourceId, SourceMeta } from '../model/records.ts';
import { blockquote, escapeInline, escapeMarkdown } from './escape.ts';
import { paragraphLocator } from './paragraphs.ts';
import { pageCitation, pageLocator, quotePageSpan } from '../model/pages.ts';
import type { ExportPart } from './reexport.ts';

export interface BriefingCitation {
  /** In-text citation as escaped Markdown, e.g. `(Lopez \& Okafor, 2024)`. */
  inline: string;
  /** Bibliography entry as escaped Markdown. */
  bibliography: string;
  /** Place in the style's bibliography order; without it entries sort by their text. */
  order?: number;
}

/**
 * Two claims' figures as the claim assistant judges them: a conflict (cannot both
 * hold), a change over time (different times: a timeline, not a conflict), or a
 * superseded figure (a newer source's figure for the same subject; `older` is the
 * claim possibly out of date).
 */
export interface ClaimConflict {
  a: ClaimId;
  b: ClaimId;
  reason: string;
  relation?: 'conflict' | 'change' | 'superseded';
  older?: ClaimId;
}

export interface BriefingInput {
  title: string;
  /** YYYY-MM-DD, given by the caller so the output is deterministic. */
  date: string;
  /** Human description of what was exported, e.g. "tags: energy". */
  scope: string;
  groupBy: 'tag' | 'order';
  /** Claims in the user's order. */
  claims: readonly Claim[];
  quotes: ReadonlyMap<QuoteId, Quote>;
  sources: ReadonlyMap<SourceId, SourceMeta>;
  /** Source texts, for paragraph locators. */
  texts: ReadonlyMap<SourceId, string>;
  citations: ReadonlyMap<SourceId, BriefingCitation>;
  /**
   * Optional in-text citations that already carry the paragraph locator, formatted by
   * the style (key `${sourceId}#${paragraph}`, see paragraphKey). When absent, a
   * footnote reads `${inline}, para. N`.
   */
  locatedCitations?: ReadonlyMap<string, string>;
  /** Quotes included although their integrity check failed: marked visibly. */
  unverified?: ReadonlySet<QuoteId>;
  /** Further conflicts between claims (e.g. figures that disagree), listed with the evidence conflicts. */
  conflicts?: readonly ClaimConflict[];
  /** Each quote's tags and note under it (default: left out; claims' tags and notes are always in). */
  quoteNotes?: boolean;
  /** The appendix of files, accessed dates and SHA-256 of each text a checker verifies quotes against (default: in). */
  provenance?: boolean;
}

const EVIDENCE_SECTIONS: { relation: EvidenceRelation; label: string }[] = [
  { relation: 'supports', label: 'Supporting evidence' },
  { relation: 'contradicts', label: 'Contradicting evidence' },
  { relation: 'context', label: 'Context' },
];
const UNTAGGED = 'Untagged claims';

/** Code-unit comparison: stable across machines and locales, unlike localeCompare. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Key of a located citation: the source and the paragraph it points at. */
export const paragraphKey = (sourceId: SourceId, paragraph: number): string => `${sourceId}#${paragraph}`;
/** Key of a located citation of a paged source (PDF): the source and the page or pages ("14", "83–84"). */
export const pageKey = (sourceId: SourceId, pages: string): string => `${sourceId}@${pages}`;

/** The paragraph each quote starts in (the locator its footnote prints). */
export function quoteParagraphs(quotes: Iterable<Quote>, texts: ReadonlyMap<SourceId, string>): Map<QuoteId, number> {
  const locators = new Map<SourceId, (offset: number) => number>();
  const out = new Map<QuoteId, number>();
  for (const q of quotes) {
    let f = locators.get(q.sourceId);
    const text = texts.get(q.sourceId);
    if (!f && text !== undefined) locators.set(q.sourceId, (f = paragraphLocator(text)));
    if (f) out.set(q.id, f(q.selectors[0].start));
  }
  return out;
}

interface Footnote {
  label: string;
  text: string;
}

/** The briefing as Markdown text (the parts of briefingParts, joined). */
export function buildBriefing(input: BriefingInput): string {
  return joinParts(briefingParts(input));
}

/** Parts as one Markdown text without their marks, ending in one newline. */
export const joinParts = (parts: readonly ExportPart[]): string =>
  parts
    .map((p) => p.body)
    .join('')
    .replace(/\n+$/, '') + '\n';

/**
 * The briefing as the parts a re-export replaces one by one (see reexport.ts): the
 * heading, each group heading, each claim, the conflicts, figures over time,
 * bibliography, provenance and footnotes.
 */
export function briefingParts(input: BriefingInput): ExportPart[] {
  const out: string[] = [];
  const boundaries: { id: string; at: number }[] = [];
  const part = (id: string) => void boundaries.push({ id, at: out.length });
  const footnotes: Footnote[] = [];
  const cited = new Set<SourceId>();
  const locators = new Map<SourceId, (offset: number) => number>();
  const claimNumber = new Map<ClaimId, number>();

  const locate = (quote: Quote): number | undefined => {
    let f = locators.get(quote.sourceId);
    if (!f) {
      const text = input.texts.get(quote.sourceId);
      if (text === undefined) return undefined;
      f = paragraphLocator(text);
      locators.set(quote.sourceId, f);
    }
    return f(quote.selectors[0].start);
  };

  const footnoteFor = (quote: Quote): string => {
    const label = String(footnotes.length + 1);
    const source = input.sources.get(quote.sourceId);
    const citation = input.citations.get(quote.sourceId)?.inline ?? (source ? escapeInline(source.title) : escapeInline(quote.sourceId));
    // A paged source is cited by page ("p. 14", "pp. 83–84"), any other by paragraph.
    const span = quotePageSpan(source, quote);
    const para = span ? undefined : locate(quote);
    const located = span ? input.locatedCitations?.get(pageKey(quote.sourceId, pageLocator(span))) : para === undefined ? undefined : input.locatedCitations?.get(paragraphKey(quote.sourceId, para));
    let text = located ?? (span ? `${citation}, ${pageCitation(span)}` : para === undefined ? citation : `${citation}, para. ${para}`);
    text += '.';
    if (input.unverified?.has(quote.id)) text += ' **Unverified:** this quote no longer matches its source.';
    footnotes.push({ label, text });
    cited.add(quote.sourceId);
    return `[^${label}]`;
  };

  part('head');
  out.push(`# ${escapeInline(input.title)}`, '');
  const groups = groupClaims(input.claims, input.groupBy);
  const quoteCount = new Set(input.claims.flatMap((c) => c.evidence.map((e) => e.quoteId)).filter((id) => input.quotes.has(id))).size;
  out.push(`- Date: ${escapeInline(input.date)}`, `- Scope: ${escapeInline(input.scope)}`, `- Claims: ${input.claims.length}; quotes: ${quoteCount}`, '');

  let n = 0;
  for (const c of groups.flatMap((g) => g.claims)) claimNumber.set(c.id, ++n);
  if (input.claims.length === 0) {
    part('no-claims');
    out.push('## Claims', '', '*No claims in scope.*', '');
  }
  for (const group of groups) {
    part(group.untagged ? 'group-untagged' : group.heading === null ? 'group-all' : `group-${partId(group.heading)}`);
    out.push(`## ${group.untagged ? UNTAGGED : group.heading === null ? 'Claims' : `Tag: ${escapeInline(group.heading)}`}`, '');
    for (const claim of group.claims) {
      part(`claim-${partId(claim.id)}`);
      out.push(`### C${claimNumber.get(claim.id)}. ${escapeInline(claim.statement)}`, '');
      if (claim.quantity) {
        const band = bandText(claim.quantity);
        out.push(`- Figure: ${escapeInline(claim.quantity.raw)}${band ? ` (${escapeInline(band)})` : ''}${claim.quantity.asOf ? `, as of ${escapeInline(formatPeriod(claim.quantity.asOf))}` : ''}`);
      }
      const newer = (input.conflicts ?? []).filter((c) => c.relation === 'superseded' && c.older === claim.id);
      if (newer.length) out.push(`- Possibly out of date: ${escapeInline(newer[0]!.reason)}`);
      out.push(`- Status: ${claim.status}`);
      if (claim.tags.length) out.push(`- Tags: ${claim.tags.map(escapeInline).join(', ')}`);
      out.push('');
      if (claim.note.trim()) out.push(escapeMarkdown(claim.note), '');
      for (const section of EVIDENCE_SECTIONS) {
        const quotes = claim.evidence
          .filter((e) => e.relation === section.relation)
          .map((e) => input.quotes.get(e.quoteId))
          .filter((q): q is Quote => q !== undefined);
        if (quotes.length === 0) continue;
        out.push(`**${section.label}**`, '');
        for (const q of quotes) {
          if (input.unverified?.has(q.id)) out.push(`**Unverified quote** (${q.id}): it failed the integrity check and is included at the author's request.`, '');
          out.push(blockquote(q.exact, footnoteFor(q)), '');
          if (input.quoteNotes) {
            if (q.tags.length) out.push(`- Quote tags: ${q.tags.map(escapeInline).join(', ')}`);
            if (q.note.trim()) out.push(`- Quote note: ${escapeInline(q.note.trim().replace(/\s+/g, ' '))}`);
            if (q.tags.length || q.note.trim()) out.push('');
          }
        }
      }
    }
  }

  part('conflicts');
  out.push('## Conflicting evidence', '');
  const conflictLines: string[] = [];
  const claimsById = new Map(input.claims.map((c) => [c.id, c]));
  const label = (id: ClaimId): string => {
    const num = claimNumber.get(id);
    const claim = claimsById.get(id);
    return num !== undefined && claim ? `C${num} (${escapeInline(claim.statement)})` : escapeInline(id);
  };
  for (const group of groups) {
    for (const claim of group.claims) {
      const supports = claim.evidence.filter((e) => e.relation === 'supports' && input.quotes.has(e.quoteId)).length;
      const contradicts = claim.evidence.filter((e) => e.relation === 'contradicts' && input.quotes.has(e.quoteId)).length;
      if (supports > 0 && contradicts > 0) {
        conflictLines.push(`- ${label(claim.id)}: evidence on both sides (${supports} supporting, ${contradicts} contradicting)`);
      }
    }
  }
  for (const c of input.conflicts ?? []) if ((c.relation ?? 'conflict') === 'conflict') conflictLines.push(`- ${label(c.a)} and ${label(c.b)}: ${escapeInline(c.reason)}`);
  out.push(...(conflictLines.length ? conflictLines : ['*None found.*']), '');
  const over = (input.conflicts ?? []).filter((c) => c.relation === 'change' || c.relation === 'superseded');
  if (over.length) {
    part('over-time');
    out.push('## Figures over time', '');
    for (const c of over) {
      const older = c.older ?? c.a;
      const newer = older === c.a ? c.b : c.a;
      out.push(`- ${label(older)} → ${label(newer)}: ${escapeInline(c.reason)}${c.relation === 'superseded' ? ' (the earlier figure may be out of date)' : ''}`);
    }
    out.push('');
  }

  const citedSources = [...cited].map((id) => input.sources.get(id)).filter((s): s is SourceMeta => s !== undefined);
  part('bibliography');
  out.push('## Bibliography', '');
  const entries = citedSources
    .map((s) => ({ id: s.id, text: input.citations.get(s.id)?.bibliography || escapeInline(s.title), order: input.citations.get(s.id)?.order ?? Infinity }))
    .sort((a, b) => (a.order === b.order ? 0 : a.order < b.order ? -1 : 1) || cmp(a.text.toLowerCase(), b.text.toLowerCase()) || cmp(a.id, b.id));
  out.push(...(entries.length ? entries.map((e) => `- ${e.text}`) : ['*No sources cited.*']), '');

  if (input.provenance ?? true) {
    part('provenance');
    out.push('## Provenance', '');
    const provenance = [...citedSources].sort((a, b) => cmp(a.title.toLowerCase(), b.title.toLowerCase()) || cmp(a.id, b.id));
    for (const s of provenance) {
      out.push(`- ${escapeInline(s.title)} (${s.id}): file ${s.fileName ? escapeInline(s.fileName) : 'not recorded'}; accessed ${s.accessed ?? 'not recorded'}; SHA-256 of text ${s.sha256}`);
    }
    if (provenance.length === 0) out.push('*No sources cited.*');
    out.push('');
  }

  if (footnotes.length) {
    part('footnotes');
    out.push(...footnotes.map((f) => `[^${f.label}]: ${f.text}`), '');
  }
  return boundaries.map((b, i) => ({ id: b.id, body: out.slice(b.at, boundaries[i + 1]?.at ?? out.length).join('\n') + '\n' }));
}

/** A name or id as a part id: no spaces or mark syntax (see reexport.ts). */
const partId = (name: string): string => encodeURIComponent(name).replace(/[!'()*~-]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/**
 * The sources in the order the briefing first cites them (claims as grouped, evidence
 * sections in order): a numbered style (Vancouver) numbers its sources in this order.
 */
export function citationOrder(claims: readonly Claim[], quotes: ReadonlyMap<QuoteId, Quote>, groupBy: 'tag' | 'order'): SourceId[] {
  const seen = new Set<SourceId>();
  for (const claim of groupClaims(claims, groupBy).flatMap((g) => g.claims)) {
    for (const section of EVIDENCE_SECTIONS) {
      for (const e of claim.evidence) {
        const q = e.relation === section.relation ? quotes.get(e.quoteId) : undefined;
        if (q) seen.add(q.sourceId);
      }
    }
  }
  return [...seen];
}

interface ClaimGroup {
  /** null = a single ungrouped list (groupBy 'order'). */
  heading: string | null;
  untagged?: boolean;
  claims: Claim[];
}

/** Groups by first tag, groups sorted by name, untagged last; claims keep the user's order within a group. */
function groupClaims(claims: readonly Claim[], groupBy: 'tag' | 'order'): ClaimGroup[] {
  if (claims.length === 0) return [];
  if (groupBy === 'order') return [{ heading: null, claims: [...claims] }];
  const byTag = new Map<string, Claim[]>();
  const untagged: Claim[] = [];
  for (const c of claims) {
    const tag = c.tags[0];
    if (tag === undefined) untagged.push(c);
    else {
      const list = byTag.get(tag);
      if (list) list.push(c);
      else byTag.set(tag, [c]);
    }
  }
  const groups: ClaimGroup[] = [...byTag.keys()].sort(cmp).map((tag) => ({ heading: tag, claims: byTag.get(tag)! }));
  if (untagged.length) groups.push({ heading: null, untagged: true, claims: untagged });
  return groups;
}
