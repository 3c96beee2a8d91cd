/**
 * The read side of a notebook that pure domain transitions need, and the change
 * set they return. Transitions never mutate: they read a NotebookView and return
 * Changes; the service applies them in memory and persists only the touched shards.
 * Returning changes instead of a whole new notebook keeps an edit O(what changed)
 * even with 100,000 quotes in memory.
 */
import type { Claim, ClaimId, Quote, QuoteId, SourceId, SourceMeta, Tag, TrashEntry } from './records.ts';

export interface NotebookView {
  getSource(id: SourceId): SourceMeta | undefined;
  getQuote(id: QuoteId): Quote | undefined;
  getClaim(id: ClaimId): Claim | undefined;
  getTag(name: string): Tag | undefined;
  sources(): Iterable<SourceMeta>;
  quotes(): Iterable<Quote>;
  quotesOf(sourceId: SourceId): readonly Quote[];
  claims(): Iterable<Claim>;
  tags(): Iterable<Tag>;
  /** Claims whose evidence cites this quote (kept as an index: delete must not scan every claim). */
  claimsCiting(quoteId: QuoteId): readonly Claim[];
}

/** A view that also reads the trash: deleted sources waiting to be restored or emptied (see trash.ts). */
export interface TrashView extends NotebookView {
  getTrashed(id: SourceId): TrashEntry | undefined;
  trashed(): Iterable<TrashEntry>;
}

export type Change =
  | { kind: 'source'; op: 'put'; record: SourceMeta }
  | { kind: 'source'; op: 'delete'; id: SourceId }
  | { kind: 'quote'; op: 'put'; record: Quote }
  | { kind: 'quote'; op: 'delete'; id: QuoteId; sourceId: SourceId }
  | { kind: 'claim'; op: 'put'; record: Claim }
  | { kind: 'claim'; op: 'delete'; id: ClaimId }
  | { kind: 'tag'; op: 'put'; record: Tag }
  | { kind: 'tag'; op: 'delete'; name: string }
  /** A deleted source in the trash, keyed by the source's id. */
  | { kind: 'trash'; op: 'put'; record: TrashEntry }
  | { kind: 'trash'; op: 'delete'; id: SourceId };

/** What a transition needs from the outside world, injected so transitions stay pure and testable. */
export interface TransitionContext {
  now: string;
  newId(kind: 'source'): SourceId;
  newId(kind: 'quote'): QuoteId;
  newId(kind: 'claim'): ClaimId;
}
