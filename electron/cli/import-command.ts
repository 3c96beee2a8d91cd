/**
 * `notebook import FILE…`: every file is checked first, then the good ones are
 * imported and each bad one is named on stderr with its reason (the contract's
 * importFiles, the same behaviour as the File menu and drag-and-drop). The whole
 * command is one undo step. It fails (exit 1) when any file was refused, after
 * printing what was imported.
 */
import type { Command } from 'commander';
import type { ImportFileOutcome } from '../../shared/api/contract.ts';
import { NotebookError } from '../../shared/result.ts';
import { importFromDisk } from '../import/read-paths.ts';
import type { CliContext } from './claim-commands.ts';
import { CommandFailed } from './session.ts';
import type { Io } from './main.ts';

function importLine(r: ImportFileOutcome): string | null {
  if (r.status === 'refused') return null;
  if (r.newVersion) {
    const c = r.newVersion.counts;
    const waiting = r.newVersion.review.length ? `; ${r.newVersion.review.length} wait for review: run \`notebook review\`` : '';
    return `new version of ${r.source.id}  ${r.source.title}: ${c.exact} exact, ${c.moved} moved, ${c.fuzzy} fuzzy, ${c.orphaned} orphaned${waiting}`;
  }
  if (r.restoredFromTrash) return `restored from the Trash  ${r.source.id}  ${r.source.title}  (with its ${r.restoredFromTrash.quotes} quote${r.restoredFromTrash.quotes === 1 ? '' : 's'})`;
  return `${r.duplicate ? 'already in notebook' : 'imported'}  ${r.source.id}  ${r.source.title}  (${r.source.length} characters, ${r.source.encoding})`;
}

export function registerImport(program: Command, { withSession, emit, jsonOpt }: CliContext, io: Io): void {
  program
    .command('import')
    .description(
      'import .txt, .md or .html files, Word .docx, .epub and .odt documents, or saved web pages (.mhtml, .warc): every file is checked first, then the good ones are imported and each bad one is named with its reason (one undo step; the same text twice is recognised and not duplicated)',
    )
    .argument('<files...>', 'files to import')
    .option('--new-version-of <source>', 'import the file as a new version of this source and re-anchor its quotes')
    .addOption(jsonOpt())
    .action(async (files: string[], o: { json?: boolean; newVersionOf?: string }) => {
      if (o.newVersionOf && files.length !== 1) throw new NotebookError('invalid_argument', '--new-version-of takes exactly one file');
      const outcomes = await withSession('required', (s) => importFromDisk(files, (batch) => s.call('importFiles', { files: batch }), { newVersionOf: o.newVersionOf }));
      const refused = outcomes.filter((r) => r.status === 'refused');
      if (o.json) emit(true, { results: outcomes.map(({ fileName, ...rest }) => ({ file: fileName, ...rest })) }, () => '');
      else if (refused.length < outcomes.length) io.out(outcomes.map(importLine).filter(Boolean).join('\n'));
      for (const r of outcomes) if (r.status !== 'refused') for (const n of r.notes ?? []) io.err(`notebook: note: ${r.fileName}: ${n}`);
      for (const r of refused) io.err(`notebook: ${r.reason}`);
      if (refused.length) throw new CommandFailed(1);
    });
}
