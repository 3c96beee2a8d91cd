/**
 * The store's view of a notebook, loading shards as they are asked for: a command
 * that reads or changes one source reads that source's shard (and tags.json), not
 * all 10,000. It answers every NotebookView question exactly as a fully loaded
 * notebook would, because whatever a question needs is loaded first:
 *
 * - one source (getSource, quotesOf): that source's shard;
 * - every source's record (sources()): the catalog, checked against the shards;
 * - a quote by id: the catalog says which shard holds it;
 * - every quote (quotes()): every source shard; any claim: the 32 claim buckets;
 * - a trashed source: its trash file; the whole trash: the trash folder.
 *
 * Before changes are applied, every shard they land in is loaded, so compaction
 * (which writes a shard from memory) always writes it whole. `loadAll` is the
 * app's open: everything read and validated up front.
 */
import { MemoryNotebook } from '../../shared/model/memory.ts';
import type { Claim, ClaimId, Quote, QuoteId, SourceId, SourceMeta, Tag, TrashEntry } from '../../shared/model/records.ts';
import type { Change, TrashView } from '../../shared/model/view.ts';
import { catalogEntry, currentCatalog } from './catalog.ts';
import type { CatalogEntry } from './catalog.ts';
import type { SourceShard } from './layout.ts';
import type { ShardReader } from './shard-reader.ts';

export class LazyNotebook implements TrashView {
  private readonly m = new MemoryNotebook();
  /** Source shards read (or known absent), so memory holds them whole. */
  private readonly sourcesIn = new Set<SourceId>();
  private readonly trashIn = new Set<SourceId>();
  private everySource = false;
  private claimsIn = false;
  private everyTrash = false;
  private catalog: Map<SourceId, CatalogEntry> | null = null;
  private quoteHome: Map<QuoteId, SourceId> | null = null;

  constructor(
    private readonly reader: ShardReader,
    /** Whether a catalog read may write the catalog back (a writer, or a reader allowed to). */
    private readonly persistCatalog: boolean,
  ) {}

  /** Reads every shard now: the full, validated open the app uses. */
  loadAll(): void {
    this.loadClaims();
    this.loadEverySource();
    this.loadEveryTrash();
  }

  /** A folder with no notebook yet: there is nothing on disk to load. */
  markEmpty(): void {
    this.everySource = this.claimsIn = this.everyTrash = true;
  }

  loadTags(): void {
    this.m.apply(this.reader.tags().map((record): Change => ({ kind: 'tag', op: 'put', record })));
  }

  // ---------- loading ----------

  private takeSource(id: SourceId, shard: SourceShard | null): void {
    if (this.sourcesIn.has(id)) return;
    this.sourcesIn.add(id);
    if (!shard) return;
    this.m.apply([{ kind: 'source', op: 'put', record: shard.source }, ...shard.quotes.map((record): Change => ({ kind: 'quote', op: 'put', record }))]);
  }

  private loadSource(id: SourceId): void {
    if (this.everySource || this.sourcesIn.has(id)) return;
    this.takeSource(id, this.reader.source(id));
  }

  private loadEverySource(): void {
    if (this.everySource) return;
    for (const id of this.reader.sourceIds()) this.loadSource(id);
    this.everySource = true;
  }

  private loadClaims(): void {
    if (this.claimsIn) return;
    this.m.apply(this.reader.claims().map((record): Change => ({ kind: 'claim', op: 'put', record })));
    this.claimsIn = true;
  }

  private loadTrash(id: SourceId): void {
    if (this.everyTrash || this.trashIn.has(id)) return;
    this.trashIn.add(id);
    const record = this.reader.trash(id);
    if (record) this.m.apply([{ kind: 'trash', op: 'put', record }]);
  }

  private loadEveryTrash(): void {
    if (this.everyTrash) return;
    for (const id of this.reader.trashIds()) this.loadTrash(id);
    this.everyTrash = true;
  }

  /**
   * The catalog, checked against the shards once per process (later changes come
   * through `apply`). Only a listing writes it back: a command that is refused must
   * leave the folder byte-identical, cache included.
   */
  private entries(listing = false): Map<SourceId, CatalogEntry> {
    this.catalog ??= currentCatalog(this.reader, listing && this.persistCatalog).entries;
    return this.catalog;
  }

  /** Loads what `changes` land in, so memory holds those shards whole before they change. */
  private loadFor(changes: readonly Change[]): void {
    for (const c of changes) {
      if (c.kind === 'source') this.loadSource(c.op === 'put' ? c.record.id : c.id);
      // A quote never changes source (shards.ts relies on it too): its source's shard holds it.
      else if (c.kind === 'quote') this.loadSource(c.op === 'put' ? c.record.sourceId : c.sourceId);
      else if (c.kind === 'claim') this.loadClaims();
      else if (c.kind === 'trash') this.loadTrash(c.op === 'put' ? c.record.source.id : c.id);
    }
  }

  apply(changes: readonly Change[]): void {
    this.loadFor(changes);
    this.m.apply(changes);
  }

  /** How many shards this process has read (benchmarks and tests: costs follow what a command touches). */
  get shardReads(): number {
    return this.reader.reads;
  }

  // ---------- the view ----------

  getSource = (id: SourceId): SourceMeta | undefined => {
    this.loadSource(id);
    return this.m.getSource(id);
  };

  getQuote = (id: QuoteId): Quote | undefined => {
    const here = this.m.getQuote(id);
    if (here || this.everySource) return here;
    this.quoteHome ??= homes(this.entries());
    const home = this.quoteHome.get(id);
    if (home) this.loadSource(home);
    return this.m.getQuote(id);
  };

  getClaim = (id: ClaimId): Claim | undefined => {
    this.loadClaims();
    return this.m.getClaim(id);
  };

  getTag = (name: string): Tag | undefined => this.m.getTag(name);

  sources = (): Iterable<SourceMeta> => {
    if (this.everySource) return this.m.sources();
    const out: SourceMeta[] = [];
    for (const [id, e] of this.entries()) if (!this.sourcesIn.has(id)) out.push(e.meta);
    for (const s of this.m.sources()) out.push(s);
    return out;
  };

  quotes = (): Iterable<Quote> => {
    this.loadEverySource();
    return this.m.quotes();
  };

  quotesOf = (sourceId: SourceId): readonly Quote[] => {
    this.loadSource(sourceId);
    return this.m.quotesOf(sourceId);
  };

  claims = (): Iterable<Claim> => {
    this.loadClaims();
    return this.m.claims();
  };

  tags = (): Iterable<Tag> => this.m.tags();

  claimsCiting = (quoteId: QuoteId): readonly Claim[] => {
    this.loadClaims();
    return this.m.claimsCiting(quoteId);
  };

  getTrashed = (id: SourceId): TrashEntry | undefined => {
    this.loadTrash(id);
    return this.m.getTrashed(id);
  };

  trashed = (): Iterable<TrashEntry> => {
    this.loadEveryTrash();
    return this.m.trashed();
  };

  /** Each source's summary for listings, without reading shards the catalog vouches for. */
  summaries(listing = true): { meta: SourceMeta; quotes: readonly QuoteId[]; review: number }[] {
    const out: CatalogEntry[] = [];
    if (!this.everySource) for (const [id, e] of this.entries(listing)) if (!this.sourcesIn.has(id)) out.push(e);
    for (const s of this.m.sources()) out.push(catalogEntry(s, this.m.quotesOf(s.id)));
    return out;
  }

  get counts() {
    this.loadClaims();
    let sources = 0;
    let quotes = 0;
    for (const e of this.summaries(false)) {
      sources++;
      quotes += e.quotes.length;
    }
    const c = this.m.counts;
    return { sources, quotes, claims: c.claims, tags: c.tags };
  }
}

function homes(entries: Map<SourceId, CatalogEntry>): Map<QuoteId, SourceId> {
  const out = new Map<QuoteId, SourceId>();
  for (const [id, e] of entries) for (const q of e.quotes) out.set(q, id);
  return out;
}
