/**
 * Shared notebooks in temp git repositories for the sharing tests: copies made by
 * `git clone` and `notebook share init`, edits through the service, commits, real
 * `git merge` with the notebook's driver and hooks, and the checks every merged
 * notebook must pass (every file valid, no dangling link, what each copy holds).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validFile } from '../../electron/storage/shard-reader.ts';
import { cliProcess, openService, tempDir } from '../support/notebook.ts';

export const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });

/** Makes `dir` (a closed notebook) a shared repository with its first commit, or a clone of `from` set up the same way. */
export function shareCopy(dir: string, from?: string): void {
  if (from) execFileSync('git', ['clone', '--quiet', from, dir], { stdio: 'pipe' });
  const init = cliProcess(dir, ['share', 'init']);
  if (init.code !== 0 || init.stderr) throw new Error(`share init failed (${init.code}): ${init.stderr}`);
  git(dir, 'config', 'user.name', 'Tester');
  git(dir, 'config', 'user.email', 'tester@example.invalid');
  git(dir, 'config', 'commit.gpgsign', 'false');
  if (!from) commitAll(dir, 'first');
}

/** Commits everything in the copy (the pre-commit hook checks the log); false when nothing changed. */
export function commitAll(dir: string, message: string): boolean {
  git(dir, 'add', '-A');
  if (!git(dir, 'status', '--porcelain').trim()) return false;
  git(dir, 'commit', '--quiet', '-m', message);
  return true;
}

export interface MergeOutcome {
  /** Paths git itself could not merge (the driver is not run for a file deleted on one side). */
  conflicts: string[];
  resolveOut: string;
}

/** Merges copy `from` into copy `into` with `git merge`; a stop is finished with `notebook share resolve` and a commit. */
export function mergeInto(into: string, from: string): MergeOutcome {
  git(into, 'fetch', '--quiet', from, 'HEAD');
  const r = spawnSync('git', ['merge', '--quiet', '--no-edit', 'FETCH_HEAD'], { cwd: into, encoding: 'utf8' });
  if (r.status === 0) return { conflicts: [], resolveOut: '' };
  const conflicts = git(into, 'diff', '--name-only', '--diff-filter=U').split('\n').filter(Boolean);
  const res = cliProcess(into, ['share', 'resolve']);
  if (res.code !== 0) throw new Error(`share resolve failed: ${res.stderr}${res.stdout}\n(git merge said: ${r.stdout}${r.stderr})`);
  git(into, 'commit', '--quiet', '--no-edit');
  return { conflicts, resolveOut: res.stdout };
}

/** Every shared file of a copy (record files and texts), by path. */
export function sharedFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of ['sources', 'claims', 'trash', 'texts']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, d)).sort();
    } catch {
      continue;
    }
    for (const n of names) if (statSync(join(dir, d, n)).isFile()) out[`${d}/${n}`] = readFileSync(join(dir, d, n), 'utf8');
  }
  try {
    out['tags.json'] = readFileSync(join(dir, 'tags.json'), 'utf8');
  } catch {
    // no tags yet
  }
  return out;
}

export interface Audit {
  invalid: string[];
  dangling: string[];
  ids: Set<string>;
  records: Map<string, Record<string, unknown>>;
}

/** Checks a copy's files as they are on disk: each valid, no link pointing at nothing; the ids it holds (live or trashed). */
export function audit(dir: string): Audit {
  const files = sharedFiles(dir);
  const invalid = Object.entries(files)
    .filter(([rel, raw]) => !rel.startsWith('texts/') && !validFile(rel, raw))
    .map(([rel]) => rel);
  const ids = new Set<string>();
  const records = new Map<string, Record<string, unknown>>();
  const quotes = new Set<string>();
  const claims: any[] = [];
  const live = new Set<string>();
  const tagNames = new Set<string>();
  const used: string[] = [];
  const dangling: string[] = [];
  for (const [rel, raw] of Object.entries(files)) {
    if (rel.startsWith('texts/') || invalid.includes(rel)) continue;
    const f = JSON.parse(raw);
    if (rel.startsWith('sources/') || rel.startsWith('trash/')) {
      ids.add(f.source.id);
      records.set(f.source.id, f.source);
      if (rel.startsWith('sources/')) live.add(f.source.id);
      else if (live.has(f.source.id) || files[`sources/${f.source.id}.json`]) dangling.push(`source ${f.source.id} is both live and in the trash`);
      for (const q of f.quotes) {
        ids.add(q.id);
        records.set(q.id, q);
        if (rel.startsWith('sources/')) {
          quotes.add(q.id);
          used.push(...q.tags);
        }
      }
      if (!files[`texts/${f.source.sha256}.txt`]) dangling.push(`source ${f.source.id}: its text is missing`);
    } else if (rel.startsWith('claims/')) {
      for (const c of f.claims) {
        ids.add(c.id);
        records.set(c.id, c);
        claims.push(c);
        used.push(...c.tags);
      }
    } else for (const t of f.tags) tagNames.add(t.name);
  }
  const claimIds = new Set(claims.map((c) => c.id));
  for (const c of claims) {
    for (const e of c.evidence) if (!quotes.has(e.quoteId)) dangling.push(`claim ${c.id} cites quote ${e.quoteId}`);
    for (const l of c.links) if (!claimIds.has(l.claimId)) dangling.push(`claim ${c.id} links claim ${l.claimId}`);
    for (const x of c.notConflictingWith) if (!claimIds.has(x)) dangling.push(`claim ${c.id} marks claim ${x}`);
  }
  for (const t of used) if (!tagNames.has(t)) dangling.push(`tag ${t} has no tag record`);
  return { invalid, dangling, ids, records };
}

/** Opens a copy through the service (every file must load) and runs `fn` on it; closes it (compacting the log). */
export async function withCopy<T>(dir: string, fn: (nb: Awaited<ReturnType<typeof openService>> & { dir: string }) => Promise<T>): Promise<T> {
  const nb = { ...(await openService(dir)), dir };
  try {
    return await fn(nb);
  } finally {
    await nb.close();
  }
}

export const tempCopy = (name: string) => join(tempDir(`nb-share-${name}-`), 'nb');

/** A small seeded generator, so a failing sequence can be replayed. */
export { mulberry32 as rng } from '../bench/stats.ts';
