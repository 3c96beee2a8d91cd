/**
 * The lowdb adapter for one shard file: reads with migration and schema
 * validation, writes durably (see durable-fs.ts). A file that cannot be parsed or
 * validated raises ShardReadError; the store decides what to do (quarantine it),
 * this adapter never overwrites it.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { describeIssues } from '../../shared/api/dispatch.ts';
import { migrate } from '../../shared/model/migrations.ts';
import { isErrno, writeFileDurable } from './durable-fs.ts';

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

export class ShardFile<S extends z.ZodType> implements Adapter<z.output<S> | null> {
  constructor(
    readonly path: string,
    readonly rel: string,
    private readonly schema: S,
  ) {}

  async read(): Promise<z.output<S> | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return null;
      throw e;
    }
    const r = parseShard(this.schema, raw);
    if (!r.ok) throw new ShardReadError(this.rel, r.reason);
    return r.data;
  }

  async write(data: z.output<S> | null): Promise<void> {
    if (data === null) throw new Error(`refusing to write an empty shard to ${this.rel}`);
    await writeFileDurable(this.path, serialize(data));
  }
}

/** Stable, compact-but-readable JSON: one record per line keeps diffs and backups readable. */
export function serialize(data: unknown): string {
  return JSON.stringify(data) + '\n';
}
