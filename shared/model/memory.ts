/**
 * An in-memory notebook: Maps plus the two reverse indexes transitions need
 * (quotes by source, claims by cited quote), and the trash of deleted sources. The service keeps one of these as its
 * working copy; tests use it directly. Maps, not plain objects, so that no record
 * id or tag name can ever reach Object.prototype.
 */
import type { Claim, ClaimId, Quote, QuoteId, SourceId, SourceMeta, Tag, TrashEntry } from './records.ts';
import type { Change, TrashView } from './view.ts';

export class MemoryNotebook implements TrashView {
  private readonly sourcesById = new Map<SourceId, SourceMeta>();
  private readonly quotesById = new Map<QuoteId, Quote>();
  private readonly quotesBySource = new Map<SourceId, Quote[]>();
  private readonly claimsById = new Map<ClaimId, Claim>();
  private readonly citing = new Map<QuoteId, Set<ClaimId>>();
  private readonly tagsByName = new Map<string, Tag>();
  private readonly trashById = new Map<SourceId, TrashEntry>();

  getSource = (id: SourceId) => this.sourcesById.get(id);
  getQuote = (id: QuoteId) => this.quotesById.get(id);
  getClaim = (id: ClaimId) => this.claimsById.get(id);
  getTag = (name: string) => this.tagsByName.get(name);
  sources = () => this.sourcesById.values();
  quotes = () => this.quotesById.values();
  quotesOf = (sourceId: SourceId): readonly Quote[] => this.quotesBySource.get(sourceId) ?? [];
  claims = () => this.claimsById.values();
  tags = () => this.tagsByName.values();
  getTrashed = (id: SourceId) => this.trashById.get(id);
  trashed = () => this.trashById.values();
  claimsCiting = (quoteId: QuoteId): readonly Claim[] => [...(this.citing.get(quoteId) ?? [])].map((id) => this.claimsById.get(id)).filter((c): c is Claim => c !== undefined);

  get counts() {
    return { sources: this.sourcesById.size, quotes: this.quotesById.size, claims: this.claimsById.size, tags: this.tagsByName.size };
  }

  apply(changes: readonly Change[]): void {
    for (const c of changes) this.applyOne(c);
  }

  private applyOne(c: Change): void {
    switch (c.kind) {
      case 'source':
        if (c.op === 'put') {
          this.sourcesById.set(c.record.id, c.record);
          if (!this.quotesBySource.has(c.record.id)) this.quotesBySource.set(c.record.id, []);
        } else {
          this.sourcesById.delete(c.id);
          this.quotesBySource.delete(c.id);
        }
        return;
      case 'quote': {
        const id = c.op === 'put' ? c.record.id : c.id;
        const sourceId = c.op === 'put' ? c.record.sourceId : c.sourceId;
        const list = (this.quotesBySource.get(sourceId) ?? []).filter((q) => q.id !== id);
        if (c.op === 'put') {
          this.quotesById.set(id, c.record);
          list.push(c.record);
        } else this.quotesById.delete(id);
        this.quotesBySource.set(sourceId, list);
        return;
      }
      case 'claim': {
        const id = c.op === 'put' ? c.record.id : c.id;
        const old = this.claimsById.get(id);
        for (const e of old?.evidence ?? []) this.citing.get(e.quoteId)?.delete(id);
        if (c.op === 'put') {
          this.claimsById.set(id, c.record);
          for (const e of c.record.evidence) {
            let set = this.citing.get(e.quoteId);
            if (!set) this.citing.set(e.quoteId, (set = new Set()));
            set.add(id);
          }
        } else this.claimsById.delete(id);
        return;
      }
      case 'tag':
        if (c.op === 'put') this.tagsByName.set(c.record.name, c.record);
        else this.tagsByName.delete(c.name);
        return;
      case 'trash':
        if (c.op === 'put') this.trashById.set(c.record.source.id, c.record);
        else this.trashById.delete(c.id);
        return;
    }
  }
}
