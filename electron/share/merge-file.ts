/** Merges one record file of a notebook (a source, trash entry, claims bucket or the tags) from its base, ours and theirs: the git merge driver's work and Syncthing's conflict copies'. */
import type { z } from 'zod';
import { flagKeptSource, mergeClaims, mergeQuotes, mergeSourceMeta, mergeTags, mergeTrashEntry, newLog, stableJson } from '../../shared/model/merge.ts';
import type { MergeLog } from '../../shared/model/merge.ts';
import { ClaimShardSchema, SCHEMA_VERSION, SourceShardSchema, TagShardSchema, TrashShardSchema } from '../storage/layout.ts';
import type { ClaimShard, SourceShard, TagShard, TrashShard } from '../storage/layout.ts';
import { parseShard, serialize } from '../storage/shard-file.ts';

export type RecordFileKind = 'source' | 'trash' | 'claims' | 'tags';

/** The kind of record file a path (relative to the notebook or the repository) names; null for anything else. */
export function recordFileKind(path: string): RecordFileKind | null {
  const p = path.replace(/\\/g, '/');
  if (/(^|\/)tags\.json$/.test(p)) return 'tags';
  const m = /(^|\/)(sources|trash|claims)\/[^/]+\.json$/.exec(p);
  if (!m) return null;
  return m[2] === 'sources' ? 'source' : m[2] === 'trash' ? 'trash' : 'claims';
}

const SCHEMAS: Record<RecordFileKind, z.ZodType> = { source: SourceShardSchema, trash: TrashShardSchema, claims: ClaimShardSchema, tags: TagShardSchema };

export class MergeInputError extends Error {}

/** Parses one side; null when the file does not exist on that side (or is empty, as git hands a missing base). */
function side<T>(kind: RecordFileKind, name: string, raw: string | null): T | null {
  if (raw === null || raw.trim() === '') return null;
  const r = parseShard(SCHEMAS[kind], raw);
  if (!r.ok) throw new MergeInputError(`${name} is not a notebook ${kind === 'claims' ? 'claims' : kind} file (${r.reason}); it was left as it is for you to resolve`);
  return r.data as T;
}

export interface FileMerge {
  /** The merged file's content; null when the merged notebook has no such file (deleted). */
  text: string | null;
  log: MergeLog;
}

/**
 * Merges one record file. `base` null with `twoWay` means there is no common
 * ancestor (a Syncthing conflict copy): records are united by id and every field
 * that differs is a clash. Without `twoWay`, a null side means the file was
 * deleted there (or, for the base, added on both sides).
 */
export function mergeRecordFile(kind: RecordFileKind, raw: { base: string | null; ours: string | null; theirs: string | null }, twoWay = false): FileMerge {
  const log = newLog();
  const b = side<Record<string, unknown>>(kind, 'the common version', raw.base);
  const o = side<Record<string, unknown>>(kind, 'our version', raw.ours);
  const t = side<Record<string, unknown>>(kind, 'their version', raw.theirs);
  const three = !twoWay;
  const out = (data: object | null) => ({ text: data === null ? null : serialize({ schemaVersion: SCHEMA_VERSION, ...data }), log });
  if (!o && !t) return out(null);
  if (!o || !t) {
    const only = (o ?? t)!;
    // Added on one side, or deleted on one: the deletion wins over an unchanged file; a changed one is kept and flagged.
    if (!b || !three) return out(strip(only));
    if (stableJson(strip(b)) === stableJson(strip(only))) return out(null);
    if (kind === 'source') {
      const s = only as unknown as SourceShard;
      return out({ source: flagKeptSource(s.source, log), quotes: s.quotes });
    }
    if (kind === 'trash') return out(strip(only));
    return out(merge(kind, b, three ? emptyOf(kind) : undefined, only, log, o === null));
  }
  return out(merge(kind, three ? (b ?? emptyOf(kind)) : undefined, o, t, log));
}

const strip = (x: Record<string, unknown>) => {
  const { schemaVersion: _v, ...rest } = x;
  return rest;
};
const emptyOf = (kind: RecordFileKind): Record<string, unknown> => (kind === 'claims' ? { claims: [] } : kind === 'tags' ? { tags: [] } : {});

/** Record-level merge of one file present on both sides (or, for claims and tags, deleted on one: an empty file there). */
function merge(kind: RecordFileKind, b: Record<string, unknown> | undefined, o: Record<string, unknown> | undefined, t: Record<string, unknown>, log: MergeLog, swapped = false): object {
  if (o === undefined) return strip(t);
  const [x, y] = swapped ? [t, o] : [o, t];
  switch (kind) {
    case 'claims': {
      const [cb, cx, cy] = [b as ClaimShard | undefined, x as ClaimShard, y as ClaimShard];
      return { claims: mergeClaims(cb?.claims, cx.claims, cy.claims, log) };
    }
    case 'tags': {
      const [tb, tx, ty] = [b as TagShard | undefined, x as TagShard, y as TagShard];
      return { tags: mergeTags(tb?.tags, tx.tags, ty.tags, log) };
    }
    case 'trash': {
      const [eb, ex, ey] = [b as TrashShard | undefined, x as TrashShard, y as TrashShard];
      const e = mergeTrashEntry(eb && (strip(eb as never) as never), strip(ex as never) as never, strip(ey as never) as never, log);
      return e;
    }
    case 'source': {
      const [sb, sx, sy] = [b as SourceShard | undefined, x as SourceShard, y as SourceShard];
      return { source: mergeSourceMeta(sb?.source, sx.source, sy.source, log), quotes: mergeQuotes(sb?.quotes, sx.quotes, sy.quotes, log) };
    }
  }
}
