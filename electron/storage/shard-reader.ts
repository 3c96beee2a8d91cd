/**
 * Reading record files on demand, synchronously: one shard at a time, each read
 * through lowdb with the validating adapter (shard-file.ts), like every file the
 * store reads. A file that cannot be
 * read is moved to quarantine (by a writer) and the read fails with the one-line
 * error that names the last good backup; it is never skipped or overwritten.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { NotebookError } from '../../shared/result.ts';
import type { Claim, SourceId, Tag, TrashEntry } from '../../shared/model/records.ts';
import { isErrno } from './durable-fs.ts';
import { describeFsError } from './fs-errors.ts';
import { ClaimShardSchema, claimShardPath, MANIFEST, ManifestSchema, SourceShardSchema, sourceShardPath, TAGS_PATH, TagShardSchema, TrashShardSchema, trashShardPath } from './layout.ts';
import type { SourceShard } from './layout.ts';
import { quarantine, quarantineError } from './quarantine.ts';
import { LowSync } from 'lowdb';
import { parseShard, ShardFile, ShardReadError } from './shard-file.ts';
import { parseWal, WAL_FILE } from './wal.ts';
import type { Stamp } from './stamps.ts';

function schemaFor(rel: string): z.ZodType {
  if (rel === MANIFEST) return ManifestSchema;
  if (rel === TAGS_PATH) return TagShardSchema;
  if (rel.startsWith('claims/')) return ClaimShardSchema;
  if (rel.startsWith('trash/')) return TrashShardSchema;
  return SourceShardSchema;
}

/** Whether `raw` is a usable version of the file `rel` (backups are checked with this before they are offered). */
export function validFile(rel: string, raw: string): boolean {
  if (rel === WAL_FILE) return parseWal(raw).ok;
  if (rel === MANIFEST) {
    try {
      return ManifestSchema.safeParse(JSON.parse(raw)).success;
    } catch {
      return false;
    }
  }
  return parseShard(schemaFor(rel), raw).ok;
}

/** Record files in a folder of the notebook, sorted; none when it does not exist. */
export function listJson(root: string, dir: string): string[] {
  try {
    return readdirSync(join(root, dir))
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .sort();
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return [];
    throw e;
  }
}

const idOf = (name: string) => name.slice(0, -'.json'.length) as SourceId;

export class ShardReader {
  /** Shard files read so far (each read once per process). */
  reads = 0;
  /**
   * The stamp of each record file as this process read (or, after compaction, wrote)
   * it; null for one read as absent. What memory holds of a file is what this stamp
   * names, so a derived file saved from memory may vouch for the file only while the
   * file still has it (see search-file.ts).
   */
  readonly stamps = new Map<string, Stamp | null>();

  constructor(
    readonly root: string,
    private readonly writable: () => boolean,
    /** Told of claims found in the wrong bucket: the files to rewrite (wrong and right bucket) and a line for the researcher. */
    private readonly misplaced: (rels: string[], note: string) => void = () => {},
  ) {}

  /** Reads and validates one record file; null when it does not exist. */
  read<S extends z.ZodType>(rel: string, schema: S = schemaFor(rel) as S): z.output<S> | null {
    const db = new LowSync<z.output<S> | null>(new ShardFile(join(this.root, rel), rel, schema, (stamp) => this.stamps.set(rel, stamp)), null);
    try {
      db.read();
    } catch (e) {
      if (e instanceof ShardReadError) {
        this.reads++;
        throw this.fail(rel, e.reason);
      }
      throw describeFsError(e, this.root) ?? e;
    }
    if (db.data !== null) this.reads++;
    return db.data;
  }

  /** Quarantines an unreadable file (when this process may write) and returns the error to throw. */
  fail(rel: string, reason: string): NotebookError {
    if (!this.writable()) return new NotebookError('corrupt', `${rel} could not be read (${reason}); open the notebook for writing (any edit command) to move it aside and restore a backup`);
    const name = quarantine(this.root, rel);
    return quarantineError(this.root, [{ name, rel }], reason, validFile);
  }

  source(id: SourceId): SourceShard | null {
    const shard = this.read(sourceShardPath(id), SourceShardSchema);
    if (shard && shard.source.id !== id) throw this.fail(sourceShardPath(id), `it holds source ${shard.source.id}, not ${id}`);
    return shard;
  }
  sourceIds(): SourceId[] {
    return listJson(this.root, 'sources').map(idOf);
  }
  /**
   * Every claim, known by its id: one found in another bucket than its id's is
   * reported and moved to its own bucket at the next compaction (the caller marks
   * both files); a copy in its own bucket wins over one elsewhere (it comes last).
   */
  claims(): Claim[] {
    const placed: Claim[] = [];
    const strays: Claim[] = [];
    for (const n of listJson(this.root, 'claims')) {
      const rel = `claims/${n}`;
      const found = this.read(rel, ClaimShardSchema)?.claims ?? [];
      const wrong = found.filter((c) => claimShardPath(c.id) !== rel);
      placed.push(...found.filter((c) => claimShardPath(c.id) === rel));
      strays.push(...wrong);
      if (wrong.length) {
        const ids = wrong.map((c) => c.id).join(', ');
        this.misplaced([rel, ...new Set(wrong.map((c) => claimShardPath(c.id)))], `${rel} held claim${wrong.length === 1 ? '' : 's'} ${ids} of another bucket`);
      }
    }
    return [...strays, ...placed];
  }
  tags(): Tag[] {
    return this.read(TAGS_PATH, TagShardSchema)?.tags ?? [];
  }
  trash(id: SourceId): TrashEntry | null {
    const shard = this.read(trashShardPath(id), TrashShardSchema);
    if (!shard) return null;
    if (shard.source.id !== id) throw this.fail(trashShardPath(id), `it holds source ${shard.source.id}, not ${id}`);
    const { schemaVersion: _v, ...entry } = shard;
    return entry;
  }
  trashIds(): SourceId[] {
    return listJson(this.root, 'trash').map(idOf);
  }
}
