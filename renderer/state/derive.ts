/**
 * Pure derivations over the loaded data that views display: the tag tree, the
 * claims table's sort and filter, the quick switcher's entries, tag input
 * parsing. Kept out of components (which only render) and out of actions (which
 * talk to the API), and unit-tested in node.
 */
import type { ClaimDetail, SourceSummary, TagSummary } from '../../shared/api/contract.ts';
import type { Quote } from '../../shared/model/records.ts';

export interface TagNode {
  name: string;
  /** The last path segment, shown indented under its parent. */
  label: string;
  depth: number;
  color: string;
  quotes: number;
  claims: number;
  /** Uses of this tag and every tag nested below it. */
  totalQuotes: number;
  totalClaims: number;
}

/** Flattens tags into display order (parents before children) with per-subtree totals. */
export function tagTree(tags: readonly TagSummary[]): TagNode[] {
  const sorted = [...tags].sort((a, b) => (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0));
  return sorted.map((t) => {
    const parts = t.tag.name.split('/');
    let totalQuotes = 0;
    let totalClaims = 0;
    for (const u of tags) {
      if (u.tag.name === t.tag.name || u.tag.name.startsWith(t.tag.name + '/')) {
        totalQuotes += u.quotes;
        totalClaims += u.claims;
      }
    }
    return {
      name: t.tag.name,
      label: parts[parts.length - 1] ?? t.tag.name,
      depth: parts.length - 1,
      color: t.tag.color,
      quotes: t.quotes,
      claims: t.claims,
      totalQuotes,
      totalClaims,
    };
  });
}

/** Splits what the user typed in a tag field ("energy/coal, Shipping") into names. */
export function parseTagInput(raw: string): string[] {
  return [...new Set(raw.split(',').map((s) => s.trim().replace(/\s*\/\s*/g, '/')).filter(Boolean))];
}

export type ClaimSortKey = 'statement' | 'status' | 'evidence' | 'created';
export interface ClaimQuery {
  text: string;
  status: 'all' | 'unverified' | 'supported' | 'disputed';
  sort: ClaimSortKey;
  descending: boolean;
}

export function filterAndSortClaims(claims: readonly ClaimDetail[], q: ClaimQuery): ClaimDetail[] {
  const needle = q.text.trim().toLocaleLowerCase();
  const rows = claims.filter((c) => {
    if (q.status !== 'all' && c.claim.status !== q.status) return false;
    if (!needle) return true;
    return (
      c.claim.statement.toLocaleLowerCase().includes(needle) ||
      c.claim.tags.some((t) => t.toLocaleLowerCase().includes(needle)) ||
      (c.claim.quantity?.raw.toLocaleLowerCase().includes(needle) ?? false)
    );
  });
  const key = (c: ClaimDetail): string | number => {
    switch (q.sort) {
      case 'statement':
        return c.claim.statement.toLocaleLowerCase();
      case 'status':
        return c.claim.status;
      case 'evidence':
        return c.evidence.length;
      case 'created':
        return c.claim.createdAt;
    }
  };
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const cmp = ka < kb ? -1 : ka > kb ? 1 : a.claim.id < b.claim.id ? -1 : 1;
    return q.descending ? -cmp : cmp;
  });
  return rows;
}

export type SwitchTarget =
  | { kind: 'source'; id: string; label: string; detail: string }
  | { kind: 'quote'; id: string; label: string; detail: string }
  | { kind: 'claim'; id: string; label: string; detail: string; flags?: string[] }
  | { kind: 'tag'; id: string; label: string; detail: string };

/**
 * Quick-switcher matches: every whitespace-separated word must occur in the
 * label or detail (case-insensitive). Label matches rank first, then shorter
 * labels, because a short exact title is usually what the user is typing.
 */
export function switcherMatches(
  data: { sources: readonly SourceSummary[]; quotes: readonly Quote[]; claims: readonly ClaimDetail[]; tags: readonly TagSummary[] },
  query: string,
  limit = 30,
): SwitchTarget[] {
  const titleOf = new Map(data.sources.map((s) => [s.id, s.title]));
  const all: SwitchTarget[] = [
    ...data.sources.map((s) => ({ kind: 'source' as const, id: s.id, label: s.title, detail: s.authors.join(', ') })),
    ...data.claims.map((c) => ({ kind: 'claim' as const, id: c.claim.id, label: c.claim.statement, detail: c.claim.tags.join(', '), flags: claimFlags(c) })),
    ...data.quotes.map((q) => ({ kind: 'quote' as const, id: q.id, label: q.exact, detail: titleOf.get(q.sourceId) ?? '' })),
    ...data.tags.map((t) => ({ kind: 'tag' as const, id: t.tag.name, label: t.tag.name, detail: `${plural(t.quotes, 'quote')}, ${plural(t.claims, 'claim')}` })),
  ];
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return all.slice(0, limit);
  const scored: { t: SwitchTarget; score: number }[] = [];
  for (const t of all) {
    const label = t.label.toLocaleLowerCase();
    const hay = label + '\n' + t.detail.toLocaleLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    const inLabel = words.every((w) => label.includes(w)) ? 0 : 1000;
    scored.push({ t, score: inLabel + Math.min(label.length, 999) });
  }
  scored.sort((a, b) => a.score - b.score);
  return scored.slice(0, limit).map((s) => s.t);
}

/** Claims whose evidence includes the quote (shown in the inspector as "Used by"). */
export function claimsCiting(claims: readonly ClaimDetail[], quoteId: string): { claim: ClaimDetail; relation: string }[] {
  const out: { claim: ClaimDetail; relation: string }[] = [];
  for (const c of claims) {
    const e = c.claim.evidence.find((x) => x.quoteId === quoteId);
    if (e) out.push({ claim: c, relation: e.relation });
  }
  return out;
}

/** A short single-line excerpt for lists. */
export function excerpt(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, max - 1).trimEnd() + '…';
}

export interface SourceForm {
  title: string;
  authors: string;
  publisher: string;
  published: string;
  url: string;
  accessed: string;
}

/** The metadata form's strings for a source (authors comma-separated, nulls as empty). */
export function sourceToForm(s: { title: string; authors: string[]; publisher: string | null; published: string | null; url: string | null; accessed: string | null }): SourceForm {
  return { title: s.title, authors: s.authors.join(', '), publisher: s.publisher ?? '', published: s.published ?? '', url: s.url ?? '', accessed: s.accessed ?? '' };
}

/** Back from the form: empty optional fields become null (cleared), authors split on commas and semicolons. */
export function formToSourceEdit(f: SourceForm): {
  title: string;
  authors: string[];
  publisher: string | null;
  published: string | null;
  url: string | null;
  accessed: string | null;
} {
  const opt = (v: string) => (v.trim() ? v.trim() : null);
  return {
    title: f.title.trim(),
    authors: f.authors.split(/[;,]/).map((a) => a.trim()).filter(Boolean),
    publisher: opt(f.publisher),
    published: opt(f.published),
    url: opt(f.url),
    accessed: opt(f.accessed),
  };
}

export type AnchorStatusName = 'exact' | 'moved' | 'fuzzy' | 'orphaned';
const ANCHOR_ORDER: readonly AnchorStatusName[] = ['exact', 'moved', 'fuzzy', 'orphaned'];

/**
 * A quote's anchor status. Quotes from a service that predates anchoring carry
 * no `anchor` field at runtime; they were made on the current text, so "exact".
 */
export function anchorStatus(q: Quote): AnchorStatusName {
  const a = (q as { anchor?: { status?: string } }).anchor;
  return ANCHOR_ORDER.find((s) => s === a?.status) ?? 'exact';
}

/** Counts per anchor status, in a fixed order, leaving out statuses with no quotes. */
export function anchorSummary(quotes: readonly Quote[]): { status: AnchorStatusName; count: number }[] {
  return ANCHOR_ORDER.map((status) => ({ status, count: quotes.filter((q) => anchorStatus(q) === status).length })).filter((x) => x.count > 0);
}

/**
 * Whether a quote can be painted on the source's current text: fuzzy and
 * orphaned quotes still point into an older version, so their offsets would
 * land on the wrong words.
 */
export function paintable(q: Quote): boolean {
  const s = anchorStatus(q);
  return s === 'exact' || s === 'moved';
}

/** Whether a quote is fuzzy or orphaned and the researcher has not decided about it yet. */
export function awaitsReview(q: Quote): boolean {
  const s = anchorStatus(q);
  const review = (q as { anchor?: { review?: unknown } }).anchor?.review ?? null;
  return (s === 'fuzzy' || s === 'orphaned') && review === null;
}

/** Short warnings for a claim wherever it is listed: a figure conflict, evidence waiting in Review. */
export function claimFlags(c: ClaimDetail): string[] {
  const flags: string[] = [];
  if (c.conflicts.length > 0) flags.push(c.conflicts.length === 1 ? 'conflict' : `${c.conflicts.length} conflicts`);
  if (c.unreviewedEvidence > 0) flags.push('needs review');
  return flags;
}

/**
 * A search snippet cut into plain and marked parts, so the view can build
 * `<mark>` elements as React nodes (never an HTML string). Overlapping or
 * out-of-range marks are clipped rather than trusted.
 */
export function snippetParts(snippet: { text: string; marks: readonly (readonly [number, number])[] }, lead?: number): { text: string; mark: boolean }[] {
  const marks = [...snippet.marks].sort((a, b) => a[0] - b[0]);
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  // With `lead`, text before the first match is cut to about that many characters
  // (at a space), so a one-line list still shows the match.
  const first = marks[0]?.[0] ?? 0;
  if (lead !== undefined && first > lead) {
    const space = snippet.text.indexOf(' ', first - lead);
    at = space >= 0 && space < first ? space + 1 : first - lead;
    out.push({ text: '…', mark: false });
  }
  for (const [s, e] of marks) {
    const start = Math.max(at, Math.min(s, snippet.text.length));
    const end = Math.min(e, snippet.text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: snippet.text.slice(at, start), mark: false });
    out.push({ text: snippet.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.text.length) out.push({ text: snippet.text.slice(at), mark: false });
  return out;
}

/** A count with its noun: "1 quote", "2 quotes" (nouns here take a plain -s). */
export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** What is wrong with a source detail as typed, in the researcher's words, or null when it can be saved. */
export function sourceFieldProblem(key: keyof SourceForm, value: string): string | null {
  const v = value.trim();
  if (key === 'title' && !v) return 'A source needs a title.';
  if ((key === 'published' || key === 'accessed') && v && !PARTIAL_DATE.test(v)) {
    return `Write the date as a year, a month or a day: 2025, 2025-04 or 2025-04-02 (“${excerpt(v, 20)}” is not one of those).`;
  }
  if ((key === 'published' || key === 'accessed') && v) {
    const [, m, d] = v.split('-').map(Number);
    if (m !== undefined && (m < 1 || m > 12)) return `There is no month ${m}: months run from 01 to 12, as in 2025-04 for April 2025.`;
    if (d !== undefined && (d < 1 || d > 31)) return `There is no day ${d} in a month: write 2025-04-02 for 2 April 2025.`;
  }
  return null;
}

/** What the delete confirmation of a quote says goes with it. */
export function quoteDeleteDetail(citingClaims: number): string {
  const claims = citingClaims ? ` ${citingClaims === 1 ? 'The claim citing it loses' : `The ${plural(citingClaims, 'claim')} citing it lose`} it as evidence.` : '';
  return `Its highlight, tags and note go with it.${claims} Undo (Ctrl+Z) brings it back.`;
}
