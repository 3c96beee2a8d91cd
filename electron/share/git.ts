/**
 * Sharing a notebook folder through git: `share init` (ignore file, merge driver,
 * hooks), the driver's merge of one file, finishing a merge git stopped (a file
 * deleted in one copy and changed in the other), settling links after a merge, and
 * the pre-commit check that every change is in the record files, not only the log.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { NotebookError } from '../../shared/result.ts';
import { MANIFEST, SCHEMA_VERSION, TrashShardSchema } from '../storage/layout.ts';
import type { SourceShard } from '../storage/layout.ts';
import { parseShard, serialize } from '../storage/shard-file.ts';
import { flagKeptSource } from '../../shared/model/merge.ts';
import { readNoFollow } from '../storage/no-follow.ts';
import { parseWal, WAL_FILE } from '../storage/wal.ts';
import { mergeRecordFile, MergeInputError, recordFileKind } from './merge-file.ts';
import type { FileMerge } from './merge-file.ts';
import { settleNotebook } from './settle.ts';
import type { Settled } from './settle.ts';

/** What stays on this machine: the log, the lock, backups, quarantine, caches, the host record, temps. */
export const GITIGNORE = [
  '# Research Notebook: files local to this copy (written by `notebook share init`)',
  '/wal.log',
  '/notebook.lock',
  '/.backups/',
  '/quarantine/',
  '/.index/',
  '/.host.json',
  '/txn/',
  '.*.tmp',
  '*.sync-conflict-*',
  '',
].join('\n');
export const GITATTRIBUTES = [
  '# Research Notebook: record files merge record by record (written by `notebook share init`)',
  'sources/*.json merge=notebook',
  'trash/*.json merge=notebook',
  'claims/*.json merge=notebook',
  'tags.json merge=notebook',
  'texts/*.txt -diff',
  '',
].join('\n');
const HOOK_MARK = '# research-notebook hook';

const git = (cwd: string, args: string[], input?: string) => execFileSync('git', args, { cwd, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The repository's top folder, or null when `dir` is in none (or git is missing). */
function topOf(dir: string): string | null {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return null;
  }
}

function refuseNonNotebook(dir: string): void {
  if (!existsSync(join(dir, MANIFEST))) throw new NotebookError('invalid_argument', `${dir} is not a notebook folder (it has no ${MANIFEST}); open it with the app or any notebook command first`);
}

/** Writes `name` with `content` unless it already holds it; a different file of the user's is kept and the lines are added. */
function ensureFile(path: string, content: string): 'written' | 'kept' | 'added' {
  const now = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (now === content) return 'kept';
  if (now === null) {
    writeFileSync(path, content);
    return 'written';
  }
  const missing = content.split('\n').filter((l) => l && !l.startsWith('#') && !now.split('\n').includes(l));
  if (!missing.length) return 'kept';
  writeFileSync(path, now.replace(/\n?$/, '\n') + missing.join('\n') + '\n');
  return 'added';
}

/** Sets the folder up for git: repository (made when there is none), ignore and attributes files, driver, hooks. One line per step. */
export function shareInit(dir: string, bin: string): string[] {
  refuseNonNotebook(dir);
  const lines: string[] = [];
  let top = topOf(dir);
  if (top === null) {
    try {
      git(dir, ['init', '--quiet']);
    } catch (e) {
      throw new NotebookError('io', `git could not make a repository in ${dir} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); is git installed?`);
    }
    top = topOf(dir)!;
    lines.push(`made a git repository in ${dir}`);
  }
  for (const [name, content] of [
    ['.gitignore', GITIGNORE],
    ['.gitattributes', GITATTRIBUTES],
  ] as const) {
    const how = ensureFile(join(dir, name), content);
    lines.push(how === 'kept' ? `${name} already set up` : how === 'written' ? `wrote ${name}` : `added the notebook's lines to your ${name}`);
  }
  const cli = `node ${shq(bin)}`;
  git(dir, ['config', 'merge.notebook.name', 'Research Notebook: record by record']);
  git(dir, ['config', 'merge.notebook.driver', `${cli} share merge-file %O %A %B %P`]);
  // A deleted source's file moves from sources/ to trash/; git must not take that for a rename and merge a source into a
  // trash entry. The 'ort' strategy of git 2.39 detects renames whatever merge.renames says, 'recursive' honours it
  // (pull.twohead is the strategy `git merge` and `git pull` use for two heads).
  git(dir, ['config', 'merge.renames', 'false']);
  git(dir, ['config', 'pull.twohead', 'recursive']);
  lines.push('registered the merge driver "notebook" in this repository\'s .git/config');
  const hooks = resolve(top, git(dir, ['rev-parse', '--git-path', 'hooks']).trim());
  mkdirSync(hooks, { recursive: true });
  for (const [hook, cmd] of [
    ['pre-commit', 'pre-commit'],
    ['post-merge', 'settle --commit'],
  ] as const) {
    const path = join(hooks, hook);
    const script = `#!/bin/sh\n${HOOK_MARK}\nexec ${cli} --notebook ${shq(dir)} share ${cmd}\n`;
    const now = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (now !== null && !now.includes(HOOK_MARK)) {
      lines.push(`kept your own ${hook} hook; add this line to it: ${cli} --notebook ${shq(dir)} share ${cmd}`);
      continue;
    }
    writeFileSync(path, script);
    chmodSync(path, 0o755);
    lines.push(`installed the ${hook} hook`);
  }
  return lines;
}

/** The driver: merges BASE, OURS and THEIRS of one record file into OURS. Returns the lines to print. */
export function mergeFileDriver(basePath: string, oursPath: string, theirsPath: string, path: string): FileMerge {
  const kind = recordFileKind(path);
  if (!kind) throw new NotebookError('invalid_argument', `${path} is not a notebook record file (sources/, trash/, claims/ or tags.json); the notebook driver does not merge it`);
  const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : null);
  let r: FileMerge;
  try {
    r = mergeRecordFile(kind, { base: read(basePath), ours: read(oursPath), theirs: read(theirsPath) });
  } catch (e) {
    if (e instanceof MergeInputError) throw new NotebookError('invalid_argument', `${path}: ${e.message}`);
    throw e;
  }
  // Git calls a driver only when both sides have the file, and a merge of two files is a file (an emptied bucket is an empty list).
  if (r.text !== null) writeFileSync(oursPath, r.text);
  return r;
}

/** The stage of an unmerged path (1 base, 2 ours, 3 theirs), or null when that side has no such file. */
function stage(top: string, n: 1 | 2 | 3, path: string, stages: Set<number>): string | null {
  return stages.has(n) ? git(top, ['show', `:${n}:${path}`]) : null;
}

/**
 * A source deleted on one side went to that side's trash with its quotes as they were
 * then (some perhaps added just before): that entry is the deleting side's version of
 * the source file, so the merge with the side that changed it loses none of them.
 */
function trashedSide(top: string, path: string, sides: { base: string | null; ours: string | null; theirs: string | null }) {
  if ((sides.ours === null) === (sides.theirs === null)) return null;
  const rev = sides.ours === null ? 'HEAD' : 'MERGE_HEAD';
  let raw: string;
  try {
    raw = git(top, ['show', `${rev}:${path.replace(/sources\/([^/]+)$/, 'trash/$1')}`]);
  } catch {
    return null;
  }
  const entry = parseShard(TrashShardSchema, raw);
  if (!entry.ok) return null;
  const shard = serialize({ schemaVersion: SCHEMA_VERSION, source: entry.data.source, quotes: entry.data.quotes });
  return sides.ours === null ? { ...sides, ours: shard } : { ...sides, theirs: shard };
}

/** Marks the merged source as kept although one copy deleted it. */
function flagged(text: string, r: FileMerge): string {
  const shard = JSON.parse(text) as SourceShard;
  return serialize({ ...shard, source: flagKeptSource(shard.source, r.log) });
}

export interface Resolved {
  merged: string[];
  removed: string[];
  left: string[];
  clashes: number;
  notes: string[];
  settled: Settled;
}

/**
 * Finishes a merge git stopped in this notebook: every record file it left unmerged
 * (deleted in one copy, changed in the other; or a driver that could not run) is
 * merged record by record and staged, then links are settled and staged. Files that
 * are not the notebook's are left for the user.
 */
export function resolveMerge(dir: string): Resolved {
  refuseNonNotebook(dir);
  const top = topOf(dir);
  if (top === null) throw new NotebookError('invalid_argument', `${dir} is not in a git repository; run \`notebook share init\` first`);
  const unmerged = new Map<string, Set<number>>();
  for (const line of git(top, ['ls-files', '-u', '-z', '--', dir]).split('\0')) {
    const m = /^\d+ [0-9a-f]+ (\d)\t(.*)$/s.exec(line);
    if (m) unmerged.set(m[2]!, (unmerged.get(m[2]!) ?? new Set()).add(Number(m[1])));
  }
  const out: Resolved = { merged: [], removed: [], left: [], clashes: 0, notes: [], settled: { changed: [], notes: [], unlinked: 0 } };
  for (const [path, stages] of unmerged) {
    const kind = recordFileKind(relative(dir, join(top, path)));
    if (!kind) {
      out.left.push(path);
      continue;
    }
    let r: FileMerge;
    try {
      const sides = { base: stage(top, 1, path, stages), ours: stage(top, 2, path, stages), theirs: stage(top, 3, path, stages) };
      const trashed = kind === 'source' && sides.base !== null ? trashedSide(top, path, sides) : null;
      r = mergeRecordFile(kind, trashed ?? sides);
      if (trashed && r.text !== null) r = { ...r, text: flagged(r.text, r) };
    } catch (e) {
      if (!(e instanceof MergeInputError)) throw e;
      out.notes.push(`${path}: ${e.message}`);
      out.left.push(path);
      continue;
    }
    out.clashes += r.log.clashes.length;
    out.notes.push(...r.log.notes);
    const abs = join(top, path);
    if (r.text === null) {
      if (existsSync(abs)) unlinkSync(abs);
      git(top, ['rm', '--cached', '--quiet', '--', path]);
      out.removed.push(path);
    } else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, r.text);
      git(top, ['add', '--', path]);
      out.merged.push(path);
    }
  }
  out.settled = settleNotebook(dir);
  if (out.settled.changed.length) git(top, ['add', '-A', '--', ...out.settled.changed.map((rel) => join(dir, rel))]);
  return out;
}

/** After a merge (the post-merge hook): settles links and, with `commit`, commits the repairs. */
export function settleAfterMerge(dir: string, commit: boolean): Settled {
  refuseNonNotebook(dir);
  const s = settleNotebook(dir);
  const top = topOf(dir);
  if (commit && top !== null && s.changed.length) {
    const paths = s.changed.map((rel) => join(dir, rel));
    git(top, ['add', '-A', '--', ...paths]);
    // No pathspec: git refuses a partial commit while the hook runs (MERGE_HEAD is still there); the index holds just the merge and these repairs.
    git(top, ['commit', '--quiet', '--no-verify', '-m', `notebook: links settled after the merge\n\n${s.notes.join('\n')}`]);
  }
  return s;
}

/** The pre-commit check: refuses while the log holds changes not yet written to the record files. */
export function walPending(dir: string): number {
  const raw = readNoFollow(join(dir, WAL_FILE), WAL_FILE);
  return raw === null ? 0 : parseWal(raw).entries.length;
}
