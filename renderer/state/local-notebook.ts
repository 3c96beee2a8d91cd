/**
 * The page's own copy of the notebook: loaded once from a snapshot, then kept
 * current by applying the changes the host pushes (shared/api/events.ts), with
 * every list the views show derived from it by the same functions the service
 * answers list calls with (shared/api/listings.ts).
 *
 * Lists are updated record by record, not rebuilt: a change replaces only the
 * items it touches (a new highlight inserts one quote and refreshes one source's
 * counts), by binary search in lists kept in the listings' order. Rebuilding and
 * sorting 100,000 quotes on every highlight would cost tens of milliseconds; one
 * insertion into a copied array costs well under one. A batch larger than
 * REBUILD_OVER items (an import, the sample, a tag rename) rebuilds instead.
 */
import type { ClaimDetail, ConflictItem, HistoryState, ReviewItem, SourceSummary, TagSummary } from '../../shared/api/contract.ts';
import type { JudgementState, NotebookEvent, NotebookSnapshot } from '../../shared/api/events.ts';
import { claimDetail, claimOrder, claimRelations, quoteOrder, reviewItem, sourceOrder, sourceSummary } from '../../shared/api/listings.ts';
import type { ClaimRelations } from '../../shared/api/listings.ts';
import { tagUsage } from '../../shared/model/actions.ts';
import { MemoryNotebook } from '../../shared/model/memory.ts';
import { needsReview } from '../../shared/model/records.ts';
import type { Claim, ClaimId, Quote, QuoteId, SourceId, SourceMeta } from '../../shared/model/records.ts';
import type { Change } from '../../shared/model/view.ts';
import { trashItems } from '../../shared/model/trash.ts';
import type { TrashItem } from '../../shared/model/trash.ts';

/** What the views read; each array is replaced (never mutated) when its items change. */
export interface NotebookLists {
  sources: SourceSummary[];
  quotes: Quote[];
  claims: ClaimDetail[];
  tags: TagSummary[];
  review: ReviewItem[];
  /** The Trash, newest first, as `listTrash` answers it. */
  trash: TrashItem[];
  conflicts: ConflictItem[];
  figureChanges: ConflictItem[];
  history: HistoryState;
}

/**
 * Records by id for the views, in O(1): a selector that searched the lists
 * instead (`quotes.find(…)`) runs on every store change, and at 100,000 quotes
 * that alone cost tens of milliseconds per highlight. A new object per revision,
 * so selectors re-run; what they return keeps its identity while unchanged.
 */
export interface NotebookIndex {
  source(id: string): SourceMeta | undefined;
  quote(id: string): Quote | undefined;
  /** A source's quotes in reading order; the same array until one of them changes. */
  quotesOf(sourceId: string): readonly Quote[];
  claim(id: string): ClaimDetail | undefined;
}

/** Above this many touched items a list is rebuilt and sorted rather than edited item by item. */
const REBUILD_OVER = 500;

/** What applying an event did. `gap`: the event does not follow the copy's revision; load a snapshot. */
export type ApplyOutcome = 'applied' | 'ignored' | 'gap';

export class LocalNotebook {
  view = new MemoryNotebook();
  /** The revision of the notebook this copy shows (-1 before the first snapshot). */
  rev = -1;
  lists: NotebookLists = { sources: [], quotes: [], claims: [], tags: [], review: [], trash: [], conflicts: [], figureChanges: [], history: { undo: null, redo: null } };
  private judgement: JudgementState = { pairs: [], conflicts: [], figureChanges: [] };
  private details: { list: ClaimDetail[]; byId: Map<string, ClaimDetail> } | null = null;
  private sorted = new Map<string, { from: readonly Quote[]; sorted: readonly Quote[] }>();

  /** Lookups over the copy as it stands now (see NotebookIndex). */
  index(): NotebookIndex {
    const view = this.view;
    return {
      source: (id) => view.getSource(id as SourceId),
      quote: (id) => view.getQuote(id as QuoteId),
      quotesOf: (id) => {
        const from = view.quotesOf(id as SourceId);
        const hit = this.sorted.get(id);
        if (hit?.from === from) return hit.sorted;
        const sorted = [...from].sort(quoteOrder);
        this.sorted.set(id, { from, sorted });
        return sorted;
      },
      claim: (id) => {
        if (this.details?.list !== this.lists.claims) this.details = { list: this.lists.claims, byId: new Map(this.lists.claims.map((d) => [d.claim.id, d])) };
        return this.details.byId.get(id);
      },
    };
  }
  private relations: ClaimRelations | null = null;

  load(snapshot: NotebookSnapshot): void {
    const view = new MemoryNotebook();
    view.apply([
      ...snapshot.sources.map((record): Change => ({ kind: 'source', op: 'put', record })),
      ...snapshot.quotes.map((record): Change => ({ kind: 'quote', op: 'put', record })),
      ...snapshot.claims.map((record): Change => ({ kind: 'claim', op: 'put', record })),
      ...snapshot.tags.map((record): Change => ({ kind: 'tag', op: 'put', record })),
      ...snapshot.trash.map((record): Change => ({ kind: 'trash', op: 'put', record })),
    ]);
    this.view = view;
    this.sorted.clear();
    this.rev = snapshot.rev;
    this.judgement = snapshot.judgement;
    this.relations = null;
    this.lists = {
      sources: [...view.sources()].sort(sourceOrder).map((s) => sourceSummary(view, s)),
      quotes: [...view.quotes()].sort(quoteOrder),
      claims: this.allClaimDetails(),
      tags: tagUsage(view),
      review: [...view.quotes()]
        .filter(needsReview)
        .sort(quoteOrder)
        .map((q) => reviewItem(view, q)),
      trash: trashItems(view),
      conflicts: snapshot.judgement.conflicts,
      figureChanges: snapshot.judgement.figureChanges,
      history: snapshot.history,
    };
  }

  apply(e: NotebookEvent): ApplyOutcome {
    if (e.type === 'reset') return 'gap';
    if (e.type === 'judgement') {
      if (e.rev !== this.rev) return 'ignored';
      this.judgement = e.judgement;
      this.relations = null;
      this.lists = { ...this.lists, conflicts: e.judgement.conflicts, figureChanges: e.judgement.figureChanges, claims: this.allClaimDetails() };
      return 'applied';
    }
    if (e.rev <= this.rev) return 'ignored';
    if (e.rev !== this.rev + 1) return 'gap';
    this.applyChanges(e.changes);
    this.rev = e.rev;
    this.lists = { ...this.lists, history: e.history };
    return 'applied';
  }

  private allClaimDetails(): ClaimDetail[] {
    const relations = this.claimRelations();
    return [...this.view.claims()].sort(claimOrder).map((c) => claimDetail(this.view, c, relations));
  }

  private claimRelations(): ClaimRelations {
    return (this.relations ??= claimRelations(this.view, this.judgement));
  }

  private applyChanges(changes: readonly Change[]): void {
    const view = this.view;
    // The records before and after, per id (a batch may touch one record twice: keep the first old, the last new).
    const quotes = new Map<QuoteId, { old: Quote | undefined; sourceId: SourceId }>();
    const claims = new Map<ClaimId, Claim | undefined>();
    const sources = new Map<SourceId, SourceMeta | undefined>();
    const touchedSources = new Set<SourceId>();
    const touchedClaims = new Set<ClaimId>();
    const renamedSources = new Set<SourceId>();
    let tagsChanged = false;
    const citingQuote = (id: QuoteId) => {
      for (const c of view.claimsCiting(id)) touchedClaims.add(c.id);
    };
    const claimReach = (c: Claim | undefined) => {
      if (!c) return;
      if (c.tags.length) tagsChanged = true;
      for (const l of c.links) touchedClaims.add(l.claimId);
      for (const e of c.evidence) {
        const q = view.getQuote(e.quoteId);
        if (q) touchedSources.add(q.sourceId);
      }
    };
    for (const c of changes) {
      if (c.kind === 'quote') {
        const id = c.op === 'put' ? c.record.id : c.id;
        const sourceId = c.op === 'put' ? c.record.sourceId : c.sourceId;
        if (!quotes.has(id)) quotes.set(id, { old: view.getQuote(id), sourceId });
        touchedSources.add(sourceId);
        citingQuote(id);
        if (quotes.get(id)!.old?.tags.length || (c.op === 'put' && c.record.tags.length)) tagsChanged = true;
      } else if (c.kind === 'claim') {
        const id = c.op === 'put' ? c.record.id : c.id;
        if (!claims.has(id)) claims.set(id, view.getClaim(id));
        touchedClaims.add(id);
        claimReach(view.getClaim(id));
        if (c.op === 'put') {
          if (c.record.tags.length) tagsChanged = true;
          for (const l of c.record.links) touchedClaims.add(l.claimId);
        }
      } else if (c.kind === 'source') {
        const id = c.op === 'put' ? c.record.id : c.id;
        if (!sources.has(id)) sources.set(id, view.getSource(id));
        touchedSources.add(id);
        renamedSources.add(id);
        for (const q of view.quotesOf(id)) citingQuote(q.id);
      } else if (c.kind === 'tag') tagsChanged = true;
    }
    // A trash item says how many of its links a restore would bring back and whether a source with its text is back.
    const trashChanged = changes.some((c) => c.kind === 'trash') || ((sources.size > 0 || claims.size > 0) && this.lists.trash.length > 0);
    view.apply(changes);
    // After: what the new records reach.
    for (const id of quotes.keys()) citingQuote(id);
    for (const id of claims.keys()) claimReach(view.getClaim(id));
    if (claims.size > 0 || renamedSources.size > 0) this.relations = null;

    const lists = { ...this.lists };
    // Quotes and review items: the old record out, the new one in.
    const quoteEdits: [Quote | undefined, Quote | undefined][] = [...quotes].map(([id, { old }]) => [old, view.getQuote(id)]);
    lists.quotes = edited(lists.quotes, quoteEdits, quoteOrder, () => [...view.quotes()]);
    const reviewEdits: [ReviewItem | undefined, ReviewItem | undefined][] = quoteEdits.map(([o, n]) => [
      o && needsReview(o) ? reviewItem(view, o) : undefined,
      n && needsReview(n) ? reviewItem(view, n) : undefined,
    ]);
    // A renamed source: its review items carry its title.
    for (const id of renamedSources) {
      for (const q of view.quotesOf(id)) if (!quotes.has(q.id) && needsReview(q)) reviewEdits.push([reviewItem(view, q), reviewItem(view, q)]);
    }
    lists.review = edited(
      lists.review,
      reviewEdits,
      (a, b) => quoteOrder(a.quote, b.quote),
      () => [...view.quotes()].filter(needsReview).map((q) => reviewItem(view, q)),
    );
    // Sources: each touched one's summary again.
    const sourceEdits: [SourceSummary | undefined, SourceSummary | undefined][] = [...touchedSources].map((id) => {
      const before = sources.has(id) ? sources.get(id) : view.getSource(id);
      const old = before ? this.lists.sources[indexOf<SourceMeta>(this.lists.sources, before, sourceOrder)] : undefined;
      const now = view.getSource(id);
      return [old, now ? sourceSummary(view, now) : undefined];
    });
    lists.sources = edited(lists.sources, sourceEdits, sourceOrder, () => [...view.sources()].map((s) => sourceSummary(view, s)));
    // Claims: each touched one's detail again.
    if (touchedClaims.size > 0) {
      const relations = this.claimRelations();
      const claimEdits: [ClaimDetail | undefined, ClaimDetail | undefined][] = [...touchedClaims].map((id) => {
        const before = claims.has(id) ? claims.get(id) : view.getClaim(id);
        const old = before ? this.lists.claims[indexOf(this.lists.claims, { claim: before } as ClaimDetail, detailOrder)] : undefined;
        const now = view.getClaim(id);
        return [old, now ? claimDetail(view, now, relations) : undefined];
      });
      lists.claims = edited(lists.claims, claimEdits, detailOrder, () => [...view.claims()].map((c) => claimDetail(view, c, relations)));
    }
    if (tagsChanged) lists.tags = tagUsage(view);
    if (trashChanged) lists.trash = trashItems(view);
    this.lists = lists;
  }
}

const detailOrder = (a: ClaimDetail, b: ClaimDetail) => claimOrder(a.claim, b.claim);

/** The index of the item equal (by `order`) to `probe`, or -1. */
function indexOf<T>(list: readonly T[], probe: T, order: (a: T, b: T) => number): number {
  const i = lowerBound(list, probe, order);
  return i < list.length && order(list[i]!, probe) === 0 ? i : -1;
}

function lowerBound<T>(list: readonly T[], probe: T, order: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(list[mid]!, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `list` with each [old, new] pair applied: old removed where it sits, new
 * inserted where it belongs. Returns `list` itself when nothing changed, so views
 * that read it do not redraw; rebuilds from `all()` past REBUILD_OVER edits.
 */
function edited<T>(list: T[], edits: readonly [T | undefined, T | undefined][], order: (a: T, b: T) => number, all: () => T[]): T[] {
  const real = edits.filter(([o, n]) => o !== undefined || n !== undefined);
  if (real.length === 0) return list;
  if (real.length > REBUILD_OVER) return all().sort(order);
  const out = list.slice();
  for (const [old] of real) {
    if (old === undefined) continue;
    const i = indexOf(out, old, order);
    if (i >= 0) out.splice(i, 1);
  }
  for (const [, now] of real) {
    if (now === undefined) continue;
    const i = lowerBound(out, now, order);
    if (i < out.length && order(out[i]!, now) === 0) out[i] = now;
    else out.splice(i, 0, now);
  }
  return out;
}
