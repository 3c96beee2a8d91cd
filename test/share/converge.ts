/**
 * The convergence run shared by the test (300 edits) and the benchmark (10,000):
 * copies of one notebook in git repositories, random edits through the service
 * spread across them, commits, and pairwise `git merge`s (with the notebook's
 * driver and hooks) in a random order; after every merge each file is valid, no
 * link dangles, and every field both sides changed differently carries a clash;
 * at the end every copy has merged every other and all are identical.
 */
import { spawnSync } from 'node:child_process';
import { deepStrictEqual, ok } from 'node:assert/strict';
import { applyEdit } from '../core/edit-ops.ts';
import { baseNotebook } from '../core/history-support.ts';
import { audit, commitAll, git, mergeInto, sharedFiles, shareCopy, tempCopy, withCopy, rng } from './support.ts';

/** Edits outweigh creates and deletes, so copies often change the same record between merges. */
const KINDS = [
  'quote',
  'quote',
  'editQuote',
  'editQuote',
  'editQuote',
  'editQuote',
  'deleteQuote',
  'claim',
  'claim',
  'editClaim',
  'editClaim',
  'editClaim',
  'editClaim',
  'deleteClaim',
  'link',
  'evidence',
  'notConflict',
  'renameSource',
  'renameTag',
  'deleteSource',
  'restoreSource',
  'import',
  'emptyTrash',
];
/** Fields compared directly by the clash oracle: when both sides changed one differently, the merged record must list it. */
const PLAIN: Record<string, string[]> = { q: ['note', 'color'], c: ['status', 'note', 'subject'] };

export interface Convergence {
  copies: string[];
  edits: number;
  merges: number;
  gitConflicts: number;
  clashesExpected: number;
  ids: number;
  lost: string[];
}

/** Every record (quote, claim) of a commit's record files, by id, read in one `git cat-file --batch`. */
function recordsAt(dir: string, rev: string): Map<string, any> {
  const paths = git(dir, 'ls-tree', '-r', '--name-only', rev)
    .split('\n')
    .filter((p) => /^(sources|claims)\/.*\.json$/.test(p));
  const r = spawnSync('git', ['cat-file', '--batch'], { cwd: dir, input: paths.map((p) => `${rev}:${p}\n`).join(''), maxBuffer: 1 << 30 });
  const out = new Map<string, any>();
  const buf = r.stdout;
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(10, at);
    const size = Number(buf.subarray(at, nl).toString().split(' ')[2]);
    const f = JSON.parse(buf.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    for (const x of [...(f.quotes ?? []), ...(f.claims ?? [])]) out.set(x.id, x);
    at = nl + 1 + size + 1;
  }
  return out;
}

/** The plain fields both sides changed differently, by record id: what the merge must report. */
function expectedClashes(into: string): [string, string, unknown, unknown][] {
  const bases = git(into, 'merge-base', '--all', 'HEAD', 'FETCH_HEAD').trim().split('\n');
  if (bases.length !== 1) return []; // criss-cross: git merges a virtual base first; not predicted here
  const [b, o, t] = [recordsAt(into, bases[0]!), recordsAt(into, 'HEAD'), recordsAt(into, 'FETCH_HEAD')];
  const out: [string, string, unknown, unknown][] = [];
  for (const [id, rb] of b) {
    const [ro, rt] = [o.get(id), t.get(id)];
    if (!ro || !rt) continue;
    for (const f of PLAIN[id[0]!] ?? []) {
      const [vb, vo, vt] = [rb[f], ro[f], rt[f]].map((v) => JSON.stringify(v));
      if (vo !== vb && vt !== vb && vo !== vt) out.push([id, f, ro[f], rt[f]]);
    }
  }
  return out;
}

export async function converge(opts: { edits: number; rounds: number; copies?: number; seed?: number; check?: boolean }): Promise<Convergence> {
  const r = rng(opts.seed ?? 19);
  const n = opts.copies ?? 3;
  const check = opts.check ?? true;
  const base = await baseNotebook();
  await base.close();
  shareCopy(base.dir);
  const copies = [base.dir];
  for (let i = 1; i < n; i++) {
    const d = tempCopy(`c${i}`);
    shareCopy(d, base.dir);
    copies.push(d);
  }
  const seen = new Set<string>();
  const deleted = new Set<string>();
  const idsOf = (nb: any) => {
    const m = nb.store.memory;
    return new Set<string>([...m.sources(), ...m.quotes(), ...m.claims()].map((x: any) => x.id).concat([...m.trashed()].flatMap((e: any) => [e.source.id, ...e.quotes.map((q: any) => q.id)])));
  };
  const res: Convergence = { copies, edits: 0, merges: 0, gitConflicts: 0, clashesExpected: 0, ids: 0, lost: [] };
  const mergeChecked = (into: string, from: string) => {
    git(into, 'fetch', '--quiet', from, 'HEAD');
    const expected = check ? expectedClashes(into) : [];
    const m = mergeInto(into, from);
    res.merges++;
    res.gitConflicts += m.conflicts.length;
    if (!check) return;
    const a = audit(into);
    deepStrictEqual(a.invalid, [], `invalid files after merging ${from} into ${into}`);
    deepStrictEqual(a.dangling, [], `dangling links after merging ${from} into ${into}`);
    for (const [id, field, vo, vt] of expected) {
      const rec = a.records.get(id) as any;
      const clash = rec?.mergeClashes?.find(
        (c: any) =>
          c.field === field &&
          new Set([JSON.stringify(JSON.parse(c.kept)[field]), JSON.stringify(JSON.parse(c.other)[field])]).size === 2 &&
          [c.kept, c.other].every((x: string) => [JSON.stringify(vo), JSON.stringify(vt)].includes(JSON.stringify(JSON.parse(x)[field]))),
      );
      ok(clash, `${id} ${field}: both ${JSON.stringify(vo)} and ${JSON.stringify(vt)} kept`);
      res.clashesExpected++;
    }
  };
  const perRound = Math.ceil(opts.edits / opts.rounds);
  for (let round = 0; round < opts.rounds; round++) {
    const share = copies.map(() => 0);
    for (let e = 0; e < perRound && res.edits < opts.edits; e++, res.edits++) share[Math.floor(r() * n)]!++;
    for (let i = 0; i < n; i++) {
      if (!share[i]) continue;
      await withCopy(copies[i]!, async (nb) => {
        const before = idsOf(nb);
        for (let k = 0; k < share[i]!; k++) {
          // Each session's first edit changes the same quote's note in every copy (its own value), so merges meet clashes.
          const op =
            k === 0
              ? { kind: 'editQuote', a: 0, b: round * n + i, text: i }
              : { kind: KINDS[Math.floor(r() * KINDS.length)]!, a: Math.floor(r() * 51), b: Math.floor(r() * 51), text: Math.floor(r() * 51) };
          await applyEdit(nb as never, op);
        }
        const after = idsOf(nb);
        for (const id of before) if (!after.has(id)) deleted.add(id);
        for (const id of after) seen.add(id);
      });
      commitAll(copies[i]!, `round ${round} copy ${i}`);
    }
    for (let k = 0; k < n; k++) {
      const x = Math.floor(r() * n);
      const y = (x + 1 + Math.floor(r() * (n - 1))) % n;
      mergeChecked(copies[x]!, copies[y]!);
    }
  }
  // Every copy merges every other: gather into the first, then the others take it.
  for (let i = 1; i < n; i++) mergeChecked(copies[0]!, copies[i]!);
  for (let i = 1; i < n; i++) mergeChecked(copies[i]!, copies[0]!);
  const final = audit(copies[0]!);
  res.ids = final.ids.size;
  res.lost = [...seen].filter((id) => !deleted.has(id) && !final.ids.has(id));
  return res;
}

export { sharedFiles, withCopy };
