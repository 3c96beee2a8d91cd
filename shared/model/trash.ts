/**
 * The source trash as pure transitions. Deleting a source moves it, its quotes and
 * the evidence links of claims citing them into one trash entry, in the same
 * commit that removes them (one undo step, one log entry). Restoring puts the
 * source and its quotes back exactly (same ids, selectors, anchor state) and the
 * links back into the claims that still exist, each in its old place. Emptying
 * removes entries for good. No link ever dangles: while a source is in the trash
 * nothing in the notebook points at it or its quotes.
 */
import { err } from '../result.ts';
import { done, useTags, type Outcome } from './transition-kit.ts';
import type { Claim, ClaimId, Evidence, Quote, SourceId, SourceMeta, TrashedLink, TrashEntry } from './records.ts';
import type { Change, NotebookView, TrashView, TransitionContext } from './view.ts';

/** The schema's limit on a claim's evidence list: a restore never writes a record the notebook could not read back. */
const MAX_EVIDENCE = 1000;

/** A trashed source as the Trash lists it. */
export interface TrashItem {
  source: SourceMeta;
  trashedAt: string;
  quoteCount: number;
  /** Evidence links to claims that a restore puts back (claims deleted since are not counted). */
  linkCount: number;
  /** A source imported since with the same text: while it exists, this one cannot be restored. */
  sameTextAs: { id: string; title: string } | null;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Moves a source, its quotes and the evidence links citing them to the trash. */
export function deleteSource(view: NotebookView, id: SourceId, ctx: TransitionContext): Outcome<{ quotes: number; links: number }> {
  const source = view.getSource(id);
  if (!source) return err('not_found', `no source ${id}`);
  const quotes: Quote[] = [...view.quotesOf(id)].sort(byId);
  const gone = new Set<string>(quotes.map((q) => q.id));
  const citing = new Map<ClaimId, Claim>();
  for (const q of quotes) for (const c of view.claimsCiting(q.id)) citing.set(c.id, c);
  const links: TrashedLink[] = [];
  const changes: Change[] = [];
  for (const c of [...citing.values()].sort(byId)) {
    c.evidence.forEach((evidence, index) => {
      if (gone.has(evidence.quoteId)) links.push({ claimId: c.id, index, evidence });
    });
    changes.push({ kind: 'claim', op: 'put', record: { ...c, evidence: c.evidence.filter((e) => !gone.has(e.quoteId)), updatedAt: ctx.now } });
  }
  for (const q of quotes) changes.push({ kind: 'quote', op: 'delete', id: q.id, sourceId: id });
  changes.push({ kind: 'source', op: 'delete', id });
  changes.push({ kind: 'trash', op: 'put', record: { source, quotes, links, trashedAt: ctx.now } });
  return done({ quotes: quotes.length, links: links.length }, changes);
}

/** The source in the notebook that holds the same text as a trashed one, if any. */
function sameText(view: NotebookView, entry: TrashEntry): SourceMeta | null {
  for (const s of view.sources()) if (s.sha256 === entry.source.sha256) return s;
  return null;
}

function trashed(view: TrashView, id: SourceId): TrashEntry | string {
  const entry = view.getTrashed(id);
  if (entry) return entry;
  return view.getSource(id) ? `the source ${id} is not in the trash` : `there is no source ${id} in the trash`;
}

export interface RestoreOutcome {
  source: SourceMeta;
  quotes: number;
  /** Evidence links put back into their claims. */
  links: number;
  /** Links that could not go back: their claim was deleted since (or is full). */
  linksDropped: number;
}

/** Puts a trashed source back exactly as it was, with its quotes and their evidence links. */
export function restoreSource(view: TrashView, id: SourceId, ctx: TransitionContext): Outcome<RestoreOutcome> {
  const entry = trashed(view, id);
  if (typeof entry === 'string') return err('not_found', entry);
  const title = entry.source.title;
  const twin = sameText(view, entry);
  if (twin)
    return err('conflict', `“${title}” cannot be restored: the same text was imported again since as “${twin.title}” (${twin.id}); delete that source first to restore this one with its quotes`);
  // Tags renamed or merged while the source was in the trash: its quotes keep their names, so those tags come back.
  const tags = useTags(view, [...new Set(entry.quotes.flatMap((q) => q.tags))], ctx);
  if (!tags.ok) return tags;
  const changes: Change[] = [{ kind: 'source', op: 'put', record: entry.source }, ...tags.value.changes];
  for (const record of entry.quotes) changes.push({ kind: 'quote', op: 'put', record });
  const byClaim = new Map<ClaimId, TrashedLink[]>();
  for (const l of entry.links) byClaim.set(l.claimId, [...(byClaim.get(l.claimId) ?? []), l]);
  let links = 0;
  let linksDropped = 0;
  for (const [claimId, list] of byClaim) {
    const claim = view.getClaim(claimId);
    if (!claim) {
      linksDropped += list.length;
      continue;
    }
    const evidence: Evidence[] = [...claim.evidence];
    // In the order of their old places, so each lands where it was when nothing else moved.
    for (const l of [...list].sort((a, b) => a.index - b.index)) {
      if (evidence.some((e) => e.quoteId === l.evidence.quoteId)) continue;
      if (evidence.length >= MAX_EVIDENCE) {
        linksDropped++;
        continue;
      }
      evidence.splice(Math.min(l.index, evidence.length), 0, l.evidence);
      links++;
    }
    if (evidence.length !== claim.evidence.length) changes.push({ kind: 'claim', op: 'put', record: { ...claim, evidence, updatedAt: ctx.now } });
  }
  changes.push({ kind: 'trash', op: 'delete', id });
  return done({ source: entry.source, quotes: entry.quotes.length, links, linksDropped }, changes);
}

/** Removes trash entries for good: the given ones (every one must be in the trash), or all. */
export function emptyTrash(view: TrashView, ids: readonly SourceId[] | undefined): Outcome<{ removed: { id: string; title: string; quotes: number }[] }> {
  const entries: TrashEntry[] = [];
  if (ids) {
    for (const id of new Set(ids)) {
      const entry = trashed(view, id);
      if (typeof entry === 'string') return err('not_found', entry);
      entries.push(entry);
    }
  } else entries.push(...view.trashed());
  const removed = entries.map((e) => ({ id: e.source.id, title: e.source.title, quotes: e.quotes.length }));
  return done(
    { removed },
    entries.map((e): Change => ({ kind: 'trash', op: 'delete', id: e.source.id })),
  );
}

/** The trash, newest first, each entry with what a restore would bring back or why it cannot. */
export function trashItems(view: TrashView): TrashItem[] {
  const bySha = new Map<string, SourceMeta>();
  for (const s of view.sources()) bySha.set(s.sha256, s);
  return [...view.trashed()]
    .map((e) => {
      const twin = bySha.get(e.source.sha256);
      return {
        source: e.source,
        trashedAt: e.trashedAt,
        quoteCount: e.quotes.length,
        linkCount: e.links.filter((l) => view.getClaim(l.claimId)).length,
        sameTextAs: twin ? { id: twin.id, title: twin.title } : null,
      };
    })
    .sort((a, b) => (a.trashedAt < b.trashedAt ? 1 : a.trashedAt > b.trashedAt ? -1 : byId(a.source, b.source)));
}
