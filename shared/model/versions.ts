/**
 * Source versions and anchor review, as pure transitions.
 *
 * A new version of a source keeps the old text (content-addressed, never deleted)
 * and re-anchors every quote on the new one. Exact and moved quotes follow the text
 * silently: their selectors are re-described on the new version. Fuzzy and
 * orphaned quotes do NOT move: their selectors keep pointing into the version they
 * were last exactly on, and they wait for the researcher, who accepts the proposed
 * anchor, re-selects the text, or pins the quote to the old version. Nothing is
 * silently re-attached to different words.
 */
import { err, ok } from '../result.ts';
import { describe } from '../anchoring/describe.ts';
import { reanchorAll } from '../anchoring/reanchor.ts';
import type { Outcome } from './actions.ts';
import { locate } from './actions.ts';
import type { PageMap } from './pages.ts';
import type { AnchorStatus, Quote, QuoteId, SourceMeta, SourceVersion } from './records.ts';
import { currentSince, needsReview } from './records.ts';
import type { Change, NotebookView, TransitionContext } from './view.ts';

export interface NewVersion {
  sha256: string;
  length: number;
  fileName: string | null;
  encoding: string;
  /** The new text's page map (paged sources); without one the source has no pages from now on. */
  pages?: PageMap;
}

export interface VersionReport {
  counts: Record<AnchorStatus, number>;
  /** Quotes now waiting for review. */
  review: QuoteId[];
}

/** Makes `next` the current text of `sourceId` and re-anchors its quotes on it. */
export function addSourceVersion(
  view: NotebookView,
  sourceId: SourceMeta['id'],
  currentText: string,
  nextText: string,
  next: NewVersion,
  ctx: TransitionContext,
): Outcome<{ source: SourceMeta; report: VersionReport }> {
  const source = view.getSource(sourceId);
  if (!source) return err('not_found', `no source ${sourceId}`);
  if (source.sha256 === next.sha256) return err('conflict', `"${source.title}" already has exactly this text`);
  const previous: SourceVersion = {
    sha256: source.sha256,
    length: source.length,
    fileName: source.fileName,
    encoding: source.encoding,
    importedAt: currentSince(source),
    replacedAt: ctx.now,
    ...(source.pages ? { pages: source.pages } : {}),
  };
  const { pages: _oldPages, ...rest } = source;
  const record: SourceMeta = {
    ...rest,
    sha256: next.sha256,
    length: next.length,
    fileName: next.fileName,
    encoding: next.encoding,
    versions: [...source.versions, previous],
    updatedAt: ctx.now,
    ...(next.pages ? { pages: next.pages } : {}),
  };

  const movable = view.quotesOf(sourceId).filter((q) => q.anchor.review !== 'pinned');
  const { results, counts } = reanchorAll(
    currentText,
    nextText,
    movable.map((q) => ({ id: q.id, selectors: q.selectors })),
  );
  const changes: Change[] = [{ kind: 'source', op: 'put', record }];
  const review: QuoteId[] = [];
  for (const q of movable) {
    const r = results.get(q.id)!;
    let updated: Quote;
    if ((r.status === 'exact' || r.status === 'moved') && r.start !== null && r.end !== null) {
      updated = { ...q, selectors: describe(nextText, r.start, r.end), anchor: { status: r.status, sha256: next.sha256, score: 1, candidate: null, review: null } };
    } else {
      const candidate =
        r.status === 'fuzzy' && r.start !== null && r.end !== null ? { start: r.start, end: r.end, text: r.text ?? nextText.slice(r.start, r.end), score: r.score, diff: r.diff ?? [] } : null;
      updated = { ...q, anchor: { status: r.status, sha256: q.anchor.sha256, score: r.score, candidate, review: null } };
      review.push(q.id);
    }
    changes.push({ kind: 'quote', op: 'put', record: { ...updated, updatedAt: ctx.now } });
  }
  return ok({ value: { source: record, report: { counts, review } }, changes });
}

export type ReviewAction = { action: 'accept' } | { action: 'pin' } | { action: 'reselect'; range?: { start: number; end: number }; exact?: string; occurrence?: number };

/** Settles a fuzzy or orphaned quote. `currentText` is the source's current text. */
export function reviewAnchor(view: NotebookView, quoteId: QuoteId, currentText: string, decision: ReviewAction, ctx: TransitionContext): Outcome<Quote> {
  const q = view.getQuote(quoteId);
  if (!q) return err('not_found', `no quote ${quoteId}`);
  const source = view.getSource(q.sourceId);
  if (!source) return err('not_found', `no source ${q.sourceId}`);
  if (!needsReview(q) && decision.action !== 'reselect') return err('conflict', `quote ${quoteId} is ${q.anchor.status}${q.anchor.review ? ` (${q.anchor.review})` : ''} and needs no review`);
  let record: Quote;
  if (decision.action === 'pin') {
    record = { ...q, anchor: { ...q.anchor, review: 'pinned' } };
  } else if (decision.action === 'accept') {
    const c = q.anchor.candidate;
    if (!c) return err('conflict', `quote ${quoteId} is orphaned: there is no proposed anchor to accept; re-select its text or pin it`);
    const selectors = describe(currentText, c.start, c.end);
    record = { ...q, selectors, exact: selectors[1].exact, anchor: { status: 'exact', sha256: source.sha256, score: c.score, candidate: null, review: 'accepted' } };
  } else {
    const where = locate(source, currentText, decision);
    if (!where.ok) return where;
    const selectors = describe(currentText, where.value.start, where.value.end);
    record = { ...q, selectors, exact: selectors[1].exact, anchor: { status: 'exact', sha256: source.sha256, score: 1, candidate: null, review: 'reselected' } };
  }
  record = { ...record, updatedAt: ctx.now };
  return ok({ value: record, changes: [{ kind: 'quote', op: 'put', record }] });
}

/**
 * Which existing source an imported text is a new version of, if any: the same URL,
 * or the same title (compared ignoring case and spacing). A headline is specific
 * enough that two different articles rarely share one; when they do, the researcher
 * sees "new version of …" in the import report, and the old text is still kept.
 */
export function recogniseVersionOf(view: NotebookView, imported: { title: string; url: string | null; fileName: string | null; sha256: string }): SourceMeta | null {
  for (const s of view.sources()) {
    if (s.sha256 === imported.sha256) return null; // a duplicate, not a version
  }
  for (const s of view.sources()) {
    if (imported.url && s.url === imported.url) return s;
    if (sameTitle(s.title, imported.title)) return s;
  }
  return null;
}

const titleKey = (t: string) => t.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
function sameTitle(a: string, b: string): boolean {
  return titleKey(a) !== '' && titleKey(a) === titleKey(b);
}
