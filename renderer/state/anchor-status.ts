/** A quote's anchor status as views show it: its name, counts per status, whether it can be painted or awaits review. */
import type { Quote } from '../../shared/model/records.ts';

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
