/**
 * The persisted search index, `.index/search.json`, beside the notebook: loaded
 * instead of rebuilt, and never trusted over the shards. It is saved with the stamp
 * of every record file it was built from (only files that still have the stamp this
 * process read or wrote them with: memory reflects exactly those), and on load every
 * file that is new, changed, gone, stamped too recently to tell, or waiting in the
 * write-ahead log is named, so the caller re-indexes just those. The body carries
 * its SHA-256: a damaged or hand-edited file is ignored and the index rebuilt.
 *
 * Saved by a writer only (no other process can change the shards meanwhile), when
 * the store closes, after compaction: never on the way of an edit. Written to a temp
 * file and renamed.
 */
import { join } from 'node:path';
import type { SourceId } from '../../shared/model/records.ts';
import type { PersistedIndex } from '../../shared/search/index.ts';
import { INDEX_DIR } from './catalog.ts';
import { readChecked, writeChecked } from './checked-file.ts';
import { TAGS_PATH } from './layout.ts';
import type { ShardReader } from './shard-reader.ts';
import { sameStamp, settled, stampOf, stampsIn } from './stamps.ts';
import type { Stamp } from './stamps.ts';

export const SEARCH_FILE = `${INDEX_DIR}/search.json`;
const FORMAT = 'notebook-search';
const VERSION = 1;

/** What the search index needs to update itself later: which documents came from which shard. */
export interface SearchState {
  index: PersistedIndex;
  /** Per source: the text and title its paragraphs were indexed from, their doc ids, and its quotes' ids. */
  sources: { id: string; sha256: string; title: string; passages: string[]; quotes: string[] }[];
  claims: string[];
  tags: string[];
}

interface Body {
  format: typeof FORMAT;
  version: typeof VERSION;
  writtenAt: number;
  stamps: [string, Stamp][];
  state: SearchState;
}

/** What changed since the index was saved: re-index these. */
export interface Staleness {
  sources: Set<SourceId>;
  claims: boolean;
  tags: boolean;
}

export class SearchFile {
  constructor(
    private readonly reader: ShardReader,
    /** Record files whose content in memory is partly in the log (not yet compacted). */
    private readonly pending: () => ReadonlySet<string>,
  ) {}

  private get path() {
    return join(this.reader.root, SEARCH_FILE);
  }

  /** The saved state and what has changed since; null when there is none usable. */
  load(): { state: SearchState; stale: Staleness } | null {
    const text = readChecked(this.path);
    if (text === null) return null;
    let body: Body;
    try {
      body = JSON.parse(text) as Body;
    } catch {
      return null;
    }
    if (body.format !== FORMAT || body.version !== VERSION) return null;
    const saved = new Map(body.stamps);
    const stale: Staleness = { sources: new Set(), claims: false, tags: false };
    const root = this.reader.root;
    const now = new Map([...stampsIn(root, 'sources'), ...stampsIn(root, 'claims')]);
    const tags = stampOf(root, TAGS_PATH);
    if (tags) now.set(TAGS_PATH, tags);
    const mark = (rel: string) => {
      if (rel.startsWith('sources/')) stale.sources.add(rel.slice('sources/'.length, -'.json'.length) as SourceId);
      else if (rel.startsWith('claims/')) stale.claims = true;
      else if (rel === TAGS_PATH) stale.tags = true;
    };
    for (const [rel, s] of now) if (!sameStamp(saved.get(rel), s) || !settled(s, body.writtenAt)) mark(rel);
    for (const rel of saved.keys()) if (!now.has(rel)) mark(rel);
    for (const rel of this.pending()) mark(rel);
    return { state: body.state, stale };
  }

  /**
   * Saves the index. Call with memory and disk in step (after compaction): each file
   * is vouched for only if it still has the stamp it was read or written with.
   */
  save(state: SearchState): void {
    const root = this.reader.root;
    const stamps: [string, Stamp][] = [];
    const now = new Map([...stampsIn(root, 'sources'), ...stampsIn(root, 'claims')]);
    const tags = stampOf(root, TAGS_PATH);
    if (tags) now.set(TAGS_PATH, tags);
    for (const [rel, s] of now) if (sameStamp(this.reader.stamps.get(rel), s)) stamps.push([rel, s]);
    writeChecked(this.path, JSON.stringify({ format: FORMAT, version: VERSION, writtenAt: Date.now(), stamps, state } satisfies Body));
  }
}
