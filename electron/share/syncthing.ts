/**
 * Syncthing's conflict copies: when two machines changed the same file before they
 * synced, Syncthing keeps one as the file and the other as
 * `<name>.sync-conflict-<date>-<time>-<device>.json` beside it. Found on open (by a
 * writer, before anything is loaded), each copy is merged into its file record by
 * record (two-way: no common version, so records are united by id and every field
 * that differs is kept for review), then moved to quarantine/ as a kept copy.
 */
import { existsSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isErrno, writeFileDurable } from '../storage/durable-fs.ts';
import { readNoFollow } from '../storage/no-follow.ts';
import { keepCopy, QUARANTINE_DIR } from '../storage/quarantine.ts';
import { mergeRecordFile, MergeInputError, recordFileKind } from './merge-file.ts';

const CONFLICT = /^(.+)\.sync-conflict-\d{8}-\d{6}-[0-9A-Z]{7}\.json$/;

/** The file a conflict copy conflicts with (same folder), or null when the name is not a conflict copy's. */
export function conflictOriginal(name: string): string | null {
  const m = CONFLICT.exec(name);
  return m ? `${m[1]}.json` : null;
}

const list = (root: string, dir: string) => {
  try {
    return readdirSync(join(root, dir)).sort();
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return [];
    throw e;
  }
};

/** Merges every conflict copy of a record file into its file; one line per copy for the researcher. */
export function mergeSyncConflicts(root: string): string[] {
  const reports: string[] = [];
  for (const dir of ['', 'sources', 'trash', 'claims']) {
    for (const name of list(root, dir)) {
      const original = conflictOriginal(name);
      if (!original) continue;
      const rel = dir ? `${dir}/${name}` : name;
      const to = dir ? `${dir}/${original}` : original;
      const kind = recordFileKind(to);
      if (!kind) continue;
      const copy = readNoFollow(join(root, rel), rel);
      const own = readNoFollow(join(root, to), to);
      if (copy === null) continue;
      if (own === null) {
        // Nothing to merge with: a source copy is placed by the id it holds (misplaced.ts); the others take the file's name.
        if (kind === 'source' || kind === 'trash') continue;
        renameSync(join(root, rel), join(root, to));
        reports.push(`${rel} is Syncthing's copy of ${to}, which was missing; it was renamed ${to}`);
        continue;
      }
      let merged: ReturnType<typeof mergeRecordFile>;
      try {
        merged = mergeRecordFile(kind, { base: null, ours: own, theirs: copy }, true);
      } catch (e) {
        if (!(e instanceof MergeInputError)) throw e;
        const kept = keepCopy(root, rel, copy);
        unlinkSync(join(root, rel));
        reports.push(`${rel} is Syncthing's conflict copy of ${to} but could not be read (${e.message}); it was moved to ${QUARANTINE_DIR}/${kept} and not used`);
        continue;
      }
      const kept = keepCopy(root, rel, copy);
      if (merged.text !== null) writeFileDurable(join(root, to), merged.text);
      unlinkSync(join(root, rel));
      const clashes = merged.log.clashes.length;
      reports.push(
        `${rel} is Syncthing's conflict copy of ${to}; the two were merged record by record${clashes ? ` (${clashes} field${clashes === 1 ? '' : 's'} changed in both: both values kept for review)` : ''} and the copy moved to ${QUARANTINE_DIR}/${kept}`,
      );
      if (!existsSync(join(root, to))) reports.push(`${to} is empty after the merge`);
    }
  }
  return reports;
}
