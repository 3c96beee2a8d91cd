/**
 * Domain transitions: every change a researcher can make, as pure functions from
 * (NotebookView, input) to a Result carrying the Changes to persist. Business rules
 * live here and only here: components, the CLI and the HTTP bridge call the service,
 * which calls these. The invariant every transition keeps: no link ever dangles —
 * deleting a quote removes it from every claim's evidence, deleting a claim removes
 * every link to it, deleting a source moves it and its quotes to the trash the
 * same way. Claim transitions are in claim-actions.ts, the trash's in trash.ts;
 * both are re-exported here.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { snapRange } from '../text/graphemes.ts';
import { describe } from '../anchoring/describe.ts';
import { findOccurrences } from './selectors.ts';
import { normalizeTagName, retag, tagAncestors, tagNameFor } from './tags.ts';
import { defaultTagColor, done, stripUndefined, useTags, type Outcome } from './transition-kit.ts';
import type { ClaimId, HighlightColor, Quote, QuoteId, SourceId, SourceMeta, Tag } from './records.ts';
import type { Change, NotebookView, TransitionContext } from './view.ts';

export { defaultTagColor, type Outcome } from './transition-kit.ts';
export * from './claim-actions.ts';
export { deleteSource, emptyTrash, restoreSource, trashItems } from './trash.ts';
export type { RestoreOutcome, TrashItem } from './trash.ts';

// ---------- sources ----------

export interface SourceMetaPatch {
  title?: string;
  authors?: string[];
  publisher?: string | null;
  published?: string | null;
  url?: string | null;
  accessed?: string | null;
  /** Cite page k of a paged source as k + pageOffset; null: back to its page labels. */
  pageOffset?: number | null;
}

export function updateSourceMeta(view: NotebookView, id: SourceId, patch: SourceMetaPatch, ctx: TransitionContext): Outcome<SourceMeta> {
  const source = view.getSource(id);
  if (!source) return err('not_found', `no source ${id}`);
  if (patch.title !== undefined && !patch.title.trim()) return err('invalid_argument', 'a source needs a title');
  const { pageOffset, ...fields } = patch;
  const record: SourceMeta = { ...source, ...stripUndefined(fields), updatedAt: ctx.now };
  if (pageOffset !== undefined) {
    if (!source.pages) return err('invalid_argument', `“${source.title}” has no pages: a page offset applies to a PDF's pages`);
    const { offset: _previous, ...pages } = source.pages;
    record.pages = pageOffset === null ? pages : { ...pages, offset: pageOffset };
  }
  if (patch.title !== undefined) record.title = patch.title.trim();
  return done(record, [{ kind: 'source', op: 'put', record }]);
}

// ---------- quotes ----------

export interface CreateQuoteInput {
  sourceId: SourceId;
  /** Either a range in the normalized text (UTF-16 code units)… */
  range?: { start: number; end: number };
  /** …or the exact words, with the 1-based occurrence when they occur more than once. */
  exact?: string;
  occurrence?: number;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

/**
 * Where in `text` the caller means: a range (snapped to whole characters) or the
 * exact words with an occurrence. Shared by quoting and by re-selecting a drifted quote.
 */
export function locate(source: SourceMeta, text: string, input: Pick<CreateQuoteInput, 'range' | 'exact' | 'occurrence'>): Result<{ start: number; end: number }> {
  if (input.range) {
    if (input.range.start < 0 || input.range.end > text.length || input.range.start >= input.range.end) {
      return err('invalid_argument', `range ${input.range.start}–${input.range.end} is not inside the source (length ${text.length})`);
    }
    return ok(snapRange(text, input.range.start, input.range.end));
  }
  if (input.exact === undefined) return err('invalid_argument', 'a quote needs either a range or its exact text');
  const found = findOccurrences(text, input.exact);
  const shown = input.exact.length > 60 ? input.exact.slice(0, 57) + '…' : input.exact;
  if (found.length === 0) return err('not_in_source', `the source "${source.title}" does not contain “${shown}”`);
  if (input.occurrence !== undefined) {
    const hit = found[input.occurrence - 1];
    return hit ? ok(hit) : err('invalid_argument', `“${shown}” occurs ${found.length} time(s); --occurrence ${input.occurrence} does not exist`);
  }
  if (found.length > 1) return err('ambiguous', `“${shown}” occurs ${found.length} times in "${source.title}"; choose one with --occurrence 1..${found.length}`);
  return ok(found[0]!);
}

export function createQuote(view: NotebookView, text: string, input: CreateQuoteInput, ctx: TransitionContext): Outcome<Quote> {
  const source = view.getSource(input.sourceId);
  if (!source) return err('not_found', `no source ${input.sourceId}`);
  const where = locate(source, text, input);
  if (!where.ok) return where;
  const { start, end } = where.value;
  const exact = text.slice(start, end);
  if (!exact.trim()) return err('invalid_argument', 'a quote cannot be only whitespace');
  const tags = useTags(view, input.tags ?? [], ctx);
  if (!tags.ok) return tags;
  const quote: Quote = {
    id: ctx.newId('quote'),
    sourceId: source.id,
    selectors: describe(text, start, end),
    exact,
    color: input.color ?? 'yellow',
    note: input.note ?? '',
    tags: tags.value.names,
    anchor: { status: 'exact', sha256: source.sha256, score: 1, candidate: null, review: null },
    origin: { sha256: source.sha256, start, end },
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return done(quote, [...tags.value.changes, { kind: 'quote', op: 'put', record: quote }]);
}

export interface QuotePatch {
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

export function updateQuote(view: NotebookView, id: QuoteId, patch: QuotePatch, ctx: TransitionContext): Outcome<Quote> {
  const quote = view.getQuote(id);
  if (!quote) return err('not_found', `no quote ${id}`);
  const tags = useTags(view, patch.tags ?? quote.tags, ctx);
  if (!tags.ok) return tags;
  const record: Quote = { ...quote, ...stripUndefined({ color: patch.color, note: patch.note }), tags: tags.value.names, updatedAt: ctx.now };
  return done(record, [...tags.value.changes, { kind: 'quote', op: 'put', record }]);
}

export function deleteQuote(view: NotebookView, id: QuoteId, ctx: TransitionContext): Outcome<{ claimsUpdated: ClaimId[] }> {
  const quote = view.getQuote(id);
  if (!quote) return err('not_found', `no quote ${id}`);
  const changes: Change[] = [];
  const updated: ClaimId[] = [];
  for (const c of view.claimsCiting(id)) {
    updated.push(c.id);
    changes.push({ kind: 'claim', op: 'put', record: { ...c, evidence: c.evidence.filter((e) => e.quoteId !== id), updatedAt: ctx.now } });
  }
  changes.push({ kind: 'quote', op: 'delete', id, sourceId: quote.sourceId });
  return done({ claimsUpdated: updated }, changes);
}

// ---------- tags ----------

/** Rewrites every tag reference within `from` to live under `to`, in quotes, claims and tag records. */
function moveTags(view: NotebookView, from: string, to: string, ctx: TransitionContext): Change[] {
  const changes: Change[] = [];
  const rewrite = (tags: readonly string[]) => {
    const next = [...new Set(tags.map((t) => retag(t, from, to)))];
    return next.length === tags.length && next.every((t, i) => t === tags[i]) ? null : next;
  };
  for (const q of view.quotes()) {
    const tags = rewrite(q.tags);
    if (tags) changes.push({ kind: 'quote', op: 'put', record: { ...q, tags, updatedAt: ctx.now } });
  }
  for (const c of view.claims()) {
    const tags = rewrite(c.tags);
    if (tags) changes.push({ kind: 'claim', op: 'put', record: { ...c, tags, updatedAt: ctx.now } });
  }
  const existing = new Set([...view.tags()].map((t) => t.name));
  for (const t of [...view.tags()]) {
    const name = retag(t.name, from, to);
    if (name === t.name) continue;
    changes.push({ kind: 'tag', op: 'delete', name: t.name });
    if (!existing.has(name)) {
      existing.add(name);
      changes.push({ kind: 'tag', op: 'put', record: { ...t, name } });
    }
  }
  for (const name of tagAncestors(to)) {
    if (!existing.has(name)) {
      existing.add(name);
      changes.push({ kind: 'tag', op: 'put', record: { name, color: defaultTagColor(name), createdAt: ctx.now } });
    }
  }
  return changes;
}

function tagPair(view: NotebookView, rawFrom: string, rawTo: string): Result<{ from: string; to: string }> {
  const from = tagNameFor(view, rawFrom);
  if (!from.ok) return err('invalid_argument', from.error);
  const to = normalizeTagName(rawTo);
  if (!to.ok) return err('invalid_argument', to.error);
  if (!view.getTag(from.name)) return err('not_found', `no tag "${from.name}"`);
  if (from.name === to.name) return err('invalid_argument', 'the old and new tag names are the same');
  if (to.name.startsWith(from.name + '/')) return err('invalid_argument', `cannot move "${from.name}" inside itself`);
  return ok({ from: from.name, to: to.name });
}

/** Renames a tag and all its children; refuses to rename onto an existing tag (that is a merge). */
export function renameTag(view: NotebookView, rawFrom: string, rawTo: string, ctx: TransitionContext): Outcome<{ from: string; to: string }> {
  const pair = tagPair(view, rawFrom, rawTo);
  if (!pair.ok) return pair;
  if (view.getTag(pair.value.to)) return err('conflict', `tag "${pair.value.to}" already exists; use merge to combine them`);
  return done(pair.value, moveTags(view, pair.value.from, pair.value.to, ctx));
}

/** Merges tag `from` (and its children) into `into`; every reference moves, none is lost. */
export function mergeTags(view: NotebookView, rawFrom: string, rawInto: string, ctx: TransitionContext): Outcome<{ from: string; to: string }> {
  const pair = tagPair(view, rawFrom, rawInto);
  if (!pair.ok) return pair;
  if (!view.getTag(pair.value.to)) return err('not_found', `no tag "${pair.value.to}" to merge into; use rename instead`);
  return done(pair.value, moveTags(view, pair.value.from, pair.value.to, ctx));
}

export function setTagColor(view: NotebookView, rawName: string, color: string, _ctx: TransitionContext): Outcome<Tag> {
  const n = tagNameFor(view, rawName);
  if (!n.ok) return err('invalid_argument', n.error);
  const tag = view.getTag(n.name);
  if (!tag) return err('not_found', `no tag "${n.name}"`);
  if (!/^#[0-9a-f]{6}$/.test(color)) return err('invalid_argument', `"${color}" is not a color like #3f7cc0`);
  const record = { ...tag, color };
  return done(record, [{ kind: 'tag', op: 'put', record }]);
}

/** Tags with how often each is used directly, sorted by name (parents before children). */
export function tagUsage(view: NotebookView): { tag: Tag; quotes: number; claims: number }[] {
  const q = new Map<string, number>();
  const c = new Map<string, number>();
  for (const x of view.quotes()) for (const t of x.tags) q.set(t, (q.get(t) ?? 0) + 1);
  for (const x of view.claims()) for (const t of x.tags) c.set(t, (c.get(t) ?? 0) + 1);
  return [...view.tags()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((tag) => ({ tag, quotes: q.get(tag.name) ?? 0, claims: c.get(tag.name) ?? 0 }));
}
