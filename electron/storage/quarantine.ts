/**
 * Files that could not be read are moved aside, never overwritten. A notebook with
 * a file in quarantine refuses to open until the researcher decides: restore the
 * last good backup of that file, or go on without it. Nothing is silently dropped.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { NotebookError } from '../../shared/result.ts';
import { BACKUP_DIR, listBackups } from './backups.ts';
import { fsyncDir, isErrno, writeFileDurable } from './durable-fs.ts';

export const QUARANTINE_DIR = 'quarantine';
const KEPT = '.kept';

export interface QuarantinedFile {
  /** The file's name in quarantine/. */
  name: string;
  /** The notebook path it came from, e.g. sources/s_123.json. */
  rel: string;
}

const flatten = (rel: string) => rel.replace(/\//g, '__');
const unflatten = (flat: string) => flat.replace(/__/g, '/');

/** Moves `rel` into quarantine/ and returns its new name. */
export function quarantine(root: string, rel: string, now = new Date()): string {
  mkdirSync(join(root, QUARANTINE_DIR), { recursive: true });
  const name = `${now.toISOString().replace(/[-:.]/g, '')}--${flatten(rel)}`;
  renameSync(join(root, rel), join(root, QUARANTINE_DIR, name));
  fsyncDir(join(root, QUARANTINE_DIR));
  return name;
}

/**
 * Keeps a copy of `rel`'s current content in quarantine/ without blocking the open:
 * for a file the store could still use in part (a log with a damaged line), so the
 * researcher can see what was not used. Returns the copy's name.
 */
export function keepCopy(root: string, rel: string, content: string, now = new Date()): string {
  mkdirSync(join(root, QUARANTINE_DIR), { recursive: true });
  const name = `${now.toISOString().replace(/[-:.]/g, '')}--${flatten(rel)}${KEPT}`;
  writeFileDurable(join(root, QUARANTINE_DIR, name), content);
  return name;
}

export function pendingQuarantine(root: string): QuarantinedFile[] {
  let names: string[];
  try {
    names = readdirSync(join(root, QUARANTINE_DIR));
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return [];
    throw e;
  }
  return names
    .filter((n) => !n.endsWith(KEPT) && n.includes('--'))
    .sort()
    .map((name) => ({ name, rel: unflatten(name.slice(name.indexOf('--') + 2)) }));
}

/** Finds the newest backup of `rel` that passes `valid`. */
export function lastGoodBackup(root: string, rel: string, valid: (raw: string) => boolean): { backup: string; raw: string } | null {
  for (const backup of listBackups(root)) {
    try {
      const raw = readFileSync(join(root, BACKUP_DIR, backup, rel), 'utf8');
      if (valid(raw)) return { backup, raw };
    } catch (e) {
      if (!isErrno(e, 'ENOENT')) throw e;
    }
  }
  return null;
}

export function describeBackup(name: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} UTC` : name;
}

/** The error that tells the researcher what happened and what to do. */
export function quarantineError(root: string, files: QuarantinedFile[], reason: string | null, valid: (rel: string, raw: string) => boolean): NotebookError {
  const f = files[0]!;
  const good = lastGoodBackup(root, f.rel, (raw) => valid(f.rel, raw));
  const offer = good
    ? `a backup from ${describeBackup(good.backup)} is available: run \`notebook restore\` to put it back, or \`notebook restore --discard\` to go on without it`
    : 'no backup of it exists: run `notebook restore --discard` to go on without it';
  const more = files.length > 1 ? ` (and ${files.length - 1} more file(s))` : '';
  return new NotebookError('corrupt', `${f.rel}${reason ? ` could not be read (${reason}) and` : ''} was moved to ${QUARANTINE_DIR}/${f.name}${more}; ${offer}`);
}

/** Resolves every pending quarantined file: restore its last good backup, or (discard) accept the loss. */
export async function resolveQuarantine(root: string, discard: boolean, valid: (rel: string, raw: string) => boolean): Promise<{ restored: { rel: string; backup: string }[]; discarded: string[] }> {
  const restored: { rel: string; backup: string }[] = [];
  const discarded: string[] = [];
  for (const f of pendingQuarantine(root)) {
    const good = discard ? null : lastGoodBackup(root, f.rel, (raw) => valid(f.rel, raw));
    if (!discard && !good) throw new NotebookError('not_found', `no good backup of ${f.rel} exists; run \`notebook restore --discard\` to go on without it`);
    if (good) {
      writeFileDurable(join(root, f.rel), good.raw);
      restored.push({ rel: f.rel, backup: good.backup });
    } else discarded.push(f.rel);
    renameSync(join(root, QUARANTINE_DIR, f.name), join(root, QUARANTINE_DIR, f.name + KEPT));
  }
  // Nothing was ever quarantined: there is no folder to sync, and nothing to restore.
  if (restored.length || discarded.length) fsyncDir(join(root, QUARANTINE_DIR));
  return { restored, discarded };
}
