/**
 * The notebook's search index, kept beside the service: built lazily on the first
 * search (so opening even a large notebook costs nothing extra), then updated
 * incrementally from each commit's changes — an edit never rebuilds the index.
 * It lives in the service process (Electron's main process or the browser-mode
 * server), never in the page, so building it never blocks the window's UI thread.
 * Changes committed during a build are queued and applied when it completes; a
 * search waits for a change still being indexed, so it never sees half a source.
 *
 * Long indexing runs in slices (slices.ts: about 15 ms, then a turn of the event
 * loop), inside a source as well as between sources, so other requests (saving a
 * highlight while the first search runs) wait at most one slice. Measured with
 * test/bench/responsive.ts on a 19 MB source: the first search held the loop for
 * one stretch of 2.5 s of CPU before (it yielded only every 25 sources, and one
 * source was one block); sliced, the longest stretch is 89 ms of CPU — reading the
 * text and checking its SHA-256 (store.getText, about 78 ms), the floor here — for
 * the same total CPU within the runs' noise (2.7 s before, 2.9 s now).
 * Not taken: building in a worker_thread and handing back the binary index
 * (shared/search `toBytes` / `indexFromBytes`). It would take the CPU off the loop
 * entirely, but serializing the index costs a tenth of the build again, every text
 * is read twice (once per thread), edits committed meanwhile must be replayed on
 * the handed-back copy, and the worker needs its own entry file in all three
 * bundles (the CLI's esbuild bundle, Electron's main bundle, tsx under tests) —
 * all for a build that happens once per session.
 *
 * With persistence (a writer's store: storage/search-file.ts), the index is saved
 * beside the notebook when the store closes and loaded instead of built: only the
 * sources, claims and tags whose shards changed since it was saved are indexed again.
 */
import type { Change, NotebookView } from '../../shared/model/view.ts';
import type { Claim, Quote, SourceMeta } from '../../shared/model/records.ts';
import { pageLocator, pageSpan, quotePageSpan } from '../../shared/model/pages.ts';
import type { SearchHit } from '../../shared/search/types.ts';
import { createIndex, indexFromBytes, sourceParagraphDocs } from '../../shared/search/index.ts';
import type { SearchFile, SearchState } from '../storage/search-file.ts';
import type { SearchDoc, SearchIndex, SearchResult } from '../../shared/search/index.ts';
import { slicer } from './slices.ts';

/** A pause between steps of indexing (slices.ts); `none` for work too short to cut. */
type Pause = () => Promise<void> | undefined;
const none: Pause = () => undefined;

export class NotebookSearch {
  private index: SearchIndex | null = null;
  private building: Promise<SearchIndex> | null = null;
  /** The commit being indexed (a large source is indexed in slices): a search waits for it. */
  private applying: Promise<void> | null = null;
  private readonly queued: Change[][] = [];
  /** Paragraph doc ids per source, and the text version they were built from. */
  private readonly passages = new Map<string, { sha256: string; title: string; ids: string[] }>();
  /** Which documents came from which shard, so a saved index can be brought up to date shard by shard. */
  private readonly quoteIds = new Map<string, Set<string>>();
  private readonly claimIds = new Set<string>();
  private readonly tagNames = new Set<string>();
  /** The saved record of which documents came from which shard, until it is needed (see known()). */
  private savedState: (() => SearchState) | null = null;
  /** Whether the index differs from the saved one. */
  private changed = false;
  /** How the index was made this time: for tests and benchmarks. */
  origin: 'built' | 'loaded' | null = null;

  constructor(
    private readonly view: NotebookView,
    private readonly getText: (sha256: string) => Promise<string>,
    private readonly file: { search: SearchFile; onClose(save: () => void): void } | null = null,
  ) {
    file?.onClose(() => {
      if (!this.index || !this.changed) return;
      const state = this.state();
      // Paragraphs are saved as places in their source's stored text, not as copies (search-file.ts).
      const keyOf = (d: SearchDoc) => (d.type === 'source' && d.sourceId !== undefined ? this.passages.get(d.sourceId)?.sha256 : undefined);
      file.search.save(this.index.toBytes(keyOf), state);
    });
  }

  get built(): boolean {
    return this.index !== null;
  }

  async search(query: string, limit: number): Promise<SearchResult> {
    const index = await this.ensure();
    while (this.applying) await this.applying;
    return this.withPages(index.run(query, { limit }));
  }

  /** Hits in a paged source (PDF) carry the page they are on ("14", "83–84"): a quote's from its anchor, a passage's from its first match. */
  private withPages(result: SearchResult): SearchResult {
    if (!result.ok) return result;
    const paged = (h: SearchHit): SearchHit => {
      const source = h.sourceId !== undefined ? this.view.getSource(h.sourceId as SourceMeta['id']) : undefined;
      if (!source?.pages && !source?.versions.some((v) => v.pages)) return h;
      const quote = h.type === 'quote' ? this.view.getQuote(h.refId as Quote['id']) : undefined;
      const span = quote ? quotePageSpan(source, quote) : h.match ? pageSpan(source.pages, h.match.start, h.match.end) : null;
      return span ? { ...h, page: pageLocator(span) } : h;
    };
    return { ...result, hits: result.hits.map(paged) };
  }

  private ensure(): Promise<SearchIndex> {
    if (this.index) return Promise.resolve(this.index);
    this.building ??= this.build();
    return this.building;
  }

  private async build(): Promise<SearchIndex> {
    const index = (await this.loadSaved()) ?? (await this.buildAll());
    this.index = index;
    this.building = null;
    // Whatever was committed while the build yielded is applied now, in order.
    for (const changes of this.queued.splice(0)) await this.apply(changes);
    return index;
  }

  /** The saved index, brought up to date with the shards that changed since it was saved. */
  private async loadSaved(): Promise<SearchIndex | null> {
    const saved = this.file?.search.load();
    if (!saved) return null;
    const { stale } = saved;
    let index: SearchIndex;
    try {
      const search = this.file!.search;
      index = indexFromBytes(saved.index, { text: (sha) => search.readText(sha) });
    } catch {
      return null; // not an index this version can read: built afresh
    }
    this.savedState = saved.state;
    this.changed = stale.sources.size > 0 || stale.claims || stale.tags;
    if (this.changed) this.known();
    const pause = slicer();
    for (const id of stale.sources) {
      this.removeSource(index, id);
      for (const q of this.quoteIds.get(id) ?? []) removeWithNote(index, q);
      this.quoteIds.delete(id);
      const source = this.view.getSource(id as never);
      if (!source) continue;
      await this.indexSource(index, source, pause);
      for (const q of this.view.quotesOf(source.id)) this.indexQuote(index, q);
    }
    if (stale.claims) {
      for (const id of this.claimIds) removeWithNote(index, id);
      this.claimIds.clear();
      for (const c of [...this.view.claims()]) {
        this.indexClaim(index, c);
        await pause();
      }
    }
    if (stale.tags) {
      for (const name of this.tagNames) index.remove(`tag:${name}`);
      this.tagNames.clear();
      for (const t of this.view.tags()) this.indexTag(index, t.name);
    }
    this.origin = 'loaded';
    return index;
  }

  /**
   * Reads the saved record into the maps, the first time anything changes: a search
   * that finds nothing stale never parses it.
   */
  private known(): void {
    const state = this.savedState?.();
    this.savedState = null;
    if (!state) return;
    for (const s of state.sources) {
      this.passages.set(s.id, { sha256: s.sha256, title: s.title, ids: s.passages });
      this.quoteIds.set(s.id, new Set(s.quotes));
    }
    for (const id of state.claims) this.claimIds.add(id);
    for (const name of state.tags) this.tagNames.add(name);
  }

  private state(): SearchState {
    this.known();
    return {
      sources: [...this.passages].map(([id, p]) => ({ id, sha256: p.sha256, title: p.title, passages: p.ids, quotes: [...(this.quoteIds.get(id) ?? [])] })),
      claims: [...this.claimIds],
      tags: [...this.tagNames],
    };
  }

  private async buildAll(): Promise<SearchIndex> {
    const index = createIndex();
    const pause = slicer();
    // Taken before the first yield: what is committed meanwhile is queued and applied after (see build()).
    const [sources, quotes, claims, tags] = [[...this.view.sources()], [...this.view.quotes()], [...this.view.claims()], [...this.view.tags()]];
    for (const s of sources) await this.indexSource(index, s, pause);
    for (const q of quotes) {
      this.indexQuote(index, q);
      await pause();
    }
    for (const c of claims) {
      this.indexClaim(index, c);
      await pause();
    }
    for (const t of tags) this.indexTag(index, t.name);
    this.changed = true;
    this.origin = 'built';
    return index;
  }

  /** Applies one commit's changes (call after the view already holds them). */
  async apply(changes: readonly Change[]): Promise<void> {
    if (this.building) {
      this.queued.push([...changes]);
      return;
    }
    const index = this.index;
    if (!index) return; // not built yet: the first search will read everything current
    const before = this.applying;
    const run = (async () => {
      if (before) await before;
      await this.applyTo(index, changes);
    })();
    this.applying = run;
    try {
      await run;
    } finally {
      if (this.applying === run) this.applying = null;
    }
  }

  private async applyTo(index: SearchIndex, changes: readonly Change[]): Promise<void> {
    this.known();
    this.changed = true;
    const pause = slicer();
    for (const c of changes) {
      if (c.kind === 'source') {
        if (c.op === 'put') await this.indexSource(index, c.record, pause);
        else this.removeSource(index, c.id);
      } else if (c.kind === 'quote') {
        if (c.op === 'put') this.indexQuote(index, c.record);
        else {
          removeWithNote(index, c.id);
          this.quoteIds.get(c.sourceId)?.delete(c.id);
        }
      } else if (c.kind === 'claim') {
        if (c.op === 'put') this.indexClaim(index, c.record);
        else {
          removeWithNote(index, c.id);
          this.claimIds.delete(c.id);
        }
      } else if (c.kind === 'trash')
        continue; // the trash is not searched; its source left the index with the source's delete
      else if (c.op === 'put') this.indexTag(index, c.record.name);
      else {
        index.remove(`tag:${c.name}`);
        this.tagNames.delete(c.name);
      }
    }
  }

  private async indexSource(index: SearchIndex, s: SourceMeta, pause: Pause = none): Promise<void> {
    const known = this.passages.get(s.id);
    if (known && known.sha256 === s.sha256 && known.title === s.title) return; // metadata-only edit
    this.removeSource(index, s.id);
    const text = await this.getText(s.sha256);
    // Reading and checking a 19 MB text, and cutting it into paragraphs, are tens of ms each: a turn of the loop between them.
    await pause();
    const docs = sourceParagraphDocs(s.id, s.title, text);
    await pause();
    // One paragraph at a time, with a yield between slices: a 19 MB source is thousands of them.
    for (const d of docs) {
      index.add(d);
      const p = pause();
      if (p) await p;
    }
    this.passages.set(s.id, { sha256: s.sha256, title: s.title, ids: docs.map((d) => d.id) });
    // Quotes carry their source's title: refresh them when it changes.
    if (known && known.title !== s.title) for (const q of this.view.quotesOf(s.id)) this.indexQuote(index, q);
  }

  private removeSource(index: SearchIndex, id: string): void {
    for (const d of this.passages.get(id)?.ids ?? []) index.remove(d);
    this.passages.delete(id);
  }

  private indexTag(index: SearchIndex, name: string): void {
    index.update(tagDoc(name));
    this.tagNames.add(name);
  }

  private indexQuote(index: SearchIndex, q: Quote): void {
    let mine = this.quoteIds.get(q.sourceId);
    if (!mine) this.quoteIds.set(q.sourceId, (mine = new Set()));
    mine.add(q.id);
    const sourceTitle = this.view.getSource(q.sourceId)?.title ?? '';
    const base = { sourceId: q.sourceId, sourceTitle, tags: q.tags, status: q.anchor.status, refId: q.id };
    index.update({ id: q.id, type: 'quote', text: q.exact, ...base });
    updateNote(index, q.id, q.note, base);
  }

  private indexClaim(index: SearchIndex, c: Claim): void {
    this.claimIds.add(c.id);
    const base = { tags: c.tags, status: c.status, refId: c.id };
    index.update({ id: c.id, type: 'claim', text: c.statement, ...base });
    updateNote(index, c.id, c.note, base);
  }
}

function removeWithNote(index: SearchIndex, id: string): void {
  index.remove(id);
  index.remove(`${id}#note`);
}

function updateNote(index: SearchIndex, id: string, note: string, base: Omit<SearchDoc, 'id' | 'type' | 'text'>): void {
  if (note.trim()) index.update({ id: `${id}#note`, type: 'note', text: note, ...base });
  else index.remove(`${id}#note`);
}

function tagDoc(name: string): SearchDoc {
  return { id: `tag:${name}`, type: 'tag', text: name.replace(/[/-]/g, ' '), tags: [name], refId: name };
}
