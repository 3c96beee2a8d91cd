/**
 * `notebook share …`: sharing the notebook folder through git. `share init` sets the
 * folder up (ignore file, merge driver, hooks); `share merge-file` is the driver git
 * runs; `share resolve` finishes a merge git stopped; `share settle` repairs links
 * after a merge (the post-merge hook); `share pre-commit` refuses a commit while the
 * log holds changes; `share flush` writes them into the record files; `share clashes`
 * lists the records a merge kept with both values of a field.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { NotebookError } from '../../shared/result.ts';
import { NotebookStore } from '../storage/store.ts';
import { mergeFileDriver, resolveMerge, settleAfterMerge, shareInit, walPending } from '../share/git.ts';
import type { Io } from './main.ts';

/** The `notebook` launcher of this checkout, which the driver and hooks run (found upward from this module, bundled or not). */
export function notebookBin(): string {
  if (process.env['NOTEBOOK_BIN']) return process.env['NOTEBOOK_BIN'];
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    const bin = join(d, 'electron/cli/notebook.mjs');
    if (existsSync(bin)) return bin;
    if (dirname(d) === d) throw new NotebookError('not_found', 'the notebook command (electron/cli/notebook.mjs) was not found beside this program; set NOTEBOOK_BIN to its path');
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function registerShare(program: Command, dir: () => string, io: Io): void {
  const share = program.command('share').description('share the notebook folder through git (or Syncthing): set-up, merge driver, hooks');
  share
    .command('init')
    .description('set the notebook folder up for git: ignore file, record-by-record merge driver, hooks')
    .action(() => {
      for (const line of shareInit(dir(), notebookBin())) io.out(line);
      io.out('Commit the notebook folder (git add -A && git commit) and share it; run `notebook share init` in every clone.');
    });
  share
    .command('merge-file <base> <ours> <theirs> [path]')
    .description('the git merge driver: merge one record file record by record into OURS')
    .action((base: string, ours: string, theirs: string, path?: string) => {
      const r = mergeFileDriver(base, ours, theirs, path ?? ours);
      for (const n of r.log.notes) io.err(`notebook: ${path}: ${n}`);
      if (r.log.clashes.length) io.err(`notebook: ${path}: ${plural(r.log.clashes.length, 'field')} changed in both copies; both values are kept for review`);
    });
  share
    .command('resolve')
    .description('finish a merge git stopped: merge the notebook files it left, settle links, stage them')
    .action(() => {
      const r = resolveMerge(dir());
      for (const p of r.merged) io.out(`merged ${p}`);
      for (const p of r.removed) io.out(`removed ${p} (deleted in one copy, unchanged in the other)`);
      for (const n of [...r.notes, ...r.settled.notes]) io.out(n);
      if (r.clashes) io.out(`${plural(r.clashes, 'field')} changed in both copies; both values are kept for review`);
      if (r.left.length) {
        io.out(`left for you (not notebook files): ${r.left.join(', ')}`);
        throw new NotebookError('conflict', 'resolve the files listed above, then `git commit`');
      }
      io.out('Now `git commit` to finish the merge.');
    });
  share
    .command('settle')
    .description('after a merge: remove links to records deleted in the other copy, keep changed sources out of the trash')
    .option('--commit', 'commit the repairs (the post-merge hook)')
    .action((o: { commit?: boolean }) => {
      const r = settleAfterMerge(dir(), !!o.commit);
      for (const n of r.notes) io.out(`notebook: ${n}`);
    });
  share
    .command('pre-commit')
    .description('the pre-commit hook: refuse while the log holds changes not yet in the record files')
    .action(() => {
      const n = walPending(dir());
      if (n)
        throw new NotebookError(
          'conflict',
          `the notebook's log holds ${plural(n, 'change')} not yet written to its record files; close the app (or run \`notebook share flush\`), then \`git add\` the notebook and commit again`,
        );
    });
  share
    .command('clashes')
    .description('the records a merge kept with fields both copies changed (and records kept although one copy deleted them)')
    .option('--json', 'print one JSON document')
    .action(async (o: { json?: boolean }) => {
      const store = await NotebookStore.open(dir(), { write: 'never', load: 'all' });
      try {
        const m = store.memory;
        const items = [...m.sources(), ...m.quotes(), ...m.claims()].filter((r) => r.mergeClashes?.length).map((r) => ({ id: r.id, clashes: r.mergeClashes! }));
        if (o.json) return io.out(JSON.stringify({ clashes: items }, null, 2));
        if (!items.length) return io.out('No merge clashes.');
        for (const i of items)
          for (const c of i.clashes) io.out(c.field === 'deleted' ? `${i.id}  deleted in one copy, changed in the other: kept` : `${i.id}  ${c.field}: kept ${c.kept}, other copy had ${c.other}`);
      } finally {
        await store.close();
      }
    });
  share
    .command('flush')
    .description('write every change in the log into the record files (the notebook must not be open in the app)')
    .action(async () => {
      const store = await NotebookStore.open(dir(), { write: 'required', load: 'all' });
      await store.close();
      io.out(walPending(dir()) ? 'the log still holds changes' : 'every change is in the record files');
    });
}
