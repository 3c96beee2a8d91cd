/**
 * The catalog: a compact summary of every source shard (the source's record, its
 * quote ids, how many await review) in `.index/catalog.json`, so listing sources
 * or finding which source holds a quote need not read and validate 10,000 files.
 *
 * It is a cache, never trusted over the shards: each entry carries the stamp of the
 * shard it was made from (stamps.ts), and every use stats the shards and reads again
 * each one that is new, changed, or stamped too recently to tell. The file carries
 * the SHA-256 of its body, so a damaged or hand-edited catalog is thrown away and
 * rebuilt from the shards. It is rewritten (temp + rename, no fsync: losing it only
 * costs a rebuild) whenever a use had to read shards again.
 */
import { join } from 'node:path';
import { needsReview } from '../../shared/model/records.ts';
import type { Quote, QuoteId, SourceId, SourceMeta } from '../../shared/model/records.ts';
import { readChecked, writeChecked } from './checked-file.ts';
import type { SourceShard } from './layout.ts';
import type { ShardReader } from './shard-reader.ts';
import { sameStamp, settled, stampsIn } from './stamps.ts';
import type { Stamp } from './stamps.ts';

export const INDEX_DIR = '.index';
export const CATALOG_FILE = `${INDEX_DIR}/catalog.json`;
const FORMAT = 'notebook-catalog';
const VERSION = 1;

export interface CatalogEntry {
  meta: SourceMeta;
  quotes: QuoteId[];
  review: number;
}

interface Stored extends CatalogEntry {
  rel: string;
  stamp: Stamp;
}

interface CatalogFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  writtenAt: number;
  entries: Stored[];
}

export const catalogEntry = (meta: SourceMeta, quotes: readonly Quote[]): CatalogEntry => ({ meta, quotes: quotes.map((q) => q.id), review: quotes.filter(needsReview).length });

/** Reads the catalog file; null when it is missing, damaged or of another version. */
function readCatalog(root: string): CatalogFile | null {
  const body = readChecked(join(root, CATALOG_FILE));
  if (body === null) return null;
  try {
    const file = JSON.parse(body) as CatalogFile;
    return file.format === FORMAT && file.version === VERSION && Array.isArray(file.entries) ? file : null;
  } catch {
    return null;
  }
}

function writeCatalog(root: string, entries: Stored[]): void {
  writeChecked(join(root, CATALOG_FILE), JSON.stringify({ format: FORMAT, version: VERSION, writtenAt: Date.now(), entries } satisfies CatalogFile));
}

export interface CatalogRead {
  entries: Map<SourceId, CatalogEntry>;
  /** Shards read again because the catalog did not vouch for them. */
  reread: number;
}

/**
 * Every source shard's summary as the shards are now: from the catalog where its
 * stamp vouches for the shard, else read again (through `reader`, validated). Writes
 * the catalog back when anything changed and `persist` allows.
 */
export function currentCatalog(reader: ShardReader, persist: boolean, onShard?: (id: SourceId, shard: SourceShard | null) => void): CatalogRead {
  const root = reader.root;
  const startedAt = Date.now();
  const file = readCatalog(root);
  const cached = new Map<string, Stored>();
  for (const e of file?.entries ?? []) cached.set(e.rel, e);
  const writtenAt = file?.writtenAt ?? 0;
  const entries = new Map<SourceId, CatalogEntry>();
  const stored: Stored[] = [];
  let changed = file === null;
  let reread = 0;
  const stamps = stampsIn(root, 'sources');
  for (const [rel, stamp] of stamps) {
    const old = cached.get(rel);
    cached.delete(rel);
    if (old && sameStamp(old.stamp, stamp) && settled(stamp, writtenAt)) {
      entries.set(old.meta.id, old);
      stored.push(old);
      continue;
    }
    const id = rel.slice('sources/'.length, -'.json'.length) as SourceId;
    const shard = reader.source(id);
    reread++;
    onShard?.(id, shard);
    if (!shard) continue; // removed between the listing and the read
    const entry = catalogEntry(shard.source, shard.quotes);
    entries.set(shard.source.id, entry);
    stored.push({ rel, stamp, ...entry });
    if (!old || !sameStamp(old.stamp, stamp)) changed = true;
    // Read again only because it was stamped too close to the catalog's writing to tell; it is
    // older now, so a catalog written now vouches for it (else every listing re-reads it forever).
    else if (!settled(stamp, writtenAt) && settled(stamp, startedAt)) changed = true;
  }
  if (cached.size > 0) changed = true; // shards removed since
  if (changed && persist) {
    try {
      writeCatalog(root, stored);
    } catch {
      // A cache that cannot be saved (a read-only folder) is rebuilt next time; listing must not fail for it.
    }
  }
  return { entries, reread };
}
