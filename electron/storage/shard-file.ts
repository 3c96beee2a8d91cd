/**
 * The lowdb adapter for one record file: every shard is read through lowdb
 * (`LowSync`, synchronously, because the lazy view reads a shard at the moment a
 * transition asks for it) with migration and schema validation in the adapter. A
 * file that cannot be parsed or validated raises ShardReadError; the store decides
 * what to do (quarantine it), this adapter never overwrites it. lowdb's writer is
 * not used: shards are written whole by compaction, temp → fsync → rename → fsync
 * the folder (durable-fs.ts), which lowdb's steno writer does not do.
 */
import { closeSync, fstatSync, readFileSync } from 'node:fs';
import { openNoFollow } from './no-follow.ts';
import type { SyncAdapter } from 'lowdb';
import type { z } from 'zod';
import { describeIssues } from '../../shared/api/dispatch.ts';
import { migrate } from '../../shared/model/migrations.ts';
import type { Stamp } from './stamps.ts';

export class ShardReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Parses and validates shard content; returns the data or a reason it is unusable. */
export function parseShard<S extends z.ZodType>(schema: S, raw: string): { ok: true; data: z.output<S> } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const migrated = migrate(json);
  if (!migrated.ok) return { ok: false, reason: migrated.error };
  const parsed = schema.safeParse(migrated.file);
  if (!parsed.success) return { ok: false, reason: `invalid content (${describeIssues(parsed.error.issues)})` };
  return { ok: true, data: parsed.data };
}

export class ShardFile<S extends z.ZodType> implements SyncAdapter<z.output<S> | null> {
  constructor(
    readonly path: string,
    readonly rel: string,
    private readonly schema: S,
    /** Told the file's stamp as it is read (null: the file does not exist). */
    private readonly stamped: (stamp: Stamp | null) => void = () => {},
  ) {}

  read(): z.output<S> | null {
    const fd = openNoFollow(this.path, this.rel);
    if (fd === null) {
      this.stamped(null);
      return null;
    }
    let raw: string;
    try {
      const s = fstatSync(fd);
      this.stamped({ size: s.size, mtimeMs: s.mtimeMs, ino: s.ino });
      raw = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    const r = parseShard(this.schema, raw);
    if (!r.ok) throw new ShardReadError(this.rel, r.reason);
    return r.data;
  }

  write(): void {
    throw new Error(`${this.rel}: shards are written by compaction (durable-fs.ts), never through lowdb's writer`);
  }
}

/** Stable, compact-but-readable JSON: one record per line keeps diffs and backups readable. */
export function serialize(data: unknown): string {
  return JSON.stringify(data) + '\n';
}
