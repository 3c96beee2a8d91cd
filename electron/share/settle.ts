/**
 * After a merge, the notebook as a whole made consistent again (files merge one at
 * a time, links cross files): a source both live and in the trash (deleted in one
 * copy, changed in the other) stays live and gets back the evidence its deletion
 * took; evidence citing a quote that is gone, links to claims that are gone, and
 * trash links to claims that are gone are removed; a tag a record carries has its
 * tag record (and its ancestors'). Each repair is one line for the researcher.
 */
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { NotebookError } from '../../shared/result.ts';
import { byKey } from '../../shared/model/merge.ts';
import type { Claim, Quote, SourceId, Tag, TrashEntry } from '../../shared/model/records.ts';
import { tagAncestors } from '../../shared/model/tags.ts';
import { defaultTagColor } from '../../shared/model/transition-kit.ts';
import { danglingLinkRepairs } from '../storage/dangling.ts';
import { writeFileDurable } from '../storage/durable-fs.ts';
import { ClaimShardSchema, claimShardPath, SCHEMA_VERSION, SourceShardSchema, TAGS_PATH, TagShardSchema, TrashShardSchema, trashShardPath } from '../storage/layout.ts';
import { readNoFollow } from '../storage/no-follow.ts';
import { parseShard, serialize } from '../storage/shard-file.ts';
import { listJson } from '../storage/shard-reader.ts';

export interface Settled {
  /** Files rewritten or removed, relative to the notebook. */
  changed: string[];
  notes: string[];
  /** Links removed because what they pointed at is gone. */
  unlinked: number;
}

function readShard<T>(root: string, rel: string, schema: Parameters<typeof parseShard>[0]): T | null {
  const raw = readNoFollow(join(root, rel), rel);
  if (raw === null) return null;
  const r = parseShard(schema, raw);
  if (!r.ok) throw new NotebookError('corrupt', `${rel} could not be read after the merge (${r.reason}); fix or restore it, then run \`notebook share settle\``);
  return r.data as T;
}

/** Repairs what a file-by-file merge can leave across files; writes only the files it changes. */
export function settleNotebook(root: string): Settled {
  const notes: string[] = [];
  const changed = new Set<string>();
  const quotes = new Map<string, Quote>();
  const live = new Set<string>();
  for (const n of listJson(root, 'sources')) {
    const s = readShard<{ source: { id: SourceId }; quotes: Quote[] }>(root, `sources/${n}`, SourceShardSchema);
    if (!s) continue;
    live.add(s.source.id);
    for (const q of s.quotes) quotes.set(q.id, q);
  }
  const claims = new Map<string, Claim>();
  for (const n of listJson(root, 'claims')) for (const c of readShard<{ claims: Claim[] }>(root, `claims/${n}`, ClaimShardSchema)?.claims ?? []) claims.set(c.id, c);
  const trashed = new Map<string, TrashEntry>();
  for (const n of listJson(root, 'trash')) {
    const e = readShard<TrashEntry>(root, `trash/${n}`, TrashShardSchema);
    if (e) trashed.set(e.source.id, e);
  }
  const touch = (c: Claim) => {
    claims.set(c.id, c);
    changed.add(claimShardPath(c.id));
  };

  // Deleted in one copy, changed in the other: the source stays, with the evidence its deletion had taken.
  for (const [id, e] of trashed) {
    if (!live.has(id)) continue;
    trashed.delete(id);
    changed.add(trashShardPath(id as SourceId));
    let back = 0;
    for (const l of e.links) {
      const c = claims.get(l.claimId);
      if (!c || !quotes.has(l.evidence.quoteId) || c.evidence.some((x) => x.quoteId === l.evidence.quoteId)) continue;
      const evidence = [...c.evidence];
      evidence.splice(Math.min(l.index, evidence.length), 0, l.evidence);
      touch({ ...c, evidence });
      back++;
    }
    notes.push(`source ${id} was deleted in one copy and changed in the other; it is kept (not in the trash)${back ? `, with ${back} evidence link${back === 1 ? '' : 's'} put back` : ''}`);
  }

  const repair = danglingLinkRepairs({ claims: () => claims.values(), trashed: () => trashed.values(), getQuote: (id) => quotes.get(id), getClaim: (id) => claims.get(id) });
  for (const ch of repair.changes) {
    if (ch.kind === 'claim' && ch.op === 'put') touch(ch.record);
    if (ch.kind === 'trash' && ch.op === 'put') {
      trashed.set(ch.record.source.id, ch.record);
      changed.add(trashShardPath(ch.record.source.id));
    }
  }
  if (repair.removed) notes.push(`removed ${repair.removed} link${repair.removed === 1 ? '' : 's'} to quotes or claims deleted in the other copy`);

  // Tags a record carries have tag records, as every edit makes them.
  const tags = new Map((readShard<{ tags: Tag[] }>(root, TAGS_PATH, TagShardSchema)?.tags ?? []).map((t) => [t.name, t]));
  const added: string[] = [];
  for (const r of [...quotes.values(), ...claims.values()]) {
    for (const name of r.tags.flatMap((t) => [...tagAncestors(t), t])) {
      if (tags.has(name)) continue;
      tags.set(name, { name, color: defaultTagColor(name), createdAt: r.createdAt });
      added.push(name);
    }
  }
  if (added.length) {
    changed.add(TAGS_PATH);
    notes.push(
      `tag${added.length === 1 ? '' : 's'} ${added.sort(byKey).join(', ')} ${added.length === 1 ? 'is' : 'are'} used by records from the other copy; ${added.length === 1 ? 'it was' : 'they were'} added back`,
    );
  }

  for (const rel of [...changed].sort(byKey)) {
    const path = join(root, rel);
    let data: object | null = null;
    if (rel === TAGS_PATH) data = { tags: [...tags.values()].sort((a, b) => byKey(a.name, b.name)) };
    else if (rel.startsWith('claims/')) {
      const list = [...claims.values()].filter((c) => claimShardPath(c.id) === rel).sort((a, b) => byKey(a.id, b.id));
      data = list.length ? { claims: list } : null;
    } else {
      const e = trashed.get(rel.slice('trash/'.length, -'.json'.length));
      data = e ?? null;
    }
    if (data) writeFileDurable(path, serialize({ schemaVersion: SCHEMA_VERSION, ...data }));
    else if (existsSync(path)) unlinkSync(path);
  }
  return { changed: [...changed].sort(byKey), notes, unlinked: repair.removed };
}
