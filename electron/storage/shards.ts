/**
 * How record changes map onto shard files, computed from memory: which files a
 * commit lands in, what one file holds now (in canonical order), and the exact
 * inverse of a commit. The store uses the first two to compact the log into the
 * shards, the third to roll memory back and for the service's undo history.
 */
import type { ClaimId, SourceId } from '../../shared/model/records.ts';
import type { Change, TrashView } from '../../shared/model/view.ts';
import { claimShardPath, SCHEMA_VERSION, sourceShardPath, TAGS_PATH, trashShardPath } from './layout.ts';
import { serialize } from './shard-file.ts';

/** The shard files a set of changes lands in. */
export function shardsOf(changes: readonly Change[]): Set<string> {
  const out = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'source') out.add(sourceShardPath(c.op === 'put' ? c.record.id : c.id));
    else if (c.kind === 'quote') out.add(sourceShardPath(c.op === 'put' ? c.record.sourceId : c.sourceId));
    else if (c.kind === 'claim') out.add(claimShardPath(c.op === 'put' ? c.record.id : c.id));
    else if (c.kind === 'trash') out.add(trashShardPath(c.op === 'put' ? c.record.source.id : c.id));
    else out.add(TAGS_PATH);
  }
  return out;
}

/**
 * The current content of one shard file, from memory; null when it should not
 * exist. Records are written in a canonical order (by id, tags by name), not in
 * memory's order: memory moves a record to the end when it is put back, so an
 * edit and its undo would otherwise leave the same records in a different order
 * on disk. A trash entry is one record, written as it is (its quotes are in id
 * order from the transition that made it).
 */
export function shardContent(m: TrashView, rel: string): string | null {
  if (rel === TAGS_PATH) {
    // No tags, no file (as in a notebook that never had any): undoing the first tagged edit leaves the folder as it was.
    const tags = [...m.tags()].sort((a, b) => byKey(a.name, b.name));
    return tags.length ? serialize({ schemaVersion: SCHEMA_VERSION, tags }) : null;
  }
  if (rel.startsWith('claims/')) {
    const claims = [...m.claims()].filter((c) => claimShardPath(c.id as ClaimId) === rel).sort((a, b) => byKey(a.id, b.id));
    return claims.length ? serialize({ schemaVersion: SCHEMA_VERSION, claims }) : null;
  }
  if (rel.startsWith('trash/')) {
    const entry = m.getTrashed(idOf(rel, 'trash/'));
    return entry ? serialize({ schemaVersion: SCHEMA_VERSION, ...entry }) : null;
  }
  const id = idOf(rel, 'sources/');
  const source = m.getSource(id);
  return source ? serialize({ schemaVersion: SCHEMA_VERSION, source, quotes: [...m.quotesOf(id)].sort((a, b) => byKey(a.id, b.id)) }) : null;
}

const idOf = (rel: string, dir: string) => rel.slice(dir.length, -'.json'.length) as SourceId;

/**
 * The changes that restore what `changes` would overwrite, computed from memory
 * as it stands (call it before committing `changes`): the exact old records, in
 * reverse order.
 */
export function inverseOf(m: TrashView, changes: readonly Change[]): Change[] {
  return changes.map((c) => inverseOne(m, c)).reverse();
}

/** The old record put back, or (when there was none) the new one deleted. */
const back = <R>(old: R | undefined, put: (record: R) => Change, gone: Change): Change => (old ? put(old) : gone);

function inverseOne(m: TrashView, c: Change): Change {
  switch (c.kind) {
    case 'source': {
      const id = c.op === 'put' ? c.record.id : c.id;
      return back(m.getSource(id), (record) => ({ kind: 'source', op: 'put', record }), { kind: 'source', op: 'delete', id });
    }
    case 'quote': {
      const [id, sourceId] = c.op === 'put' ? [c.record.id, c.record.sourceId] : [c.id, c.sourceId];
      // A quote never changes source, so its old record is in its source's shard: only that one is read.
      return back(
        m.quotesOf(sourceId).find((q) => q.id === id),
        (record) => ({ kind: 'quote', op: 'put', record }),
        { kind: 'quote', op: 'delete', id, sourceId },
      );
    }
    case 'claim': {
      const id = c.op === 'put' ? c.record.id : c.id;
      return back(m.getClaim(id), (record) => ({ kind: 'claim', op: 'put', record }), { kind: 'claim', op: 'delete', id });
    }
    case 'tag': {
      const name = c.op === 'put' ? c.record.name : c.name;
      return back(m.getTag(name), (record) => ({ kind: 'tag', op: 'put', record }), { kind: 'tag', op: 'delete', name });
    }
    case 'trash': {
      const id = c.op === 'put' ? c.record.source.id : c.id;
      return back(m.getTrashed(id), (record) => ({ kind: 'trash', op: 'put', record }), { kind: 'trash', op: 'delete', id });
    }
  }
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
