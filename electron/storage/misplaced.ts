/**
 * Records are known by their id, not by their file name. A source (or trash) shard
 * under a name that is not its id — a sync tool's conflict copy, a hand-made copy —
 * is resolved once, by a writer, before anything is loaded: if the notebook has the
 * record under its own name (or in the other folder) the copy is moved to
 * quarantine/ and not used; otherwise it is renamed to the name the notebook knows
 * it by. Either way a later deletion is final: nothing brings the record back.
 * (Claims in the wrong bucket are resolved as they are read: shard-reader.ts.)
 */
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { isSourceId } from '../../shared/model/ids.ts';
import type { SourceId } from '../../shared/model/records.ts';
import { fsyncDir } from './durable-fs.ts';
import { SourceShardSchema, sourceShardPath, TrashShardSchema, trashShardPath } from './layout.ts';
import { readNoFollow } from './no-follow.ts';
import { keepCopy, QUARANTINE_DIR } from './quarantine.ts';
import { parseShard } from './shard-file.ts';
import { listJson } from './shard-reader.ts';
import { mergeSyncConflicts } from '../share/syncthing.ts';

const FOLDERS: [string, z.ZodType<{ source: { id: SourceId } }>][] = [
  ['sources', SourceShardSchema],
  ['trash', TrashShardSchema],
];

/** Resolves every shard whose name is not its record's id; one line per file for the researcher. */
export function tidyMisplacedShards(root: string): string[] {
  // Syncthing's conflict copies are merged into the file they conflict with first (share/syncthing.ts).
  const reports: string[] = mergeSyncConflicts(root);
  for (const [dir, schema] of FOLDERS) {
    for (const name of listJson(root, dir)) {
      if (isSourceId(name.slice(0, -'.json'.length))) continue;
      const rel = `${dir}/${name}`;
      const raw = readNoFollow(join(root, rel), rel);
      const parsed = raw === null ? null : parseShard(schema, raw);
      // Not a record file the notebook can read: loading it reports it (quarantine), as for any damaged file.
      if (!parsed?.ok) continue;
      const id = parsed.data.source.id;
      const own = [sourceShardPath(id), trashShardPath(id)].find((p) => existsSync(join(root, p)));
      if (own) {
        const kept = keepCopy(root, rel, raw!);
        unlinkSync(join(root, rel));
        reports.push(`${rel} is a second copy of source ${id}, which the notebook keeps in ${own}; the copy was moved to ${QUARANTINE_DIR}/${kept} and is not used`);
      } else {
        const to = dir === 'sources' ? sourceShardPath(id) : trashShardPath(id);
        renameSync(join(root, rel), join(root, to));
        reports.push(`${rel} holds source ${id}; it was renamed ${to}, the name the notebook knows it by`);
      }
      fsyncDir(join(root, dir));
    }
  }
  return reports;
}
